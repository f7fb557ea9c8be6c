import Foundation
import ShowroomSite
import ShowroomTestSupport
import ShowroomWorkspace
import Testing

/// `showroom new model`: a model copied from a similar one builds with the fleet, and a refused request writes nothing.
@Suite struct NewModelTests {
    /// One model of each body and energy in the example fleet, with its brand's site (which shows the line-up).
    static let likes: [(like: String, brand: String)] = [
        ("vega", "meridian"), ("corsa", "meridian"), ("aurora", "lumen"), ("halo", "lumen"), ("zenith", "lumen"),
        ("pop", "kite"), ("volt", "kite"), ("trek", "harbor"), ("voyage", "harbor"),
    ]

    @Test(arguments: likes)
    func aNewModelCopiedFromAnyKindOfModelBuildsWithItsSiteAndLineUpCardAndNoErrors(like: String, brand: String) throws {
        let root = try ExampleFleet.copy(sites: [brand, "group"])
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try ModelScaffold.create(ModelScaffoldRequest(id: "orbit", brand: brand, like: like, name: "Orbit", site: ""), in: root).get()
        let output = root.appendingPathComponent("public")

        let report = FleetBuilder.build(BuildOptions(workspace: root, output: output))

        #expect(report.allDiagnostics.errors.isEmpty, "\(report.allDiagnostics.errors)")
        let home = try String(contentsOf: output.appendingPathComponent("orbit/index.html"), encoding: .utf8)
        #expect(home.contains("Orbit"))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("orbit/specs/index.html").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("\(brand)/models/orbit/index.html").path))
    }

    @Test func theNewBlockGoesAfterTheBrandsLastModelAndEveryOtherLineStaysAsWritten() throws {
        let root = try ExampleFleet.copy(sites: [])
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("shared/data/models.yaml")
        let before = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")

        _ = try ModelScaffold.create(ModelScaffoldRequest(id: "orbit", brand: "lumen", like: "aurora"), in: root).get()

        let after = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        let start = try #require(after.firstIndex(of: "- id: orbit"))
        let end = try #require(after[(start + 1)...].firstIndex { $0.hasPrefix("- id: ") })
        #expect(after[end] == "- id: pop", "Zenith is Lumen's last model, Pop is Kite's first")
        #expect(Array(after[..<start]) + Array(after[end...]) == before)
    }

    @Test func theCopyHasTheNewNamesAndMarksEveryFigureOfTheCopiedModelFillIn() throws {
        let root = try ExampleFleet.copy(sites: [])
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try ModelScaffold.create(ModelScaffoldRequest(id: "orbit", brand: "lumen", like: "aurora", name: "Orbit"), in: root).get()

        let models = try YAMLNode.load(root.appendingPathComponent("shared/data/models.yaml"), relativePath: "shared/data/models.yaml")
        let orbit = try #require(models.items?.first { $0["id"]?.scalarText == "orbit" })
        #expect(orbit["name"]?.scalarText == "Lumen Orbit")
        #expect(orbit["shortName"]?.scalarText == "Orbit")
        #expect(orbit["website"]?.scalarText == "https://orbit.lumen-motors.example/")
        for value in [orbit["tagline"], orbit["nameZh"], orbit["keySpecs"]?["power"], orbit["trims"]?.items?.first?["efficiency"],
                      orbit["specs"]?.items?.first?["rows"]?.items?.first?["value"]] {
            #expect(value?.scalarText?.hasPrefix("FILL IN") == true, "\(String(describing: value?.scalarText))")
        }
        let text = try String(contentsOf: root.appendingPathComponent("shared/data/models.yaml"), encoding: .utf8)
        #expect(text.contains("  fromPrice: 229800  # FILL IN: the from-price in CNY"))
        #expect(text.contains("    price: 259800  # FILL IN: the Long Range trim's price"))
    }

    @Test func theLineUpCardAndSpecPagesAreTheCopiedModelsWithTheNewNamesAndFillInMarks() throws {
        let root = try ExampleFleet.copy(sites: [])
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try ModelScaffold.create(ModelScaffoldRequest(id: "orbit", brand: "kite", like: "aurora", name: "Orbit"), in: root).get()

        let card = try String(contentsOf: root.appendingPathComponent("shared/content/lineup/orbit.md"), encoding: .utf8)
        #expect(card.contains("title: Kite Orbit\n"))
        #expect(card.contains("model: orbit\n"))
        #expect(card.contains("tags: [kite, orbit]\n"))
        #expect(card.contains("url: https://orbit.kite-cars.example/\n"))
        #expect(card.contains("description: \"FILL IN:"))
        let specs = root.appendingPathComponent("shared/content/models/orbit")
        #expect(try FileManager.default.contentsOfDirectory(atPath: specs.path).sorted() == ["_index.md", "design.md", "technology.md"])
        let design = try String(contentsOf: specs.appendingPathComponent("design.md"), encoding: .utf8)
        #expect(design.contains("The Kite Orbit is"))
        #expect(design.contains("FILL IN: this text is still the Aurora's"))
        #expect(!design.contains("Lumen"))
    }

    @Test func theSharedSectionsThatListEveryModelInTheirTagsListTheNewOneToo() throws {
        let root = try ExampleFleet.copy(sites: [])
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try ModelScaffold.create(ModelScaffoldRequest(id: "orbit", brand: "lumen", like: "aurora"), in: root).get()

        for section in ["lineup", "news", "stories"] {
            let index = try String(contentsOf: root.appendingPathComponent("shared/content/\(section)/_index.md"), encoding: .utf8)
            #expect(index.contains("tags: [group, meridian, lumen, kite, harbor, vega, atlas, corsa, terra, aurora, halo, nova, zenith, pop, "
                                   + "dash, volt, trek, crest, voyage, orbit]\n"), "\(section)")
        }
    }

    /// Requests `new model` refuses, each with the words its error must contain.
    static let refusals: [(request: ModelScaffoldRequest, error: String)] = [
        (ModelScaffoldRequest(id: "aurora", brand: "lumen", like: "halo"), "a model `aurora` already exists"),
        (ModelScaffoldRequest(id: "orbit", brand: "comet", like: "aurora"), "there is no brand `comet`"),
        (ModelScaffoldRequest(id: "orbit", brand: "lumen", like: "apollo"), "there is no model `apollo` to copy"),
        (ModelScaffoldRequest(id: "Orbit X", brand: "lumen", like: "aurora"), "`Orbit X` is not a valid model id"),
        (ModelScaffoldRequest(id: "orbit", brand: "lumen", like: "aurora", site: "aurora"), "a site `aurora` already exists"),
    ]

    @Test(arguments: refusals)
    func aRefusedRequestSaysWhyWithAFixAndWritesNothing(request: ModelScaffoldRequest, error: String) throws {
        let root = try ExampleFleet.copy(sites: ["aurora"])
        defer { try? FileManager.default.removeItem(at: root) }
        let before = try Self.files(under: root)

        let result = ModelScaffold.create(request, in: root)

        guard case .failure(let failure) = result else { Issue.record("created \(request.id)"); return }
        let diagnostic = try #require(failure.diagnostics.first { $0.message.contains(error) }, "\(failure.diagnostics)")
        #expect(diagnostic.hint?.isEmpty == false)
        #expect(try Self.files(under: root) == before)
    }

    @Test func aLineUpCardLeftWithoutItsModelIsRefusedRatherThanOverwritten() throws {
        let root = try ExampleFleet.copy(sites: [])
        defer { try? FileManager.default.removeItem(at: root) }
        let card = root.appendingPathComponent("shared/content/lineup/orbit.md")
        try Data("---\ntitle: Orbit\n---\n".utf8).write(to: card)
        let before = try Self.files(under: root)

        let result = ModelScaffold.create(ModelScaffoldRequest(id: "orbit", brand: "lumen", like: "aurora"), in: root)

        guard case .failure(let failure) = result else { Issue.record("overwrote the card"); return }
        #expect(failure.diagnostics.map(\.message) == ["shared/content/lineup/orbit.md already exists, though there is no model `orbit`"])
        #expect(try Self.files(under: root) == before)
    }

    @Test func theModelsAddressIsItsProductSitesAddress() throws {
        let root = try ExampleFleet.copy(sites: [])
        defer { try? FileManager.default.removeItem(at: root) }

        _ = try ModelScaffold.create(ModelScaffoldRequest(id: "orbit", brand: "lumen", like: "aurora", site: "orbit-launch"), in: root).get()

        let site = try String(contentsOf: root.appendingPathComponent("sites/orbit-launch/site.yaml"), encoding: .utf8)
        let models = try String(contentsOf: root.appendingPathComponent("shared/data/models.yaml"), encoding: .utf8)
        #expect(site.contains("baseURL: https://orbit-launch.lumen-motors.example/\n"))
        #expect(models.contains("  website: https://orbit-launch.lumen-motors.example/\n"))
    }

    @Test func theCommandPrintsWhatItWroteAndThatCheckListsWhatToFillIn() throws {
        let root = try ExampleFleet.copy(sites: [])
        defer { try? FileManager.default.removeItem(at: root) }

        let run = try ShowroomCommand.run(["new", "model", "orbit", "--brand", "lumen", "--like", "aurora", "--workspace", root.path, "--site"])

        #expect(run.status == 0, "\(run.output)\(run.errors)")
        for line in ["shared/data/models.yaml", "shared/content/lineup/orbit.md", "shared/content/models/orbit/", "sites/orbit/",
                     "showroom check"] {
            #expect(run.output.contains(line), "\(run.output)")
        }
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("sites/orbit/site.yaml").path))
    }

    /// Every file and folder under `root` (hidden ones too) with its bytes (none for a folder), for comparing a
    /// workspace before and after.
    static func files(under root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            let path = url.path.replacingOccurrences(of: root.path, with: "")
            files[path] = try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true ? Data(contentsOf: url) : Data()
        }
        return files
    }
}
