import Foundation
import ShowroomCore
import ShowroomSite
import ShowroomTestSupport
import Testing

/// A page has one full address in one build: its canonical link, the sitemap and the feeds agree, also for
/// a slug in Chinese.
@Suite struct PermalinkTests {
    @Test func aChineseSlugHasTheSamePercentEncodedAddressInTheCanonicalLinkAndTheSitemap() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("sites/lumen/content/launch.md", "---\ntitle: 发布\nslug: 新车发布\n---\nText.\n")
        try workspace.write("sites/lumen/templates/page.mustache", """
            {{<layout}}{{$main}}<link rel="canonical" href="{{page.permalink}}">{{/main}}{{/layout}}
            """)
        #expect(workspace.build(sites: ["lumen"]).succeeded)
        let address = "https://lumen.example.test/%E6%96%B0%E8%BD%A6%E5%8F%91%E5%B8%83/"
        #expect(workspace.output("lumen/新车发布/index.html")?.contains("<link rel=\"canonical\" href=\"\(address)\">") == true)
        #expect(workspace.output("lumen/sitemap.xml")?.contains("<loc>\(address)</loc>") == true)
    }

    @Test func aSiteWithoutDatedPagesTakesItsYearFromTheBuildNotAFixedYear() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("sites/store/templates/home.mustache", "{{<layout}}{{$main}}<p class=\"year\">{{site.year}}</p>{{/main}}{{/layout}}")
        try workspace.remove("sites/store/content/offers/spring.md")
        let later = Date(timeIntervalSince1970: 1_940_000_000)  // 2031-06-22
        #expect(workspace.build(sites: ["store"], now: later).succeeded)
        #expect(workspace.output("store/index.html")?.contains("<p class=\"year\">2031</p>") == true)
    }

    @Test func aPercentEncodedURLIsWrittenDecodedAndEncodedOnceInTheSitemap() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("sites/store/content/cafe.md", "---\ntitle: Café\nurl: /caf%C3%A9/\n---\nText.\n")
        #expect(workspace.build(sites: ["store"]).succeeded)
        #expect(workspace.exists("store/café/index.html"))
        #expect(workspace.output("store/sitemap.xml")?.contains("<loc>https://store.example.test/caf%C3%A9/</loc>") == true)
    }

    @Test func encodedSlashesAndDotsCannotClimbOutOfTheSite() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("sites/store/content/climb.md", "---\ntitle: Climb\nurl: /a%2F..%2F..%2F..%2Fx/\n---\n")
        #expect(workspace.build(sites: ["store"]).error(containing: "`url` must be a path inside the site") != nil)
    }
}
