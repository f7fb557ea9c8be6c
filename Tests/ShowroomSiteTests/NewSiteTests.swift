import Foundation
import ShowroomSite
import ShowroomTestSupport
import ShowroomWorkspace
import Testing

/// `showroom new site`: a created site builds with the fleet's templates and data.
@Suite struct NewSiteTests {
    @Test func aNewProductSiteBuildsWithTheFleetsTemplatesAndData() throws {
        let root = try ExampleFleet.copy()
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
