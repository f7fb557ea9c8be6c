import Foundation
import ShowroomCore
import ShowroomSite
import ShowroomWorkspace
import Testing

/// `showroom new site`: good requests create a site the workspace loads and the engine builds;
/// bad requests get a clear error and create nothing.
@Suite struct NewSiteTests {
    @Test func productSiteLoadsWithItsModelAndBrand() throws {
        let root = try FixtureWorkspace("new-site").root
        let created = try SiteScaffold.create(SiteScaffoldRequest(id: "aurora-ev", kind: "product", model: "aurora"), in: root).get()

        #expect(created.lastPathComponent == "aurora-ev")
        let (workspace, diagnostics) = Workspace.load(root: root, siteIDs: ["aurora-ev"])
        #expect(diagnostics.errors.isEmpty, "\(diagnostics)")
        let site = try #require(workspace.site("aurora-ev"))
        #expect(site.kind == .product)
        #expect(site.model == "aurora")
        #expect(site.brand == "lumen")
        #expect(site.title == "Lumen Aurora")
        #expect(site.baseURL == "https://aurora-ev.lumen-motors.example/")
    }

    @Test func brandSiteLoadsWithoutErrors() throws {
        let root = try FixtureWorkspace("new-site").root
        _ = try SiteScaffold.create(SiteScaffoldRequest(id: "lumen-cn", kind: "brand", brand: "lumen", title: "Lumen 中国"), in: root).get()

        let (workspace, diagnostics) = Workspace.load(root: root, siteIDs: ["lumen-cn"])
        #expect(diagnostics.errors.isEmpty, "\(diagnostics)")
        #expect(workspace.site("lumen-cn")?.title == "Lumen 中国")
    }

    @Test func storeSiteLoadsWithoutErrors() throws {
        let root = try FixtureWorkspace("new-site").root
        _ = try SiteScaffold.create(SiteScaffoldRequest(id: "outlet", kind: "store"), in: root).get()

        let (workspace, diagnostics) = Workspace.load(root: root, siteIDs: ["outlet"])
        #expect(diagnostics.errors.isEmpty, "\(diagnostics)")
        #expect(workspace.site("outlet")?.kind == .store)
    }

    @Test func anExistingIDIsRefusedAndTheSiteIsLeftAlone() throws {
        let root = try FixtureWorkspace("new-site").root
        let before = try NewSiteWorkspace.snapshot(root)

        let failure = try #require(SiteScaffold.create(SiteScaffoldRequest(id: "existing", kind: "brand"), in: root).failure)

        #expect(failure.diagnostics.map(\.message) == ["a site `existing` already exists"])
        #expect(try NewSiteWorkspace.snapshot(root) == before)
    }

    @Test func anUnknownModelIsRefusedAndNothingIsCreated() throws {
        let root = try FixtureWorkspace("new-site").root
        let before = try NewSiteWorkspace.snapshot(root)

        let failure = try #require(SiteScaffold.create(SiteScaffoldRequest(id: "zephyr", kind: "product", model: "zephyr"), in: root).failure)

        #expect(failure.diagnostics.count == 1)
        #expect(failure.diagnostics[0].message.contains("no model `zephyr`"))
        #expect(failure.diagnostics[0].hint?.contains("aurora") == true)
        #expect(try NewSiteWorkspace.snapshot(root) == before)
    }

    @Test func anUnknownKindIsRefusedAndNothingIsCreated() throws {
        let root = try FixtureWorkspace("new-site").root
        let before = try NewSiteWorkspace.snapshot(root)

        let failure = try #require(SiteScaffold.create(SiteScaffoldRequest(id: "blog", kind: "blog"), in: root).failure)

        #expect(failure.diagnostics.map(\.message) == ["`blog` is not a site kind"])
        #expect(try NewSiteWorkspace.snapshot(root) == before)
    }

    @Test(arguments: ["Aurora", "aurora ev", "-aurora", "aurora/ev", ""])
    func anInvalidIDIsRefusedAndNothingIsCreated(id: String) throws {
        let root = try FixtureWorkspace("new-site").root
        let before = try NewSiteWorkspace.snapshot(root)

        let failure = try #require(SiteScaffold.create(SiteScaffoldRequest(id: id, kind: "brand"), in: root).failure)

        #expect(failure.diagnostics.map(\.message) == ["`\(id)` is not a valid site id"])
        #expect(try NewSiteWorkspace.snapshot(root) == before)
    }

    @Test func aProductSiteWithoutAModelIsRefused() throws {
        let root = try FixtureWorkspace("new-site").root

        let failure = try #require(SiteScaffold.create(SiteScaffoldRequest(id: "mystery", kind: "product"), in: root).failure)

        #expect(failure.diagnostics.map(\.message) == ["a product site needs the model it sells"])
    }

    @Test func everyProblemWithARequestIsReportedAtOnce() throws {
        let root = try FixtureWorkspace("new-site").root

        let failure = try #require(SiteScaffold.create(SiteScaffoldRequest(id: "Bad ID", kind: "blog", model: "zephyr"), in: root).failure)

        #expect(failure.diagnostics.count == 3)
    }

    @Test func aNewProductSiteBuildsWithTheFleetsTemplatesAndData() throws {
        let root = try NewSiteWorkspace.copyOfRepository()
        _ = try SiteScaffold.create(SiteScaffoldRequest(id: "aurora-launch", kind: "product", model: "aurora"), in: root).get()
        let output = root.appendingPathComponent("public")

        let report = FleetBuilder.build(BuildOptions(workspace: root, output: output, sites: ["aurora-launch"]))

        #expect(report.allDiagnostics.isEmpty, "\(report.allDiagnostics)")
        let home = try String(contentsOf: output.appendingPathComponent("aurora-launch/index.html"), encoding: .utf8)
        #expect(home.contains("Lumen Aurora"))
        #expect(home.contains("name=\"paint\""))
        let specs = output.appendingPathComponent("aurora-launch/specs/index.html")
        #expect(FileManager.default.fileExists(atPath: specs.path))
    }
}

extension Result {
    /// The error of a failed result, for `#require`.
    var failure: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}

/// The repository's own workspace, copied for tests that change it, and snapshots that prove nothing changed.
enum NewSiteWorkspace {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A copy of the repository's own workspace (sites, templates, shared content and data, assets).
    static func copyOfRepository() throws -> URL {
        let root = temporaryFolder()
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for folder in ["sites", "templates", "shared", "assets"] {
            try FileManager.default.copyItem(at: repository.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
        let settings = repository.appendingPathComponent("showroom.yaml")
        if FileManager.default.fileExists(atPath: settings.path) {
            try FileManager.default.copyItem(at: settings, to: root.appendingPathComponent("showroom.yaml"))
        }
        return root
    }

    /// Every file and folder below `root` (hidden ones too) with its contents, to prove that nothing changed.
    static func snapshot(_ root: URL) throws -> [String: Data] {
        var entries: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            let path = String(url.path.dropFirst(root.path.count))
            if try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
                entries[path] = try Data(contentsOf: url)
            } else {
                entries[path + "/"] = Data()
            }
        }
        return entries
    }

    static func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("showroom-fleet-\(UUID().uuidString)")
    }
}
