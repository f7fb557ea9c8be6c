import ArgumentParser
import Foundation
import ShowroomPreview

/// `showroom affected --since REV`: the sites a change touches, one id per line, for CI to build and publish.
struct AffectedCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument { case text, json }

    static let configuration = CommandConfiguration(
        commandName: "affected",
        abstract: "List the sites that the files changed since a git revision affect.",
        discussion: """
            Compares the working tree (and untracked files) with the revision and maps each changed file to \
            the sites built from it, using the build records in public/.showroom/. When there are no records \
            it builds the fleet first and says so on stderr. See docs/preview-and-publish.md for the rules.
            """
    )

    @Option(help: "A git revision: a commit, a branch (origin/main) or a tag.")
    var since: String

    @Option(help: "text (one site id per line) or json.")
    var format: Format = .text

    @Option(help: "The workspace folder (inside a git repository).")
    var workspace: String = "."

    func run() throws {
        let report = try AffectedSites.run(workspace: URL(fileURLWithPath: workspace), since: since)
        if report.builtFirst {
            let errors = report.buildDiagnostics.errors.count
            FileHandle.standardError.write(Data("No build records yet: built the fleet first (\(errors) error\(errors == 1 ? "" : "s")).\n".utf8))
        }
        if !report.removed.isEmpty {
            FileHandle.standardError.write(Data(("Removed from sites/: \(report.removed.joined(separator: ", ")). The next full build "
                + "deletes their output; withdraw their published sites by hand.\n").utf8))
        }
        switch format {
        case .text:
            for site in report.sites { print(site) }
        case .json:
            print(report.json)
        }
    }
}
