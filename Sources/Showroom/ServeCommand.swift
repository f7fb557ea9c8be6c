import ArgumentParser
import Foundation
import ShowroomCollector
import Logging
import ServiceLifecycle
import ShowroomPreview

/// `showroom serve`: a live preview of the fleet on this machine.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build and serve the sites on 127.0.0.1, rebuilding and reloading on every change.",
        discussion: """
            With one --site, that site is served on --port. Otherwise --port serves an index page and each \
            site gets its own port after it (pages use root-relative links, so every site needs a root of \
            its own). Saving a file rebuilds only the sites it affects and reloads the open tab; a build \
            error replaces the pages with the error until it is fixed. The collection service runs in the \
            same process against .showroom/preview-collector.sqlite. See docs/preview-and-publish.md.
            """
    )

    @Option(name: .customLong("site"), help: "Serve only this site (repeat for several).")
    var sites: [String] = []

    @Option(help: "The port of the site (one --site) or of the index page (the sites follow on the next ports).")
    var port = 8080

    @Option(help: "The workspace folder (the one with sites/, templates/, shared/, assets/).")
    var workspace: String = "."

    @Flag(help: "Include pages marked `draft: true`.")
    var drafts = false

    @Flag(name: .customLong("no-collector"), help: "Do not run the collection service in this process.")
    var noCollector = false

    func run() async throws {
        // Every line goes out at once, also when the output is a file or a pipe (an editor's terminal panel, a log).
        let log: @Sendable (String) -> Void = { line in
            print(line)
            fflush(nil)
        }
        let root = URL(fileURLWithPath: workspace)
        let collector: PreviewService? = noCollector ? nil : { @Sendable (output: URL, logger: Logger) throws -> (any Service)? in
            guard let application = try Collector.previewApplication(workspace: root, output: output, logger: logger, log: log) else {
                return nil
            }
            return application
        }
        var options = PreviewOptions(workspace: root, sites: sites, port: port, includeDrafts: drafts, collector: collector, log: log)
        // Ctrl-C (SIGINT) or SIGTERM stops the servers and the watcher gracefully instead of killing the
        // process in the middle of a rebuild.
        options.stopOnSignals = true
        log("Serving \(sites.isEmpty ? "every site" : sites.joined(separator: ", ")); press Ctrl-C to stop")
        try await PreviewServer(options: options).run()
        log("Stopped.")
    }
}
