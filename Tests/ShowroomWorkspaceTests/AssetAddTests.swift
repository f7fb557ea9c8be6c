import Foundation
import ShowroomCore
import ShowroomTestSupport
import ShowroomWorkspace
import Testing

/// `showroom assets add`: a good request copies the file and writes its record as text into the catalogue, keeping
/// everything else as it was; a bad one lists every problem and writes nothing.
@Suite struct AssetAddTests {
    /// The day the requests are made on: before the fixture's licence ends.
    static let today = Date(timeIntervalSince1970: 1_780_000_000)  // 2026-05-28

    static func request(_ workspace: FixtureWorkspace, file: String = "incoming/orbit-spring.jpg", id: String? = "orbit-spring",
                        title: String? = "Orbit in spring", kind: String? = "photo", cost: String? = "250000",
                        currency: String? = "CNY", owner: String? = "Northlight Studio", licenceExpiry: String? = "2030-12-31",
                        model: String? = "orbit", alt: [String: String] = ["en": "The Orbit under cherry blossom", "zh-CN": "樱花下的 Orbit"],
                        downloadable: Bool = true) -> NewAsset {
        NewAsset(source: workspace.root.appendingPathComponent(file), id: id, title: title, kind: kind, cost: cost,
                 currency: currency, owner: owner, licenceExpiry: licenceExpiry, model: model, alt: alt, downloadable: downloadable)
    }

    /// Every file of the workspace with its bytes, to show that a refusal wrote nothing.
    static func files(_ workspace: FixtureWorkspace) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: workspace.root, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            files[url.path] = (try? Data(contentsOf: url)) ?? Data()
        }
        return files
    }

    @Test func aPhotoOfAModelIsCopiedBesideItsPicturesAndItsRecordGoesAfterTheModelsOtherAssets() throws {
        let workspace = try FixtureWorkspace("asset-library")
        defer { workspace.remove() }
        let before = try workspace.read("assets/catalog.yaml")

        let (added, problems) = AssetCatalog.add(Self.request(workspace), workspace: workspace.root, now: Self.today)

        #expect(problems.isEmpty, "\(problems)")
        #expect(added?.record.file == "models/orbit/orbit-spring.jpg")
        #expect(added?.line == 12)
        #expect(added?.reference == "asset:orbit-spring")
        #expect(try Data(contentsOf: workspace.root.appendingPathComponent("assets/files/models/orbit/orbit-spring.jpg"))
            == Data(contentsOf: workspace.root.appendingPathComponent("incoming/orbit-spring.jpg")))
        var lines = before.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.insert(contentsOf: [
            "orbit-spring:", "  file: models/orbit/orbit-spring.jpg", "  title: Orbit in spring", "  kind: photo", "  model: orbit",
            "  owner: Northlight Studio", "  cost: 250000", "  currency: CNY", "  licenceExpiry: '2030-12-31'", "  downloadable: true",
            "  alt:", "    en: The Orbit under cherry blossom", "    zh-CN: 樱花下的 Orbit",
        ], at: 11)
        #expect(try workspace.read("assets/catalog.yaml") == lines.joined(separator: "\n"))
    }

    @Test func theCatalogueReadsTheNewRecordBackWithoutAProblem() throws {
        let workspace = try FixtureWorkspace("asset-library")
        defer { workspace.remove() }
        _ = AssetCatalog.add(Self.request(workspace), workspace: workspace.root, now: Self.today)

        let (catalog, diagnostics) = AssetCatalog.load(root: workspace.root)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let asset = try #require(catalog["orbit-spring"])
        #expect(asset.kind == .photo && asset.model == "orbit" && asset.cost == 250_000 && asset.downloadable)
        #expect(asset.altText(for: "zh-CN") == "樱花下的 Orbit")
        #expect(asset.licenceExpiry == Date(timeIntervalSince1970: 1_924_905_600))  // 2030-12-31
    }

    @Test func withoutAModelTheFileGoesToItsKindsFolderAndTheRecordToTheEnd() throws {
        let workspace = try FixtureWorkspace("asset-library")
        defer { workspace.remove() }
        let before = try workspace.read("assets/catalog.yaml")

        let (added, problems) = AssetCatalog.add(
            Self.request(workspace, file: "incoming/price-list.pdf", id: "price-list-2026", title: "Price list 2026", kind: "brochure",
                         cost: "0", model: nil, alt: [:]),
            workspace: workspace.root, now: Self.today)

        #expect(problems.isEmpty, "\(problems)")
        #expect(added?.record.file == "brochures/price-list-2026.pdf")
        #expect(FileManager.default.fileExists(atPath: workspace.root.appendingPathComponent("assets/files/brochures/price-list-2026.pdf").path))
        #expect(try workspace.read("assets/catalog.yaml").hasPrefix(before + "price-list-2026:\n  file: brochures/price-list-2026.pdf\n"))
    }

    @Test(arguments: ["Orbit: the 'spring' shoot #2", "true", "2029", "- dash first", "ends with space "])
    func aTitleYAMLWouldMisreadIsQuotedSoItReadsBackAsWritten(title: String) throws {
        let workspace = try FixtureWorkspace("asset-library")
        defer { workspace.remove() }
        let (_, problems) = AssetCatalog.add(Self.request(workspace, title: title), workspace: workspace.root, now: Self.today)

        #expect(problems.isEmpty, "\(problems)")
        #expect(AssetCatalog.load(root: workspace.root).0["orbit-spring"]?.title == title.trimmingCharacters(in: .whitespaces))
    }

    @Test func aDuplicateIdIsRefusedAtTheExistingRecordAndNothingIsWritten() throws {
        let workspace = try FixtureWorkspace("asset-library")
        defer { workspace.remove() }
        let before = Self.files(workspace)

        let (added, problems) = AssetCatalog.add(Self.request(workspace, id: "vega-hero"), workspace: workspace.root, now: Self.today)

        #expect(added == nil)
        #expect(problems.map(\.description) == [
            "assets/catalog.yaml:14:1: error: there is already an asset `vega-hero` in assets/catalog.yaml\n"
                + "    fix: choose another `--id`, e.g. `--id vega-hero-2`, or edit the existing record",
        ])
        #expect(Self.files(workspace) == before)
    }

    @Test func everyMissingFieldIsListedAtOnceWithItsOptionAndNothingIsWritten() throws {
        let workspace = try FixtureWorkspace("asset-library")
        defer { workspace.remove() }
        let before = Self.files(workspace)

        let (added, problems) = AssetCatalog.add(
            Self.request(workspace, id: nil, title: nil, kind: nil, cost: nil, currency: nil, owner: nil, licenceExpiry: nil),
            workspace: workspace.root, now: Self.today)

        #expect(added == nil)
        #expect(problems.map(\.message) == [
            "`--id` is missing", "`--title` is missing", "`--kind` is missing", "`--cost` is missing", "`--currency` is missing",
            "`--owner` is missing", "`--licence-expiry` is missing",
        ])
        #expect(problems.allSatisfy { $0.hint?.hasPrefix("add `--") == true })
        #expect(Self.files(workspace) == before)
    }

    @Test(arguments: ["incoming/no-such-photo.jpg", "incoming"])
    func aFileThatCannotBeReadIsRefusedAndNothingIsWritten(file: String) throws {
        let workspace = try FixtureWorkspace("asset-library")
        defer { workspace.remove() }
        let before = Self.files(workspace)

        let (added, problems) = AssetCatalog.add(Self.request(workspace, file: file), workspace: workspace.root, now: Self.today)

        #expect(added == nil)
        #expect(problems.count == 1)
        #expect(problems.first?.location?.file == workspace.root.appendingPathComponent(file).path)
        #expect(Self.files(workspace) == before)
    }

    @Test(arguments: [
        ("2030-13-01", "`--licence-expiry` must be a day written YYYY-MM-DD, found `2030-13-01`"),
        ("31/12/2030", "`--licence-expiry` must be a day written YYYY-MM-DD, found `31/12/2030`"),
        ("2026-01-31", "`--licence-expiry 2026-01-31` has already passed: a page using the asset would fail the build"),
    ])
    func aBadOrPastLicenceDateIsRefusedAndNothingIsWritten(date: String, message: String) throws {
        let workspace = try FixtureWorkspace("asset-library")
        defer { workspace.remove() }
        let before = Self.files(workspace)

        let (added, problems) = AssetCatalog.add(Self.request(workspace, licenceExpiry: date), workspace: workspace.root, now: Self.today)

        #expect(added == nil)
        #expect(problems.map(\.message) == [message])
        #expect(Self.files(workspace) == before)
    }

    @Test func aCostWithThousandsSeparatorsIsRefusedWithTheDigitsOnlyFix() throws {
        let workspace = try FixtureWorkspace("asset-library")
        defer { workspace.remove() }
        let (_, problems) = AssetCatalog.add(Self.request(workspace, cost: "250,000"), workspace: workspace.root, now: Self.today)

        #expect(problems.map(\.message) == ["`--cost` must be a number, found `250,000`"])
        #expect(problems.first?.hint?.contains("no thousands separators") == true)
    }

    @Test func anUnknownModelIsRefusedWithTheNearestModelsName() throws {
        let workspace = try FixtureWorkspace("asset-library")
        defer { workspace.remove() }
        let (_, problems) = AssetCatalog.add(Self.request(workspace, model: "orbt"), workspace: workspace.root, now: Self.today)

        #expect(problems.first?.location == SourceLocation(file: "shared/data/models.yaml"))
        #expect(problems.first?.hint?.hasPrefix("did you mean `--model orbit`?") == true)
    }

    @Test func theCommandPrintsWhatItDidAndTheAssetReferenceToUseInMarkdown() throws {
        let workspace = try FixtureWorkspace("asset-library")
        defer { workspace.remove() }
        let run = try ShowroomCommand.run([
            "assets", "add", workspace.root.appendingPathComponent("incoming/orbit-spring.jpg").path, "--id", "orbit-spring",
            "--title", "Orbit in spring", "--kind", "photo", "--cost", "250000", "--currency", "CNY", "--owner", "Northlight Studio",
            "--licence-expiry", "2030-12-31", "--model", "orbit", "--alt-en", "The Orbit under cherry blossom",
            "--workspace", workspace.root.path,
        ])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("to assets/files/models/orbit/orbit-spring.jpg\n"))
        #expect(run.output.contains("Added `orbit-spring` to assets/catalog.yaml at line 12\n"))
        #expect(run.output.contains("![The Orbit under cherry blossom](asset:orbit-spring)"))
    }

    @Test func theCommandSaysNothingWasAddedWhenItRefuses() throws {
        let workspace = try FixtureWorkspace("asset-library")
        defer { workspace.remove() }
        let run = try ShowroomCommand.run([
            "assets", "add", workspace.root.appendingPathComponent("incoming/orbit-spring.jpg").path, "--id", "orbit-hero",
            "--workspace", workspace.root.path,
        ])
        #expect(run.status == 1)
        #expect(run.errors.contains("assets/catalog.yaml:3:1: error: there is already an asset `orbit-hero`"))
        #expect(run.errors.hasSuffix("Nothing was added.\n"))
    }
}

extension AssetAddTests {
    @Test func aCatalogueWithWindowsLineEndsKeepsThem() throws {
        let workspace = try FixtureWorkspace("asset-library")
        defer { workspace.remove() }
        let unix = try workspace.read("assets/catalog.yaml")
        try workspace.write("assets/catalog.yaml", unix.replacingOccurrences(of: "\n", with: "\r\n"))

        let (added, problems) = AssetCatalog.add(Self.request(workspace), workspace: workspace.root, now: Self.today)

        #expect(problems.isEmpty, "\(problems)")
        #expect(added?.line == 12)
        let text = try workspace.read("assets/catalog.yaml")
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(text.contains("orbit-spring:\r\n  file: models/orbit/orbit-spring.jpg\r\n"))
    }
}
