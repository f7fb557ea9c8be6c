import Foundation
import ShowroomCore
import ShowroomSite
import ShowroomTestSupport
import Testing

/// Values written by a careless or hostile author: none may write outside the site's output folder, take the
/// machine's memory, read files outside the workspace, or put an active link or unsafe CSS into a page.
/// Each is refused with an error at the value's file and line.
@Suite struct HostileInputTests {
    /// A folder next to the workspace that a path climbing out of `public/<site>/` would reach.
    private func escapeTarget() -> (name: String, url: URL) {
        let url = TemporaryFolder.unusedURL("showroom-escape")
        return (url.lastPathComponent, url)
    }

    // MARK: - Output paths

    @Test func aURLWithDotDotSegmentsIsAnErrorAndWritesNothingOutsideTheOutput() throws {
        let workspace = try FixtureWorkspace()
        let target = escapeTarget()
        try workspace.write("sites/store/content/climb.md", "---\ntitle: Climb\nurl: /../../../../\(target.name)/x/\n---\n")
        let report = workspace.build()
        let error = try #require(report.error(containing: "`url` must be a path inside the site"))
        #expect(error.location == SourceLocation(file: "sites/store/content/climb.md", line: 3, column: 6))
        #expect(!FileManager.default.fileExists(atPath: target.url.path))
    }

    @Test func anAliasWithDotDotSegmentsIsAnErrorAndWritesNothingOutsideTheOutput() throws {
        let workspace = try FixtureWorkspace()
        let target = escapeTarget()
        try workspace.write("sites/store/content/old.md", "---\ntitle: Old\naliases: [/ok/, /../../../\(target.name)/y/]\n---\n")
        let report = workspace.build()
        let error = try #require(report.error(containing: "must be an old path of this site"))
        #expect(error.location?.file == "sites/store/content/old.md")
        #expect(error.location?.line == 3)
        #expect(!FileManager.default.fileExists(atPath: target.url.path))
    }

    @Test func aMountTargetWithDotDotSegmentsIsAnErrorAtItsLine() throws {
        let workspace = try FixtureWorkspace()
        let target = escapeTarget()
        try workspace.write("sites/store/site.yaml", """
            title: Meridian Store
            kind: store
            baseURL: https://store.example.test/
            mounts:
              - from: news
                into: ../../../\(target.name)/z
            """)
        let report = workspace.build()
        let error = try #require(report.error(containing: "the mount's `into` must be a folder path"))
        #expect(error.location == SourceLocation(file: "sites/store/site.yaml", line: 6, column: 11))
        #expect(!FileManager.default.fileExists(atPath: target.url.path))
    }

    @Test func aSlugOfTwoDotsIsAnErrorAndTheSiteFolderKeepsItsIndex() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("sites/store/content/up.md", "---\ntitle: Up\nslug: ..\n---\n")
        let report = workspace.build()
        let error = try #require(report.error(containing: "`slug` must be one URL segment"))
        #expect(error.location == SourceLocation(file: "sites/store/content/up.md", line: 3, column: 7))
        #expect(!workspace.exists("index.html"))
    }

    @Test func aProtocolRelativeURLWithAnAliasMakesNoRedirectToAnotherSite() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("sites/store/content/away.md", "---\ntitle: Away\nurl: //evil.example/\naliases: [/deal/]\n---\n")
        let report = workspace.build()
        let error = try #require(report.error(containing: "`url` must be a path inside the site"))
        #expect(error.message.contains("names another web site"))
        #expect(error.location?.line == 3)
        #expect(!workspace.exists("store/deal/index.html"))
    }

    @Test func anOutputFolderOutsideTheWorkspaceIsRefused() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("showroom.yaml", "collector: https://collect.example.test\noutput: ../elsewhere\n")
        let error = try #require(workspace.build().error(containing: "`output` must be a folder inside the workspace"))
        #expect(error.location == SourceLocation(file: "showroom.yaml", line: 2, column: 9))
    }

    @Test func anAliasOntoAPagesOwnFileOrTheHomePageIsRefused() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("sites/store/content/launch.md", "---\ntitle: Launch\naliases: [/launch/index.html, /index.html, /404.html]\n---\nText.\n")
        let report = workspace.build(sites: ["store"])
        #expect(report.error(containing: "the alias /index.html of sites/store/content/launch.md is the address of another page") != nil)
        #expect(report.error(containing: "the alias /404.html") != nil)
        #expect(report.allDiagnostics.errors.count == 2)  // its own file is left out, as its own address is
    }

    @Test func anOutputFolderThatHoldsTheWorkspacesSourcesIsRefused() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("showroom.yaml", "collector: https://collect.example.test\noutput: sites\n")
        #expect(workspace.build().error(containing: "`output` cannot be `sites`") != nil)
        #expect(FileManager.default.fileExists(atPath: workspace.root.appendingPathComponent("sites/store/site.yaml").path))
    }

    // MARK: - Sizes and alias expansion

    /// Nine copies per level: seven levels are 4.8 million values from a few hundred bytes.
    private static func aliasBomb(levels: Int, indent: String = "") -> String {
        var lines = ["\(indent)a0: &a0 [x, x, x, x, x, x, x, x, x]"]
        for level in 1...levels {
            let previous = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
            lines.append("\(indent)a\(level): &a\(level) [\(previous)]")
        }
        return lines.joined(separator: "\n")
    }

    @Test func anAliasBombInFrontMatterIsRefusedQuicklyAtItsLine() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("sites/store/content/bomb.md", "---\ntitle: Bomb\n\(Self.aliasBomb(levels: 7))\n---\nBody\n")
        let clock = ContinuousClock()
        let started = clock.now
        let report = workspace.build(sites: ["store"])
        #expect(clock.now - started < .seconds(5))  // generous for a loaded machine; the expansion alone took minutes
        let error = try #require(report.error(containing: "expands to too many values"))
        #expect(error.location?.file == "sites/store/content/bomb.md")
        #expect(error.location?.line != nil)
    }

    @Test func anAliasBombInSharedDataIsRefusedAtItsFile() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("shared/data/bomb.yaml", Self.aliasBomb(levels: 8) + "\n")
        let error = try #require(workspace.build(sites: ["store"]).error(containing: "expands to too many values"))
        #expect(error.location?.file == "shared/data/bomb.yaml")
    }

    @Test func aFewAliasesThatRepeatValuesStillWork() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("shared/data/opening-hours.yaml", """
            defaults: &defaults {hours: "9-18", phone: "400-800"}
            north: {name: North, extra: *defaults}
            south: {name: South, extra: *defaults}
            """)
        #expect(workspace.build(sites: ["store"]).succeeded)
    }

    @Test func frontMatterLargerThanItsLimitIsAnError() throws {
        let workspace = try FixtureWorkspace()
        let long = String(repeating: "x", count: InputLimits.frontMatterBytes + 1)
        try workspace.write("sites/store/content/long.md", "---\ntitle: Long\nnote: \(long)\n---\n")
        let error = try #require(workspace.build(sites: ["store"]).error(containing: "the front matter is larger than 256 KiB"))
        #expect(error.location == SourceLocation(file: "sites/store/content/long.md", line: 1, column: 1))
    }

    @Test func aPageLargerThanItsLimitIsAnErrorReadNoFurther() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("sites/store/content/huge.md", "---\ntitle: Huge\n---\n" + String(repeating: "word ", count: InputLimits.pageBytes / 5 + 1))
        let error = try #require(workspace.build(sites: ["store"]).error(containing: "larger than 8 MiB"))
        #expect(error.location?.file == "sites/store/content/huge.md")
    }

    @Test func aDataFileLargerThanItsLimitIsAnError() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("shared/data/huge.yaml", "notes: |\n" + String(repeating: "  line of text\n", count: InputLimits.yamlFileBytes / 15 + 1))
        let error = try #require(workspace.build(sites: ["store"]).error(containing: "larger than 16 MiB"))
        #expect(error.location?.file == "shared/data/huge.yaml")
    }

    // MARK: - Links out of the workspace

    @Test func aContentPageLinkedToAFileOutsideTheWorkspaceIsAnErrorAndNotPublished() throws {
        let workspace = try FixtureWorkspace()
        let outside = TemporaryFolder.unusedURL("showroom-secret").appendingPathExtension("md")
        try Data("---\ntitle: Secret\n---\nroot:x:0:0\n".utf8).write(to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createSymbolicLink(at: workspace.root.appendingPathComponent("sites/store/content/passwd.md"),
                                                   withDestinationURL: outside)
        let report = workspace.build(sites: ["store"])
        let error = try #require(report.error(containing: "outside the workspace"))
        #expect(error.location?.file == "sites/store/content/passwd.md")
        #expect(error.message.contains(outside.lastPathComponent))
        #expect(!workspace.exists("store/passwd/index.html"))
    }

    @Test func anAssetFileLinkedOutsideTheWorkspaceIsAnErrorAndNotCopied() throws {
        let workspace = try FixtureWorkspace()
        let logo = workspace.root.appendingPathComponent("assets/files/photos/logo.png")
        try FileManager.default.removeItem(at: logo)
        try FileManager.default.createSymbolicLink(at: logo, withDestinationURL: URL(fileURLWithPath: "/etc/passwd"))
        let report = workspace.build()
        let error = try #require(report.error(containing: "is a link to /etc/passwd, which is outside the workspace"))
        #expect(error.location?.file == "assets/catalog.yaml")
        let cached = (try? FileManager.default.contentsOfDirectory(atPath: workspace.root.appendingPathComponent(".showroom/cache/files").path)) ?? []
        let passwd = try Data(contentsOf: URL(fileURLWithPath: "/etc/passwd"))
        #expect(!cached.contains { name in
            (try? Data(contentsOf: workspace.root.appendingPathComponent(".showroom/cache/files/\(name)"))) == passwd
        })
    }

    @Test func aLinkToAnotherFileInsideTheWorkspaceKeepsWorking() throws {
        let workspace = try FixtureWorkspace()
        try FileManager.default.createSymbolicLink(at: workspace.root.appendingPathComponent("sites/store/content/spring-again.md"),
                                                   withDestinationURL: workspace.root.appendingPathComponent("sites/store/content/offers/spring.md"))
        let report = workspace.build(sites: ["store"])
        #expect(report.error(containing: "outside the workspace") == nil)
        #expect(workspace.output("store/spring-again/index.html")?.contains("Spring offer") == true)
    }

    // MARK: - Characters

    @Test func aNULByteInMarkdownBecomesAReplacementCharacterAndTheRestOfThePageStays() throws {
        let workspace = try FixtureWorkspace()
        try workspace.writeBytes("sites/store/content/nul.md", Array("---\ntitle: Nul\n---\nBefore".utf8) + [0] + Array(" after the NUL.\n".utf8))
        #expect(workspace.build(sites: ["store"]).succeeded)
        let page = try #require(workspace.output("store/nul/index.html"))
        #expect(page.contains("Before\u{FFFD} after the NUL."))
    }

    @Test func controlCharactersFromInputAreShownEscapedInMessages() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("sites/store/content/esc.md", "---\ntitle: Esc\nslug: \"red\\e[31m/\\u0007\"\n---\n")
        let error = try #require(workspace.build(sites: ["store"]).error(containing: "`slug` must be one URL segment"))
        #expect(error.message.contains("red\\u{1B}[31m/\\u{7}"))
        #expect(!error.description.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }

    /// Found by fuzzing: a combining mark after `asset:` made Swift's `hasPrefix` miss the reference, so the
    /// link kept an `asset:` address and no one checked the id.
    @Test func anAssetLinkWithACombiningMarkAfterTheColonIsStillCheckedAsAnAsset() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("sites/store/content/mark.md", "---\ntitle: Mark\n---\n[brochure](asset:\u{05A4}x)\n")
        let report = workspace.build(sites: ["store"])
        let error = try #require(report.error(containing: "there is no asset"))
        #expect(error.location?.file == "sites/store/content/mark.md")
    }

    // MARK: - Active links and CSS in settings

    @Test func aJavaScriptLinkInAMenuIsAnErrorAtTheEntry() throws {
        let workspace = try FixtureWorkspace()
        let site = try String(contentsOf: workspace.root.appendingPathComponent("sites/lumen/site.yaml"), encoding: .utf8)
        try workspace.write("sites/lumen/site.yaml", site.replacingOccurrences(of: "url: /news/", with: "url: \"JaVa&#115;cript:alert(1)\""))
        let error = try #require(workspace.build().error(containing: "the menu entry `News` links to"))
        #expect(error.message.contains("`javascript:` scheme is not allowed"))
        #expect(error.location?.file == "sites/lumen/site.yaml")
        #expect(error.location?.line == 12)
    }

    @Test func aNumericReferenceWithoutItsSemicolonStillSpellsTheScheme() {
        #expect(LinkRules.activeSchemeProblem("&#106avascript:alert(1)") != nil)
        #expect(LinkRules.activeSchemeProblem("&#x6A;avascript:alert(1)") != nil)
        #expect(LinkRules.activeSchemeProblem("/offers/#top") == nil)
    }

    @Test func anActiveCollectorAddressIsAnErrorInShowroomYaml() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("showroom.yaml", "collector: \"javascript:alert(1)//\"\n")
        let error = try #require(workspace.build().error(containing: "`collector` is not the address of a web service"))
        #expect(error.location == SourceLocation(file: "showroom.yaml", line: 1, column: 12))
    }

    @Test func aThemeColourThatLeavesItsDeclarationIsAnError() throws {
        let workspace = try FixtureWorkspace()
        let site = try String(contentsOf: workspace.root.appendingPathComponent("sites/lumen/site.yaml"), encoding: .utf8)
        try workspace.write("sites/lumen/site.yaml", site.replacingOccurrences(
            of: "primary: \"#0b3d91\"", with: "primary: \"#000;}body{background:url(https://evil.example/)}\""))
        let report = workspace.build()
        let error = try #require(report.error(containing: "is not a colour"))
        #expect(error.location == SourceLocation(file: "sites/lumen/site.yaml", line: 7, column: 12))
        #expect(!(workspace.output("lumen/index.html")?.contains("evil.example") ?? false))
    }

    @Test func aDataColourThatIsNotAColourIsAnErrorAtItsLine() throws {
        let workspace = try FixtureWorkspace()
        try workspace.write("shared/data/paints.yaml", "- name: Red\n  hex: \"red;background:url(https://evil.example/)\"\n")
        let error = try #require(workspace.build(sites: ["store"]).error(containing: "`hex` must be a colour"))
        #expect(error.location == SourceLocation(file: "shared/data/paints.yaml", line: 2, column: 8))
    }

    @Test func colourFormsAreAccepted() {
        for colour in ["#fff", "#ffff", "#0b3d91", "#0b3d91cc", "rgb(12, 34, 56)", "rgba(0 0 0 / 50%)", "hsl(210deg 50% 40%)", "HSLA(1,2%,3%,.5)"] {
            #expect(CSSColour.isColour(colour), "\(colour)")
        }
        for value in ["#ggg", "#12345", "red;", "url(x)", "rgb()", "rgb(1,2,3);x", "expression(alert(1))", ""] {
            #expect(!CSSColour.isColour(value), "\(value)")
        }
    }
}
