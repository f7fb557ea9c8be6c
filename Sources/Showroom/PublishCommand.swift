import ArgumentParser
import Foundation
import ShowroomCore
import ShowroomPublish
import ShowroomWorkspace

/// `showroom publish`: copies a built site into a new release and switches the live link to it.
struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Publish a built site as an atomic release: DIR/<site>/releases/<time>/ and a `current` link.",
        discussion: """
            Point the web server's document root at DIR/<site>/current. The link is swapped in one step after \
            the whole copy was checked against the built site, so a failed publish leaves the live site as it \
            was. Publishes and rollbacks of one site take turns (DIR/<site>/.publish.lock); one waits up to \
            --wait seconds for another to finish. Prints the files \
            added (+), changed (~) and removed (-) against the live release, by content hash. \
            See docs/preview-and-publish.md.
            """
    )

    @Option(help: "The site to publish.")
    var site: String

    @Option(help: "The publish folder (holds <site>/releases/ and <site>/current).")
    var to: String

    @Option(help: "How many releases to keep (the live one is always kept).")
    var keep = 5

    @Option(help: "Seconds to wait for another publish or rollback of the same site to finish (0: fail at once).")
    var wait = 120

    @Flag(help: "Point `current` back at the release before it instead of publishing.")
    var rollback = false

    @Option(help: "The built site to publish (default: <workspace>/<output>/<site>, with `output` from showroom.yaml, public/ unless set).")
    var from: String?

    @Option(help: "The workspace folder (the one with showroom.yaml, sites/ and the build output).")
    var workspace: String = "."

    func run() throws {
        let publisher = Publisher(lockWait: .seconds(max(wait, 0)))
        let target = URL(fileURLWithPath: to).standardizedFileURL
        let outcome: Publisher.Outcome
        if rollback {
            outcome = try publisher.rollback(site: site, in: target)
        } else {
            outcome = try publisher.publish(site: site, from: try builtFolder(), to: target, keep: keep)
        }
        for line in outcome.diff.lines { print(line) }
        print("\(rollback ? "Rolled back" : "Published") \(site): current -> releases/\(outcome.release)"
              + (outcome.previous.map { " (was \($0))" } ?? ""))
        if !outcome.pruned.isEmpty { print("Removed old releases: \(outcome.pruned.joined(separator: ", "))") }
        for problem in outcome.notPruned { print("warning: an old release was kept: \(problem); remove it by hand or run publish again") }
    }

    /// `--from`, else the site's folder in the output folder of showroom.yaml, where `showroom build` writes it.
    private func builtFolder() throws -> URL {
        if let from { return URL(fileURLWithPath: from).standardizedFileURL }
        let root = URL(fileURLWithPath: workspace).standardizedFileURL
        let (fleet, diagnostics) = FleetConfig.load(root: root)
        if !diagnostics.errors.isEmpty {
            throw UnreadableConfig(diagnostics: diagnostics.errors)
        }
        return root.appendingPathComponent(fleet.output).appendingPathComponent(site).standardizedFileURL
    }

    /// showroom.yaml has errors, so the output folder it names is not known.
    private struct UnreadableConfig: Error, CustomStringConvertible {
        var diagnostics: [Diagnostic]

        var description: String {
            "\(DiagnosticsError(diagnostics))\nshowroom.yaml names the output folder to publish from; fix it, or pass --from "
                + "with the built site's folder. Nothing was published"
        }
    }
}
