import Foundation
import ShowroomCore
import ShowroomTestSupport
import ShowroomWorkspace
import Testing

/// `showroom new site`: good requests create a site the workspace loads; bad requests get a clear error and
/// create nothing.
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
}

extension Result {
    /// The error of a failed result, for `#require`.
    var failure: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}

/// Snapshots that prove a refused request changed nothing.
enum NewSiteWorkspace {
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
}
