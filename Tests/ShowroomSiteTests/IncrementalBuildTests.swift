import Foundation
import ShowroomCore
import ShowroomSite
import ShowroomTestSupport
import Testing

/// A build that keeps unchanged sites and pages makes exactly what a cold build of the same files makes.
@Suite struct IncrementalBuildTests {
    /// The same numbers on every run, so a failure can be replayed.
    private struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// One kind of edit a marketer or developer makes, applied to the workspace.
    private struct Edit: Sendable {
        var name: String
        var apply: @Sendable (FixtureWorkspace, inout SeededGenerator) throws -> Void
    }

    private static let pages = [
        "sites/lumen/content/news/_index.md", "sites/lumen/content/about.md", "sites/lumen/content/guide.md", "sites/aurora/content/charging.md",
        "shared/content/news/aurora-launch.md", "sites/lumen/content/_index.md", "sites/store/content/offers/spring.md",
    ]

    /// Those of `paths` still in the workspace (a section may have been renamed, a page deleted).
    private static func existing(_ paths: [String], in workspace: FixtureWorkspace) -> [String] {
        paths.filter { FileManager.default.fileExists(atPath: workspace.root.appendingPathComponent($0).path) }
    }

    private static func replacing(_ pattern: String, with replacement: String, in path: String, of workspace: FixtureWorkspace) throws {
        let text = try workspace.read(path)
        let expression = try NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
        let range = NSRange(text.startIndex..., in: text)
        guard expression.firstMatch(in: text, range: range) != nil else {
            Issue.record("the edit found no `\(pattern)` in \(path)")
            return
        }
        try workspace.write(path, expression.stringByReplacingMatches(in: text, range: range, withTemplate: replacement))
    }

    private static let edits: [Edit] = [
        Edit(name: "body") { workspace, random in
            let page = existing(pages, in: workspace).randomElement(using: &random)!
            try workspace.write(page, try workspace.read(page) + "\nA new paragraph \(random.next() % 1000).\n")
        },
        Edit(name: "title") { workspace, random in
            let page = existing(pages, in: workspace).randomElement(using: &random)!
            try replacing("^title: .*$", with: "title: Renamed \(random.next() % 1000)", in: page, of: workspace)
        },
        Edit(name: "date") { workspace, random in
            let page = existing(["sites/lumen/content/about.md", "shared/content/news/aurora-launch.md", "shared/content/news/other-brand.md"],
                                in: workspace).randomElement(using: &random)!
            let day = 10 + random.next() % 18
            let text = try workspace.read(page)
            if text.contains("\ndate: ") {
                try replacing("^date: .*$", with: "date: 2026-03-\(day)", in: page, of: workspace)
            } else {
                try workspace.write(page, text.replacingOccurrences(of: "---\ntitle:", with: "---\ndate: 2026-04-\(day)\ntitle:"))
            }
        },
        Edit(name: "weight") { workspace, random in
            guard let page = existing(["sites/lumen/content/about.md"], in: workspace).first else { return }
            let text = try workspace.read(page)
            try workspace.write(page, text.replacingOccurrences(of: "---\ntitle:", with: "---\nweight: \(random.next() % 9)\ntitle:"))
        },
        Edit(name: "partial") { workspace, random in
            let template = ["templates/base/toc-entry.mustache", "templates/base/page.mustache", "templates/base/layout.mustache"]
                .randomElement(using: &random)!
            try workspace.write(template, try workspace.read(template).replacingOccurrences(of: "</", with: "<!-- \(random.next() % 100) --></",
                                                                                              options: [], range: nil))
        },
        Edit(name: "data value") { workspace, random in
            try replacing("^      price: [0-9]+$", with: "      price: \(150_000 + random.next() % 90_000)", in: "shared/data/models.yaml", of: workspace)
        },
        Edit(name: "spec value") { workspace, random in
            try replacing("^    range: .*$", with: "    range: \(500 + random.next() % 200) km", in: "shared/data/models.yaml", of: workspace)
        },
        Edit(name: "string") { workspace, random in
            try replacing("^readMore: .*$", with: "readMore: Read on \(random.next() % 100)", in: "shared/i18n/en.yaml", of: workspace)
        },
        Edit(name: "new page") { workspace, random in
            let number = random.next() % 1000
            try workspace.write("sites/lumen/content/news/item-\(number).md",
                                "---\ntitle: Item \(number)\ndate: 2026-05-0\(1 + number % 9)\n---\nNews item \(number).\n")
        },
        Edit(name: "deleted page") { workspace, random in
            let news = workspace.root.appendingPathComponent("sites/lumen/content/news")
            let items = ((try? FileManager.default.contentsOfDirectory(atPath: news.path)) ?? []).filter { $0.hasPrefix("item-") }.sorted()
            if let item = items.randomElement(using: &random) {
                try workspace.remove("sites/lumen/content/news/\(item)")
            } else {
                try? workspace.remove("sites/lumen/content/about.md")
            }
        },
        Edit(name: "renamed section") { workspace, _ in
            let content = workspace.root.appendingPathComponent("sites/lumen/content")
            let (from, to) = FileManager.default.fileExists(atPath: content.appendingPathComponent("news").path) ? ("news", "press") : ("press", "news")
            let source = content.appendingPathComponent(from), destination = content.appendingPathComponent(to)
            guard FileManager.default.fileExists(atPath: destination.path) else { return try FileManager.default.moveItem(at: source, to: destination) }
            // Both exist (a new page made `news` again): the section's pages move over one by one.
            for name in try FileManager.default.contentsOfDirectory(atPath: source.path) {
                try? FileManager.default.removeItem(at: destination.appendingPathComponent(name))
                try FileManager.default.moveItem(at: source.appendingPathComponent(name), to: destination.appendingPathComponent(name))
            }
            try FileManager.default.removeItem(at: source)
        },
        Edit(name: "site setting") { workspace, random in
            try replacing("^  primary: .*$", with: "  primary: \"#0b3d9\(random.next() % 10)\"", in: "sites/lumen/site.yaml", of: workspace)
        },
    ]

    /// Every file of every site in `output`, with its bytes; the build records are compared apart.
    private static func snapshot(_ output: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: output, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            let relative = String(url.path.dropFirst(output.path.count))
            guard !relative.hasSuffix(".reuse"), (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            files[relative] = try? Data(contentsOf: url)
        }
        return files
    }

    /// Through a staging folder (`showroom build`) and in place (serve's rebuilds).
    @Test(arguments: [false, true]) func randomEditsBuildIncrementallyToWhatAColdBuildMakes(inPlace: Bool) throws {
        let workspace = try FixtureWorkspace()
        defer { workspace.remove() }
        let incremental = workspace.root.appendingPathComponent("public")
        let cold = workspace.root.appendingPathComponent("cold")
        var random = SeededGenerator(state: inPlace ? 4_242 : 20_261_203)
        var incrementalOptions = BuildOptions(workspace: workspace.root, now: FixtureWorkspace.now)
        incrementalOptions.inPlace = inPlace
        // Every page lists the sections by title, as a footer would: a section's title edit reaches every page,
        // a page's title edit only its lists.
        // Pages read shared data and strings through their layout, and one page shows a model's spec by a shortcode.
        try workspace.write("templates/base/layout.mustache", try workspace.read("templates/base/layout.mustache")
            .replacingOccurrences(of: "</body>", with: "<footer>{{#sections}}<a href=\"{{url}}\">{{title}}</a>{{/sections}}</footer>"
                                  + "<p>{{#data.models}}{{name}} {{#trims}}{{price}}{{/trims}}{{/data.models}} {{t.readMore}}</p></body>"))
        try workspace.write("sites/lumen/content/guide.md", try workspace.read("sites/lumen/content/guide.md")
            + "\n{{< spec model=\"aurora\" key=\"range\" >}}\n")
        #expect(FleetBuilder.build(incrementalOptions).succeeded)
        var reusedAny = false
        var reusedSteps = 0
        for step in 1...16 {
            let edit = Self.edits.randomElement(using: &random)!
            try edit.apply(workspace, &random)
            let kept = FleetBuilder.build(incrementalOptions)
            var options = BuildOptions(workspace: workspace.root, output: cold, now: FixtureWorkspace.now)
            options.cold = true
            let fresh = FleetBuilder.build(options)
            #expect(fresh.reused == 0)
            reusedAny = reusedAny || kept.reused > 0
            if kept.reused > 0 { reusedSteps += 1 }
            #expect(kept.allDiagnostics == fresh.allDiagnostics, "step \(step), \(edit.name)")
            #expect(kept.pages == fresh.pages && kept.files == fresh.files, "step \(step), \(edit.name)")
            let keptFiles = Self.snapshot(incremental)
            #expect(!keptFiles.keys.contains { $0.contains(".showroom-new-") }, "step \(step), \(edit.name): a temporary file is left")
            let freshFiles = Self.snapshot(cold)
            #expect(keptFiles.keys.sorted() == freshFiles.keys.sorted(), "step \(step), \(edit.name)")
            for (path, bytes) in keptFiles where freshFiles[path] != bytes {
                Issue.record("step \(step), \(edit.name): \(path) differs from the cold build's")
            }
        }
        #expect(reusedAny && reusedSteps >= 8, "pages were kept on \(reusedSteps) of 16 steps")
    }

    @Test func aBodyEditRendersThatPageOnly() throws {
        let workspace = try FixtureWorkspace()
        defer { workspace.remove() }
        let first = workspace.build()
        #expect(first.succeeded && first.reused == 0)
        try workspace.write("sites/lumen/content/about.md", try workspace.read("sites/lumen/content/about.md") + "\nOne more line.\n")
        let second = workspace.build(sites: ["lumen"])
        let lumen = try #require(second.sites.first)
        #expect(lumen.rendered == 1)
        #expect(lumen.reused == lumen.pages - 1)
        let about = workspace.output("lumen/about/index.html") ?? ""
        #expect(about.contains("One more line."))
    }

    @Test func aTitleEditAlsoRendersTheListsThatShowIt() throws {
        let workspace = try FixtureWorkspace()
        defer { workspace.remove() }
        #expect(workspace.build().succeeded)
        try Self.replacing("^title: .*$", with: "title: Aurora arrives", in: "shared/content/news/aurora-launch.md", of: workspace)
        let report = workspace.build(sites: ["lumen"])
        let lumen = try #require(report.sites.first)
        #expect(lumen.rendered >= 2 && lumen.rendered < lumen.pages)
        #expect(workspace.output("lumen/news/index.html")?.contains("Aurora arrives") == true)
    }

    @Test func anUnchangedSiteKeepsItsOutputWithoutBuilding() throws {
        let workspace = try FixtureWorkspace()
        defer { workspace.remove() }
        #expect(workspace.build().succeeded)
        // Stamps younger than two seconds are not trusted to say a file is unchanged.
        Thread.sleep(forTimeInterval: 2.1)
        #expect(workspace.build().succeeded)
        let before = Self.snapshot(workspace.root.appendingPathComponent("public"))
        let again = workspace.build()
        #expect(again.sites.allSatisfy { $0.unchanged })
        #expect(again.rendered == 0 && again.reused == again.pages)
        #expect(Self.snapshot(workspace.root.appendingPathComponent("public")) == before)
    }

    @Test func aColdBuildRendersEveryPage() throws {
        let workspace = try FixtureWorkspace()
        defer { workspace.remove() }
        #expect(workspace.build().succeeded)
        var options = BuildOptions(workspace: workspace.root, now: FixtureWorkspace.now)
        options.cold = true
        let report = FleetBuilder.build(options)
        #expect(report.reused == 0 && report.rendered == report.pages)
    }

    @Test func aScheduledPageAppearsWhenItsMomentComesThoughNoFileChanged() throws {
        let workspace = try FixtureWorkspace()
        defer { workspace.remove() }
        try workspace.write("sites/lumen/content/soon.md", "---\ntitle: Soon\npublishDate: 2026-06-01\n---\nSoon.\n")
        Thread.sleep(forTimeInterval: 2.1)
        #expect(workspace.build().succeeded)
        #expect(!workspace.exists("lumen/soon/index.html"))
        let later = workspace.build(now: Date(timeIntervalSince1970: 1_780_000_000 + 10 * 86400))
        #expect(later.succeeded)
        #expect(later.sites.first { $0.siteID == "lumen" }?.unchanged == false)
        #expect(workspace.exists("lumen/soon/index.html"))
    }

    @Test func aFailedBuildInPlaceChangesNoFile() throws {
        let workspace = try FixtureWorkspace()
        defer { workspace.remove() }
        var options = BuildOptions(workspace: workspace.root, sites: ["lumen"], now: FixtureWorkspace.now)
        options.inPlace = true
        #expect(FleetBuilder.build(options).succeeded)
        let before = Self.snapshot(workspace.root.appendingPathComponent("public/lumen"))
        try workspace.write("sites/lumen/content/about.md", try workspace.read("sites/lumen/content/about.md") + "\nChanged.\n")
        try workspace.write("sites/lumen/content/guide.md", "---\ntitle: [broken\n---\nx\n")
        #expect(!FleetBuilder.build(options).succeeded)
        #expect(Self.snapshot(workspace.root.appendingPathComponent("public/lumen")) == before)
    }

    @Test func aFailedBuildKeepsThePreviousOutputAndItsRecord() throws {
        let workspace = try FixtureWorkspace()
        defer { workspace.remove() }
        #expect(workspace.build().succeeded)
        let good = try workspace.read("sites/lumen/content/about.md")
        try workspace.write("sites/lumen/content/about.md", "---\ntitle: [broken\n---\nx\n")
        #expect(!workspace.build(sites: ["lumen"]).succeeded)
        try workspace.write("sites/lumen/content/about.md", good + "\nFixed.\n")
        let fixed = workspace.build(sites: ["lumen"])
        #expect(fixed.succeeded)
        #expect(fixed.sites.first?.reused ?? 0 > 0)
        #expect(workspace.output("lumen/about/index.html")?.contains("Fixed.") == true)
    }
}
