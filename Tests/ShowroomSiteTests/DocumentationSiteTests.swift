import Foundation
import ShowroomCore
import ShowroomPreview
import ShowroomSite
import ShowroomTestSupport
import Testing

/// A documentation site of a thousand generated pages, written the way Hugo users write one: sections three
/// levels deep (some without `_index.md`), page bundles with pictures, YAML, TOML and JSON front matter, every
/// date form, footnotes, alerts, duplicate and custom heading ids, in-page and cross-page anchors, and every
/// shipped shortcode. It builds with no error and no warning, checks clean, and renders each feature.
///
/// `SHOWROOM_DOCS_SITE=<folder>` keeps the generated workspace in that folder (to time `showroom build`
/// and `showroom check` on it; docs/benchmarks.md).
@Suite("a 1,000-page documentation site")
struct DocumentationSiteTests {
    /// Built once for the suite, on a thread of its own: the build takes seconds, and done on one of the test
    /// run's few shared threads it would hold up the tests that wait on sockets meanwhile.
    static let site = Task<DocumentationSite, any Error> {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try DocumentationSite.make() }) }.start()
        }
    }

    private func built() async throws -> DocumentationSite { try await Self.site.value }

    @Test func buildsWithNoErrorAndNoWarning() async throws {
        let site = try await built()
        #expect(site.buildDiagnostics == [])
        #expect(site.regularPages == 1_000)
    }

    @Test func checksClean() async throws {
        #expect(try await built().checkDiagnostics == [])
    }

    @Test func sectionsNestThreeLevelsDeep() async throws {
        let site = try await built()
        let part = try #require(site.pages["guide/part-1/index.html"])
        #expect(part.contains("href=\"/guide/part-1/topic-2/\""), "a section lists its sub-sections")
        #expect(site.pages["guide/part-1/topic-2/index.html"]?.contains("href=\"/guide/part-1/topic-2/page-") == true)
        #expect(site.pages["reference/part-3/topic-3/index.html"] != nil)
    }

    @Test func aSectionWithoutAnIndexFileIsTitledByItsFolder() async throws {
        let reference = try #require(try await built().pages["reference/index.html"])
        #expect(reference.contains("<h1>Reference</h1>"))
    }

    @Test func tomlAndJSONSectionIndexesGiveTheirTitles() async throws {
        let site = try await built()
        #expect(site.pages["guide/index.html"]?.contains("<h1>The guide</h1>") == true)
        #expect(site.pages["howto/index.html"]?.contains("<h1>How-to</h1>") == true)
    }

    @Test(arguments: DocumentationSite.frontMatterForms.indices)
    func everyFrontMatterFormGivesItsTitle(_ form: Int) async throws {
        let page = try #require(try await built().page(number: form))
        #expect(page.contains("<h1>Page \(form) in \(DocumentationSite.frontMatterForms[form])</h1>"))
    }

    @Test(arguments: DocumentationSite.dates.indices)
    func everyDateFormShowsTheDayAsWritten(_ form: Int) async throws {
        let page = try #require(try await built().page(number: form))
        #expect(page.contains("<p class=\"date\">\(DocumentationSite.dates[form].shown)</p>"), "\(DocumentationSite.dates[form].written)")
    }

    @Test func duplicateHeadingsAreNumberedAndCustomIDsKept() async throws {
        let page = try #require(try await built().page(number: 3))
        #expect(page.contains("<h2 id=\"overview\">Overview</h2>"))
        #expect(page.contains("<h2 id=\"overview-1\">Overview</h2>"))
        #expect(page.contains("<h2 id=\"install-custom\">Installing</h2>"))
    }

    @Test func aGuidePageHasATableOfContents() async throws {
        let page = try #require(try await built().page(number: 9))
        #expect(page.contains("<nav class=\"toc\">"))
        #expect(page.contains("href=\"#install-custom\""))
    }

    @Test func footnotesAndAlertsRender() async throws {
        let page = try #require(try await built().page(number: 4))
        #expect(page.contains("class=\"footnotes\""))
        #expect(page.contains("class=\"alert alert-"))
    }

    @Test(arguments: ["shortcode-cta", "class=\"spec\"", "shortcode-gallery", "<video", "<iframe"])
    func everyShortcodeRendersSomewhere(_ marker: String) async throws {
        #expect(try await built().pages.values.contains { $0.contains(marker) })
    }

    @Test func aBundlesPictureIsCopiedBesideItsPage() async throws {
        let site = try await built()
        let page = try #require(site.pages["guide/part-1/topic-1/bundle-0/index.html"])
        #expect(page.contains("src=\"photo.png\""))
        #expect(site.files.contains("guide/part-1/topic-1/bundle-0/photo.png"))
    }
}

/// The generated documentation site, built and checked once, with what the tests read of its output.
struct DocumentationSite: Sendable {
    static let frontMatterForms = ["YAML", "TOML", "JSON"]
    /// Every date form Hugo accepts, with the day the page shows: the day as written, in the zone it was
    /// written in (as Hugo shows it).
    static let dates: [(written: String, shown: String)] = [
        ("2024-03-01", "1 March 2024"),
        ("2024-03-02T10:00:00Z", "2 March 2024"),
        ("2024-03-03 23:30:00", "3 March 2024"),
        ("2024-03-04T20:00:00-0700", "4 March 2024"),
        ("2024-03-05T01:00:00+08:00", "5 March 2024"),
        ("2024-03-06T10:00:00.250Z", "6 March 2024"),
    ]
    static let tops = ["guide", "reference", "howto"]

    var buildDiagnostics: [Diagnostic]
    var checkDiagnostics: [Diagnostic]
    var regularPages: Int
    /// Every HTML page of the site's output, by path.
    var pages: [String: String]
    /// Every file of the site's output.
    var files: Set<String>
    /// Output path of each generated regular page, by its number.
    var pagePaths: [Int: String]

    func page(number: Int) -> String? { pagePaths[number].flatMap { pages[$0] } }

    static func make() throws -> DocumentationSite {
        let workspace = try FixtureWorkspace()
        let keep = ProcessInfo.processInfo.environment["SHOWROOM_DOCS_SITE"]
        defer { if keep == nil { try? FileManager.default.removeItem(at: workspace.root) } }
        try workspace.write("showroom.yaml", "collector: https://collect.example.test\nembedHosts:\n  - www.youtube-nocookie.com\n")
        try workspace.write("sites/docs/site.yaml", """
            title: Lumen Docs
            kind: brand
            baseURL: https://docs.lumen.example.test/
            locale: en
            timeZone: Asia/Shanghai
            brand: lumen
            booking: false
            menus:
              main:
                - title: Guide
                  url: /guide/

            """)
        // Section pages list their sub-sections, then their pages.
        try workspace.write("sites/docs/templates/section.mustache", """
            {{<layout}}{{$main}}<h1>{{page.title}}</h1><ul class="sections">{{#page.sections}}<li><a href="{{url}}">{{title}}</a></li>\
            {{/page.sections}}</ul><ul>{{#pages}}<li><a href="{{url}}">{{title}}</a></li>{{/pages}}</ul>{{/main}}{{/layout}}
            """)
        let pagePaths = try writeContent(into: workspace)

        let report = workspace.build(sites: ["docs"])
        let check = FleetCheck.run(CheckOptions(workspace: workspace.root, sites: ["docs"], now: FixtureWorkspace.now))
        var pages: [String: String] = [:]
        var files: Set<String> = []
        let folder = workspace.root.appendingPathComponent("public/docs").standardizedFileURL.path + "/"
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let path = enumerator?.nextObject() as? String {
            files.insert(path)
            if path.hasSuffix(".html") { pages[path] = try String(contentsOfFile: folder + path, encoding: .utf8) }
        }
        if let keep {
            try? FileManager.default.removeItem(atPath: keep)
            try FileManager.default.moveItem(at: workspace.root, to: URL(fileURLWithPath: keep))
        }
        return DocumentationSite(buildDiagnostics: report.allDiagnostics, checkDiagnostics: check.diagnostics,
                                 regularPages: report.sites.first { $0.siteID == "docs" }.map { $0.pages - sectionCount - 1 } ?? 0,
                                 pages: pages, files: files, pagePaths: pagePaths)
    }

    /// Three top sections, three parts each, three topics each.
    static let sectionCount = 3 + 9 + 27

    /// Writes the site's content: section indexes, 1,000 regular pages spread over the 27 topics (one in 50 a
    /// bundle with a picture). Returns each page's output path by number.
    private static func writeContent(into workspace: FixtureWorkspace) throws -> [Int: String] {
        let content = "sites/docs/content"
        try workspace.write("\(content)/_index.md", "---\ntitle: Lumen Docs\n---\nEverything about Lumen.\n")
        try workspace.write("\(content)/guide/_index.md", "+++\ntitle = \"The guide\"\n+++\nStart here.\n")
        try workspace.write("\(content)/howto/_index.md", "{\n  \"title\": \"How-to\"\n}\nShort recipes.\n")
        // reference/ has no _index.md: Hugo titles it from its folder.
        var topics: [String] = []
        for top in tops {
            for part in 1...3 {
                try workspace.write("\(content)/\(top)/part-\(part)/_index.md", "---\ntitle: Part \(part) of \(top)\n---\n")
                for topic in 1...3 {
                    let folder = "\(top)/part-\(part)/topic-\(topic)"
                    topics.append(folder)
                    try workspace.write("\(content)/\(folder)/_index.md", "---\ntitle: Topic \(topic)\n---\n")
                }
            }
        }
        let picture = try [UInt8](Data(contentsOf: workspace.root.appendingPathComponent("assets/files/photos/logo.png")))
        var paths: [Int: String] = [:]
        var previous: String?
        for number in 0..<1_000 {
            let folder = topics[number % topics.count]
            let bundle = number % 50 == 49 || number == 27
            let name = bundle ? "bundle-\(number / 50)" : "page-\(number)"
            let file = bundle ? "\(folder)/\(name)/index.md" : "\(folder)/\(name).md"
            let url = "/\(folder)/\(name)/"
            try workspace.write("\(content)/\(file)", frontMatter(number) + body(number, linkingTo: previous, bundle: bundle))
            if bundle { try workspace.writeBytes("\(content)/\(folder)/\(name)/photo.png", picture) }
            paths[number] = String(url.dropFirst()) + "index.html"
            previous = url
        }
        return paths
    }

    private static func frontMatter(_ number: Int) -> String {
        let title = "Page \(number) in \(frontMatterForms[number % 3])"
        let date = dates[number % dates.count].written
        let layout = number % 10 == 9 ? "guide" : "page"
        switch number % 3 {
        case 0: return "---\ntitle: \(title)\ndate: \(date)\nlayout: \(layout)\ntags: [docs]\n---\n"
        case 1:
            // TOML's own date-times have no space form and need a seconds offset with a colon; the others are text.
            return "+++\ntitle = \"\(title)\"\ndate = \"\(date)\"\nlayout = \"\(layout)\"\ntags = [\"docs\"]\n+++\n"
        default: return "{\n  \"title\": \"\(title)\",\n  \"date\": \"\(date)\",\n  \"layout\": \"\(layout)\",\n  \"tags\": [\"docs\"]\n}\n"
        }
    }

    private static func body(_ number: Int, linkingTo previous: String?, bundle: Bool) -> String {
        var text = "Lumen's page \(number) explains one thing well.[^note]\n\n"
        text += "## Overview\n\nWhat it is. See [installing](#install-custom) and [the second overview](#overview-1).\n\n"
        if let previous { text += "The [previous page](\(previous)#install-custom) comes first.\n\n" }
        text += "## Installing {#install-custom}\n\n1. Open the box.\n2. Plug it in.\n\n"
        text += "> [!\(["NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION"][number % 5])]\n> Keep the receipt.\n\n"
        text += "## Overview\n\nThe same title again, so its id is numbered.\n\n"
        switch number % 10 {
        case 1: text += "{{< cta url=\"/guide/\" label=\"Read the guide\" >}}\n\n"
        case 2: text += "Range: {{< spec model=\"aurora\" key=\"range\" >}}.\n\n"
        case 3: text += "{{< gallery ids=\"aurora-hero, aurora-red\" >}}\n\n"
        case 6: text += "{{< video id=\"aurora-red\" poster=\"asset:aurora-hero\" caption=\"On the road\" >}}\n\n"
        case 8: text += "{{< embed src=\"https://www.youtube-nocookie.com/embed/abc\" title=\"Launch film\" >}}\n\n"
        default: break
        }
        if bundle { text += "![The box](photo.png)\n\n" }
        text += "[^note]: Footnotes number themselves.\n"
        return text
    }
}
