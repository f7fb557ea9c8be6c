import ArgumentParser
import Foundation
import ShowroomPreview
import ShowroomStudio

/// `showroom studio`: the content editor in the browser.
struct StudioCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "studio",
        abstract: "Edit the sites' pages in the browser, with a live preview built by the engine, and save them to git.",
        discussion: """
            Opens the studio on http://localhost:8070/: every site with its last build, each site's pages, the page \
            editor (front matter as a form, the Markdown beside a live preview that shows the engine's errors at \
            their line) and publishing (the changed files, their diff, and a git commit with your message). \
            It listens on this machine only; --bind 0.0.0.0 makes it reachable from the network and then asks for \
            the login token it prints (or, with --password-file, the password in that file). See docs/studio.md.
            """
    )

    @Option(help: "The port the studio listens on.")
    var port = 8070

    @Option(help: ArgumentHelp("The address to listen on: 127.0.0.1 (this machine only) or another (then a login with the printed token is required).", valueName: "address"))
    var bind = "127.0.0.1"

    @Option(name: .customLong("password-file"),
            help: ArgumentHelp("With --bind beyond this machine: log in with the password on this file's first line (12 characters or more) instead of a printed token.", valueName: "path"))
    var passwordFile: String?

    @Option(help: "The workspace folder (the one with sites/, templates/, shared/, assets/).")
    var workspace: String = "."

    @Option(help: "The collector's store the asset library reads downloads from: sqlite:PATH (relative to the workspace) or postgres://….")
    var database = "sqlite:.showroom/collector.sqlite"

    func run() async throws {
        let log: @Sendable (String) -> Void = { line in
            print(line)
            fflush(nil)
        }
        var options = StudioOptions(workspace: URL(fileURLWithPath: workspace), host: bind, port: port, log: log)
        options.database = database
        options.passwordFile = passwordFile.map { URL(fileURLWithPath: $0) }
        options.stopOnSignals = true
        do {
            try await StudioServer(options: options).run()
        } catch let taken as PortCheck.Taken {
            FileHandle.standardError.write(Data("\(taken)\n".utf8))
            throw ExitCode(2)
        } catch let problem as StudioOptions.PasswordFileProblem {
            FileHandle.standardError.write(Data("\(problem)\n".utf8))
            throw ExitCode(2)
        }
        log("Stopped.")
    }
}
