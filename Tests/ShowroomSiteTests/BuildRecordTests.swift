import Foundation
import ShowroomCore
import ShowroomSite
import ShowroomTestSupport
import ShowroomWorkspace
import Testing

/// Every file a build leaves in `<output>/.showroom/` has one type, in ShowroomWorkspace, that the build
/// writes with and every later reader reads with.
@Suite struct BuildRecordTests {
    private func built() throws -> (FixtureWorkspace, URL) {
        let workspace = try FixtureWorkspace()
        #expect(workspace.build().succeeded)
        return (workspace, workspace.root.appendingPathComponent("public"))
    }

    @Test func aSiteRecordReadsBackWhatTheBuildWroteAndEncodesToTheSameBytes() throws {
        let (_, output) = try built()
        let records = SiteRecord.readAll(in: output)
        #expect(Set(records.keys) == ["aurora", "lumen", "store"])
        let lumen = try #require(records["lumen"])
        #expect(lumen.baseURL == "https://lumen.example.test/")
        #expect(lumen.inputs.contains("sites/lumen/site.yaml"))
        let written = try Data(contentsOf: BuildRecordPaths.siteRecord("lumen", in: output))
        #expect(try lumen.encoded() == written)
    }

    @Test func theAssetManifestReadsBackWhatTheBuildWroteAndEncodesToTheSameBytes() throws {
        let (_, output) = try built()
        let manifest = try #require(AssetManifest.read(in: output))
        let logo = try #require(manifest.assets["lumen-logo"])
        #expect(manifest.url(of: "lumen-logo", on: "lumen") == "https://lumen.example.test/assets/\(logo.file)")
        #expect(try manifest.encoded() == Data(contentsOf: BuildRecordPaths.assetManifest(in: output)))
    }

    @Test func theUsageIndexDecodesAndRoundTrips() throws {
        let (_, output) = try built()
        let data = try Data(contentsOf: BuildRecordPaths.usageIndex(in: output))
        let index = try JSONDecoder().decode(UsageIndex.self, from: data)
        #expect(index.assets["lumen-logo"]?.uses.contains { $0.site == "lumen" } == true)
        #expect(try JSONDecoder().decode(UsageIndex.self, from: JSONEncoder().encode(index)) == index)
    }
}
