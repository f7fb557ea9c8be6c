import ArgumentParser
import Foundation
import ShowroomPreview

/// `showroom check`: builds without writing anything and checks each page as the build makes it.
struct CheckCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, github }

    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check every site without writing output: build errors, links, anchors, HTML, feeds, tracking.",
        discussion: """
            Runs the whole build without writing anything, and checks that every internal link and #anchor \
            resolves, every page parses as HTML, sitemap.xml and feeds are well-formed XML and every page \
            carries the tracking snippet exactly once. The exit status is 1 when anything is an error. \
            See docs/preview-and-publish.md.
            """
    )

    @Option(help: "text, json, or github (GitHub Actions annotations).")
    var format: Format = .text

    @Option(name: .customLong("site"), help: "Check only this site (repeat for several).")
    var sites: [String] = []

    @Option(help: "The workspace folder (the one with sites/, templates/, shared/, assets/).")
    var workspace: String = "."

    @Flag(name: [.customLong("drafts"), .customLong("buildDrafts"), .customShort("D")], help: "Include pages marked `draft: true`.")
    var drafts = false

    func run() throws {
        let report = FleetCheck.run(CheckOptions(workspace: URL(fileURLWithPath: workspace).standardizedFileURL, sites: sites,
                                                 includeDrafts: drafts))
        print(report.formatted(as: CheckFormat(rawValue: format.rawValue) ?? .text))
        if !report.succeeded { throw ExitCode(1) }
    }
}
