import ArgumentParser
import Foundation
import ShowroomCore
import ShowroomSite

/// `showroom build`: renders every site (or the chosen ones) into `public/<site-id>/`.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build every site under sites/ into public/<site-id>/.",
        discussion: """
            A site with errors keeps its previous output; the others are replaced. Every error is listed \
            with its file, line and column and how to fix it, and the exit status is 1.
            """
    )

    @Option(name: .customLong("site"), help: "Build only this site (repeat for several).")
    var sites: [String] = []

    @Option(help: "The workspace folder (the one with sites/, templates/, shared/, assets/).")
    var workspace: String = "."

    @Option(help: "Output folder (default: public/ in the workspace).")
    var output: String?

    @Flag(name: [.customLong("drafts"), .customLong("buildDrafts"), .customShort("D")], help: "Include pages marked `draft: true`.")
    var drafts = false

    @Option(name: .customLong("baseURL"), help: ArgumentHelp(
        "A one-off address instead of each site's baseURL: (a staging server); with several sites write {site} for the site's id, e.g. https://{site}.staging.example.com/.",
        valueName: "url"))
    var baseURL: String?

    @Flag(help: "Print only errors, warnings and the summary.")
    var quiet = false

    @Flag(help: "Render every page, ignoring the previous build's records (by default unchanged sites and pages keep their output).")
    var cold = false

    func run() throws {
        let root = URL(fileURLWithPath: workspace).standardizedFileURL
        let quiet = self.quiet
        if !quiet { print("Building \(sites.isEmpty ? "every site" : sites.joined(separator: ", ")) from \(root.path)") }
        var options = BuildOptions(
            workspace: root, output: output.map { URL(fileURLWithPath: $0).standardizedFileURL }, sites: sites,
            includeDrafts: drafts,
            progress: { result in
                guard !quiet else { return }
                let errors = result.diagnostics.errors.count
                let status = errors == 0
                    ? "ok    \(result.pages) pages, \(result.files) files" + (result.unchanged ? ", unchanged" : result.reused > 0 ? ", \(result.rendered) rendered" : "")
                    : "FAIL  \(errors) error\(errors == 1 ? "" : "s"); previous output kept"
                print("  \(result.siteID.padding(toLength: 24, withPad: " ", startingAt: 0)) \(status)  \(String(format: "%.2f", result.seconds)) s")
            })
        options.baseURL = baseURL
        options.cold = cold
        let report = FleetBuilder.build(options)
        let diagnostics = report.allDiagnostics
        if !diagnostics.isEmpty {
            print("")
            for diagnostic in diagnostics { print(diagnostic) }
        }
        let errors = diagnostics.errors.count
        let warnings = diagnostics.warnings.count
        print("")
        print("Built \(report.publishedSites.count) of \(report.sites.count) sites: \(report.pages) pages, \(report.files) files, "
              + "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"), "
              + "\(String(format: "%.1f", report.seconds)) s")
        if report.reused > 0 { print("Rendered \(report.rendered) pages; kept \(report.reused) unchanged from the previous build (--cold renders all)") }
        if !report.removedSites.isEmpty {
            print("Removed the output of \(report.removedSites.joined(separator: ", ")): no longer in sites/")
        }
        if !report.publishedSites.isEmpty {
            print("Output:  \(report.output.path)/<site-id>/")
            print("Preview: showroom serve   (live reload; or any static server on \(report.output.path)/<site-id>/)")
        }
        if !report.succeeded { throw ExitCode(1) }
    }
}
