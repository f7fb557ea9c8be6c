import Foundation
import ShowroomCore
import ShowroomPreview
import ShowroomTestSupport
import ShowroomWorkspace
import Testing

/// `showroom check` warns about a model the sites cannot show in full: no line-up card, no spec pages, no Chinese
/// name, or values still marked FILL IN.
@Suite struct ModelCompletenessTests {
    /// The warnings `check` gives a copy of the example fleet (with only the Lumen site) after `change`.
    func warnings(after change: (URL) throws -> Void) throws -> [Diagnostic] {
        let root = try ExampleFleet.copy(sites: ["lumen"])
        defer { try? FileManager.default.removeItem(at: root) }
        try change(root)
        return FleetCheck.run(CheckOptions(workspace: root, sites: ["lumen"])).diagnostics.warnings
    }

    /// Where `- id: <model>` is written in the example fleet's models.yaml.
    func line(of model: String) throws -> Int {
        let text = try String(contentsOf: ExampleFleet.repository.appendingPathComponent("shared/data/models.yaml"), encoding: .utf8)
        return try #require(text.components(separatedBy: "\n").firstIndex(of: "- id: \(model)")) + 1
    }

    @Test func theExampleFleetsModelsHaveEverythingTheSitesShow() throws {
        #expect(try warnings { _ in }.isEmpty)
    }

    @Test func aModelWithNoLineUpCardIsAWarningAtTheModelThatNamesTheCardToCreate() throws {
        let found = try warnings { try FileManager.default.removeItem(at: $0.appendingPathComponent("shared/content/lineup/halo.md")) }

        let warning = try #require(found.first { $0.message.contains("no line-up card") }, "\(found)")
        #expect(warning.location == SourceLocation(file: "shared/data/models.yaml", line: try line(of: "halo"), column: 7))
        #expect(warning.hint?.contains("create shared/content/lineup/halo.md") == true)
        #expect(found.count == 1)
    }

    @Test func aModelWithNoSpecPagesIsAWarningAtTheModelThatNamesThePageToCreate() throws {
        let found = try warnings { try FileManager.default.removeItem(at: $0.appendingPathComponent("shared/content/models/halo")) }

        let warning = try #require(found.first { $0.message.contains("no spec pages") }, "\(found)")
        #expect(warning.location?.line == (try line(of: "halo")))
        #expect(warning.hint?.contains("create shared/content/models/halo/_index.md") == true)
        #expect(found.count == 1)
    }

    @Test func aModelWithNoChineseNameIsAWarningAtTheModelThatSaysWhichKeyToAdd() throws {
        let found = try warnings { root in
            let file = root.appendingPathComponent("shared/data/models.yaml")
            let text = try String(contentsOf: file, encoding: .utf8)
            try text.replacingOccurrences(of: "  nameZh: 流明 光环\n", with: "").write(to: file, atomically: true, encoding: .utf8)
        }

        let warning = try #require(found.first { $0.message.contains("no Chinese name") }, "\(found)")
        #expect(warning.location?.line == (try line(of: "halo")))
        #expect(warning.hint?.contains("nameZh") == true)
        #expect(found.count == 1)
    }

    @Test func theValuesANewModelLeavesToFillInAreListedAtTheirLines() throws {
        let found = try warnings { root in
            _ = try ModelScaffold.create(ModelScaffoldRequest(id: "orbit", brand: "lumen", like: "aurora"), in: root).get()
        }

        let fromPrice = try #require(found.first { $0.message.contains("the from-price in CNY") }, "\(found)")
        #expect(fromPrice.location?.file == "shared/data/models.yaml")
        #expect(fromPrice.hint?.contains("delete the `# FILL IN` comment") == true)
        #expect(found.contains { $0.location?.file == "shared/content/lineup/orbit.md" && $0.message.contains("FILL IN") })
        #expect(found.contains { $0.location?.file == "shared/content/models/orbit/design.md" && $0.location?.line == 10 })
        #expect(!found.contains { $0.message.contains("no line-up card") || $0.message.contains("no spec pages") })
    }
}
