import ArgumentParser
import Foundation
import ShowroomReports
import ShowroomStorage

/// `showroom assets`: what the shared asset library costs, where it is used and how often it is downloaded.
struct AssetsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assets",
        abstract: "Add to the shared asset library, report on it, and count direct downloads from access logs.",
        subcommands: [AssetsAddCommand.self, AssetsReportCommand.self, IngestLogsCommand.self])
}

/// Where a report reads from and writes to; shared by every report command.
struct ReportSourceOptions: ParsableArguments {
    @Option(help: "The workspace folder (the one with sites/ and assets/).")
    var workspace = "."

    @Option(help: "The collector's store: sqlite:PATH, a SQLite file (relative to the workspace), or postgres://user:password@host:port/db.")
    var database = ReportStore.defaultDatabase

    var root: URL { URL(fileURLWithPath: workspace).standardizedFileURL }

    /// The store as a report says it read it: `.showroom/collector.sqlite`, or `postgres://…` without the password.
    var storeName: String { StoreLocation(parsing: database, relativeTo: root).name(relativeTo: root) }
}

/// The period, time zone and format of a report; shared by every report command.
struct ReportShapeOptions: ParsableArguments {
    @Option(help: "First day included (YYYY-MM-DD). Default: 30 days before --until.")
    var since: String?

    @Option(help: "First day not included (YYYY-MM-DD). Default: tomorrow, so the report ends with today.")
    var until: String?

    @Option(name: .customLong("utc-offset"), help: "The time zone days and hours are read in, e.g. +08:00. Default: this machine's.")
    var utcOffset: String?

    @Option(help: "table, csv, json or html.")
    var format: ReportFormat = .table

    @Option(help: "Write the report to this file instead of the terminal.")
    var output: String?

    func calendar() throws -> ReportCalendar {
        try utcOffset.map(ReportCalendar.init(parsingOffset:)) ?? .local
    }

    /// Prints the report and says on standard error which store it read (so standard output stays the report), or
    /// writes it to --output and says where, and from which store.
    func deliver(_ text: String, readFrom store: String) throws {
        guard let output else {
            print(text, terminator: "")
            FileHandle.standardError.write(Data("Read from \(store)\n".utf8))
            return
        }
        let url = URL(fileURLWithPath: output).standardizedFileURL
        try Data(text.utf8).write(to: url, options: .atomic)
        print("Wrote \(url.path) (read from \(store))")
    }
}

extension ReportFormat: ExpressibleByArgument {}

extension ReportError {
    /// Prints the sentence to standard error and fails the command, without the usage text (the arguments were fine).
    func exit() -> ExitCode {
        FileHandle.standardError.write(Data("error: \(description)\n".utf8))
        return ExitCode(1)
    }
}

/// `showroom assets report`: per asset, its cost, uses, downloads and cost per download, then what to act on.
struct AssetsReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Which assets pay off: cost, uses, downloads and cost per download; never used, expiring licences.",
        discussion: "Joins assets/catalog.yaml, the latest build's public/.showroom/usage.json and the collector's downloads. See docs/reports.md.")

    @OptionGroup var source: ReportSourceOptions
    @OptionGroup var shape: ReportShapeOptions

    @Option(help: "Only this site's uses and downloads.")
    var site: String?

    @Option(help: "Only assets of this kind: photo, brochure, video, logo or other.")
    var kind: String?

    @Option(name: .customLong("public"), help: "The build output holding .showroom/usage.json (default: the workspace's output folder).")
    var publicFolder: String?

    func run() async throws {
        do {
            let calendar = try shape.calendar()
            let report = try await AssetReport.make(AssetReport.Options(
                workspace: source.root, publicFolder: publicFolder.map { URL(fileURLWithPath: $0) }, database: source.database,
                period: try calendar.period(since: shape.since, until: shape.until), calendar: calendar, site: site, kind: kind))
            try shape.deliver(report.rendered(as: shape.format), readFrom: source.storeName)
        } catch let error as ReportError {
            throw error.exit()
        }
    }
}

/// `showroom assets ingest-logs`: counts direct downloads of fingerprinted asset files from access logs.
struct IngestLogsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest-logs",
        abstract: "Count downloads that bypassed the counted link, from web server or CDN access logs.",
        discussion: """
            Reads the combined log format, optionally prefixed with the virtual host (`host:port` first, as in \
            Apache's vhost_combined). Ingesting the same log twice adds nothing; malformed lines are counted and \
            skipped. See docs/reports.md.
            """)

    @OptionGroup var source: ReportSourceOptions

    @Option(help: "The site of lines without a virtual host.")
    var site: String?

    @Option(name: .customLong("public"), help: "The build output holding .showroom/assets.json (default: the workspace's output folder).")
    var publicFolder: String?

    @Argument(help: "Access log files; - reads standard input (e.g. zcat access.log.gz | showroom assets ingest-logs -).")
    var files: [String]

    func run() async throws {
        do {
            let summary = try await LogIngestion.run(LogIngestion.Options(
                workspace: source.root, publicFolder: publicFolder.map { URL(fileURLWithPath: $0) }, database: source.database,
                files: files, site: site))
            print(summary.text, terminator: "")
        } catch let error as ReportError {
            throw error.exit()
        }
    }
}
