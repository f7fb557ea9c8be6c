import Foundation
import ShowroomCore
import ShowroomSite
import ShowroomTestSupport
import Testing

@Suite struct AssetTests {
    @Test func onlyUsedAssetsAreCopiedUnderFingerprintedNames() throws {
        let workspace = try FixtureWorkspace()
        _ = workspace.build()
        let files = try FileManager.default.contentsOfDirectory(atPath: workspace.root.appendingPathComponent("public/aurora/assets").path)
        #expect(files.contains { $0.hasPrefix("aurora-hero.") && $0.hasSuffix(".png") && $0.count == "aurora-hero.".count + 12 + 4 })
        #expect(!files.contains { $0.hasPrefix("unused-photo") })
        #expect(!files.contains { $0.hasPrefix("lumen-logo") })
    }

    @Test func aChangedFileGetsANewFingerprint() throws {
        let workspace = try FixtureWorkspace()
        _ = workspace.build()
        let before = try #require(workspace.output("aurora/index.html"))
        try workspace.writeBytes("assets/files/photos/aurora-red.png",
                                 Array(try Data(contentsOf: workspace.root.appendingPathComponent("assets/files/photos/logo.png"))))
        _ = workspace.build()
        let after = try #require(workspace.output("aurora/index.html"))
        #expect(before != after)
    }

    @Test func imagesGetTheirWidthAndHeight() throws {
        let workspace = try FixtureWorkspace()
        _ = workspace.build()
        let html = try #require(workspace.output("aurora/index.html"))
        #expect(html.contains("alt=\"Aurora\" width=\"64\" height=\"36\""))
    }

    @Test func altTextComesFromTheCatalogueInTheSiteLocale() throws {
        let workspace = try FixtureWorkspace()
        _ = workspace.build()
        #expect(try #require(workspace.output("aurora/index.html")).contains("alt=\"海岸公路上的 Aurora\""))
    }

    @Test func linksToDownloadableAssetsAreCountedDownloadLinks() throws {
        let workspace = try FixtureWorkspace()
        _ = workspace.build()
        let html = try #require(workspace.output("aurora/index.html"))
        #expect(html.contains("href=\"https://collect.example.test/dl/aurora-brochure?site=aurora\" data-asset=\"aurora-brochure\""))
    }

    @Test func anUnknownAssetInMarkdownIsAnErrorAtItsLine() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("sites/store/content/x.md", "---\ntitle: X\n---\nIntro\n\nSee ![car](asset:no-such-car)\n")
        let error = try #require(workspace.build().error(containing: "no asset `no-such-car`"))
        #expect(error.location == SourceLocation(file: "sites/store/content/x.md", line: 6, column: 5))
    }

    @Test func anUnknownAssetInSharedDataIsAnErrorAtItsLine() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("shared/data/models.yaml", "- id: aurora\n  name: Aurora\n  hero: asset:nope\n")
        let error = try #require(workspace.build().error(containing: "no asset `nope`"))
        #expect(error.location == SourceLocation(file: "shared/data/models.yaml", line: 3, column: 9))
    }

    @Test func anUnknownAssetInATemplateIsAnErrorAtItsLine() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("templates/base/404.mustache", "<html><head></head><body>\n<img src=\"{{#asset}}missing-logo{{/asset}}\"></body></html>")
        let error = try #require(workspace.build().error(containing: "no asset `missing-logo`"))
        #expect(error.location == SourceLocation(file: "templates/base/404.mustache", line: 2, column: 11))
    }

    @Test func anExpiredLicenceIsAnErrorWhereTheAssetIsUsed() throws {
        let workspace = try FixtureWorkspace()
        let catalogue = try String(contentsOf: workspace.root.appendingPathComponent("assets/catalog.yaml"), encoding: .utf8)
        try workspace.write("assets/catalog.yaml", catalogue.replacingOccurrences(of: "licenceExpiry: 2099-12-31", with: "licenceExpiry: 2026-01-01"))
        let error = try #require(workspace.build().error(containing: "licence of asset `aurora-hero` expired"))
        #expect(error.location?.file == "sites/aurora/content/_index.md")
    }

    @Test func aLicenceEndingWithin30DaysIsAWarning() throws {
        let workspace = try FixtureWorkspace()
        let catalogue = try String(contentsOf: workspace.root.appendingPathComponent("assets/catalog.yaml"), encoding: .utf8)
        try workspace.write("assets/catalog.yaml", catalogue.replacingOccurrences(of: "licenceExpiry: 2099-12-31", with: "licenceExpiry: 2026-06-10"))
        let report = workspace.build()
        #expect(report.succeeded)
        #expect(report.allDiagnostics.warnings.contains { $0.message.contains("licence of asset `aurora-hero` ends on 2026-06-10") })
    }

    @Test func aCatalogueRecordWithoutItsFileIsAnError() throws {
        let workspace = try FixtureWorkspace()
        try workspace.remove("assets/files/photos/unused.png")
        let error = try #require(workspace.build().error(containing: "which does not exist"))
        #expect(error.location?.file == "assets/catalog.yaml")
        #expect(error.location?.line != nil)
    }

    @Test func aFileWithoutARecordIsReported() throws {
        let workspace = try FixtureWorkspace()
        try workspace.writeBytes("assets/files/photos/stray.png", [0x89, 0x50, 0x4E, 0x47])
        let report = workspace.build()
        #expect(report.allDiagnostics.contains { $0.location?.file == "assets/files/photos/stray.png" && $0.message.contains("no record") })
    }

    @Test func aMalformedCatalogueRecordIsALocatedError() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("assets/catalog.yaml", "broken:\n  file: photos/unused.png\n  title: Broken\n  kind: poster\n  cost: lots\n")
        let report = workspace.build()
        let kind = try #require(report.error(containing: "`kind` must be one of"))
        #expect(kind.location == SourceLocation(file: "assets/catalog.yaml", line: 4, column: 9))
        #expect(report.error(containing: "`cost` must be a number") != nil)
    }

    @Test func theUsageIndexRecordsEachPageAndTheSourceLineOfTheReference() throws {
        let workspace = try FixtureWorkspace()
        _ = workspace.build()
        let data = try Data(contentsOf: workspace.root.appendingPathComponent("public/.showroom/usage.json"))
        let index = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let assets = try #require(index["assets"] as? [String: [String: Any]])
        let red = try #require(assets["aurora-red"]?["uses"] as? [[String: Any]])
        #expect(red.count == 1)
        #expect(red.first?["site"] as? String == "aurora")
        #expect(red.first?["page"] as? String == "/")
        #expect(red.first?["file"] as? String == "shared/data/models.yaml")
        #expect(red.first?["line"] as? Int == 8)
        let hero = try #require(assets["aurora-hero"]?["uses"] as? [[String: Any]])
        #expect(hero.first?["file"] as? String == "sites/aurora/content/_index.md")
        let unused = try #require(assets["unused-photo"]?["uses"] as? [[String: Any]])
        #expect(unused.isEmpty)
    }

    @Test func theAssetManifestGivesEachSitesFingerprintedURL() throws {
        let workspace = try FixtureWorkspace()
        _ = workspace.build()
        let data = try Data(contentsOf: workspace.root.appendingPathComponent("public/.showroom/assets.json"))
        let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: [String: [String: Any]]])
        let sites = try #require(manifest["assets"]?["aurora-brochure"]?["sites"] as? [String: String])
        #expect(sites["aurora"]?.hasPrefix("https://aurora.example.test/assets/aurora-brochure.") == true)
    }
}
