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
        abstract: "Build and serve the sites on this machine, rebuilding and reloading on every change.",
        discussion: """
            Every site is served on one port under a name of its own, http://<site>.localhost:8080/, with \
            an index of them all at http://localhost:8080/ (with one --site, that site is at \
            http://localhost:8080/ too). Saving a file rebuilds only the sites it affects and reloads \
            the open tab; a build error replaces the pages with the error until it is fixed. The collection \
            service runs in the same process against .showroom/collector.sqlite, the store `leads export` \
            and the reports read. `--bind 0.0.0.0` lets a phone on the same network open the preview. \
            See docs/preview-and-publish.md.
            """,
        aliases: ["server"]
    )

    @Option(name: .customLong("site"), help: "Serve only this site (repeat for several).")
    var sites: [String] = []

    @Option(help: "The port every site is served on.")
    var port = 8080

    @Option(help: ArgumentHelp("The address to listen on: 127.0.0.1 (this machine only) or 0.0.0.0 (also phones and other computers on the network).", valueName: "address"))
    var bind = "127.0.0.1"

    @Option(help: "The workspace folder (the one with sites/, templates/, shared/, assets/).")
    var workspace: String = "."

    @Flag(name: [.customLong("drafts"), .customLong("buildDrafts"), .customShort("D")], help: "Include pages marked `draft: true`.")
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
            guard let application = try Collector.previewApplication(workspace: root, output: output, logger: logger, bind: bind, log: log) else {
                return nil
            }
            return application
        }
        var options = PreviewOptions(workspace: root, sites: sites, host: bind, port: port, includeDrafts: drafts, collector: collector, log: log)
        // Ctrl-C (SIGINT) or SIGTERM stops the servers and the watcher gracefully instead of killing the
        // process in the middle of a rebuild.
        options.stopOnSignals = true
        log("Serving \(sites.isEmpty ? "every site" : sites.joined(separator: ", ")); press Ctrl-C to stop")
        do {
            try await PreviewServer(options: options).run()
        } catch let taken as PortCheck.Taken {
            FileHandle.standardError.write(Data("\(taken)\n".utf8))
            throw ExitCode(2)
        }
        log("Stopped.")
    }
}
