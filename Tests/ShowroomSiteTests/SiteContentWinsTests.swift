import Foundation
import ShowroomSite
import ShowroomTestSupport
import Testing

/// A site's own files win over the shared data wherever the example fleet's templates show a value of both: the
/// home page's `hero:` over the model's picture, `params.slogan` and `params.hotline` of site.yaml over the
/// model's or brand's tagline and hotline.
@Suite struct SiteContentWinsTests {
    /// The example fleet's `site` alone, after `edit` changed its files, built; returns the built home page.
    static func home(of site: String, after edit: (URL) throws -> Void) throws -> String {
        let root = try ExampleFleet.copy(sites: [site])
        defer { try? FileManager.default.removeItem(at: root) }
        try edit(root.appendingPathComponent("sites/\(site)"))
        let report = FleetBuilder.build(BuildOptions(workspace: root, now: FixtureWorkspace.now))
        #expect(report.succeeded, "\(report.allDiagnostics)")
        return try String(contentsOf: root.appendingPathComponent("public/\(site)/index.html"), encoding: .utf8)
    }

    static func replace(_ old: String, with new: String, in file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(old))
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
    }

    @Test func theHeroOfAProductSitesHomePageReplacesTheModelsPicture() throws {
        let html = try Self.home(of: "aurora") { site in
            try Self.replace("title: Lumen Aurora\n", with: "title: Lumen Aurora\nhero: asset:aurora-night\n", in: site.appendingPathComponent("content/_index.md"))
        }
        let media = try #require(html.firstRange(of: "<div class=\"hero-media\">").map { html[$0.upperBound...] })
        let hero = media.prefix(upTo: media.firstRange(of: "</div>")?.lowerBound ?? media.endIndex)
        #expect(hero.contains("/assets/aurora-night."))
        #expect(!hero.contains("aurora-hero."))
    }

    @Test func theSloganOfAProductSitesSiteYamlLeadsItsHero() throws {
        let html = try Self.home(of: "aurora") { site in
            try Self.replace("slogan: Quiet power, 700 km at a time.", with: "slogan: Seven hundred quiet kilometres.",
                             in: site.appendingPathComponent("site.yaml"))
        }
        #expect(html.contains("<p class=\"lead\">Seven hundred quiet kilometres.</p>"))
    }

    @Test func theSloganOfASitesSiteYamlReplacesTheBrandsTaglineInTheFooter() throws {
        let html = try Self.home(of: "aurora") { site in
            try Self.replace("slogan: Quiet power, 700 km at a time.", with: "slogan: Seven hundred quiet kilometres.",
                             in: site.appendingPathComponent("site.yaml"))
        }
        let footer = try #require(html.components(separatedBy: "<footer").last)
        #expect(footer.contains("<p>Seven hundred quiet kilometres.</p>"))
        #expect(!footer.contains("Electric, effortlessly."))
    }

    @Test func withoutASloganTheFooterShowsTheBrandsTagline() throws {
        let html = try Self.home(of: "aurora") { site in
            try Self.replace("  slogan: Quiet power, 700 km at a time.\n", with: "", in: site.appendingPathComponent("site.yaml"))
        }
        #expect(try #require(html.components(separatedBy: "<footer").last).contains("<p>Electric, effortlessly.</p>"))
    }

    @Test func theHotlineOfASitesSiteYamlReplacesTheBrandsHotline() throws {
        let html = try Self.home(of: "aurora") { site in
            try Self.replace("params:\n", with: "params:\n  hotline: 400-999-0000\n", in: site.appendingPathComponent("site.yaml"))
        }
        #expect(html.contains("<a href=\"tel:400-999-0000\">400-999-0000</a>"))
        #expect(!html.contains("400-820-2000"))
    }
}
