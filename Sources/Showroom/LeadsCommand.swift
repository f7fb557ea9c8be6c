import ArgumentParser
import Foundation
import ShowroomCollector
import ShowroomCore
import ShowroomStorage

/// `showroom leads`: the test-drive leads the booking form collected.
struct LeadsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leads",
        abstract: "The test-drive leads the booking form collected.",
        subcommands: [LeadsExportCommand.self, LeadsForgetCommand.self])
}

/// `showroom leads export [--since …] --format csv|json`: one of the two ways leads leave the system.
struct LeadsExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print the leads of the last 7 days, or since a day or time, as CSV for Excel or as JSON.",
        discussion: """
            Leads hold names and mobile numbers: send the output only to the dealers who call back. The CSV starts \
            with a byte order mark so Excel reads Chinese names, names each dealer and its phone, and writes times \
            in showroom.yaml's `timezone:` (default Asia/Shanghai). Cells that start with =, +, - or @ are prefixed \
            with ' so spreadsheets do not run them. Which store was read goes to standard error. See docs/booking.md.
            """)

    @Option(help: "today, yesterday, 7d, 30d (any number of days), a day (2026-03-15, midnight in the fleet's time zone) or an ISO 8601 time (2026-03-15T08:00:00+08:00). Default: 7d.")
    var since: String?

    @Option(help: "csv or json.")
    var format: LeadsExport.Format = .csv

    @Option(help: "The collector's store: sqlite:PATH, a SQLite file path (relative to the workspace), or postgres://….")
    var database = "sqlite:.showroom/collector.sqlite"

    @Option(help: "The workspace the collector runs in.")
    var workspace = "."

    @Option(help: "Write to this file instead of standard output, and say how many leads it holds.")
    var output: String?

    /// Checked here rather than in `run`, so a mistake prints this command's usage line, not the root's.
    func validate() throws {
        if let since, LeadsExport.Since(parsing: since) == nil {
            throw ValidationError("--since must be \(LeadsExport.Since.accepted), not `\(since)`")
        }
    }

    func run() async throws {
        let root = URL(fileURLWithPath: workspace)
        let (presentation, problems) = LeadsExport.Presentation.load(workspace: root)
        if !problems.errors.isEmpty {
            FileHandle.standardError.write(Data(problems.errors.map { "\($0.description)\n" }.joined().utf8))
            throw ExitCode.failure
        }
        let start = (since.flatMap(LeadsExport.Since.init(parsing:)) ?? .standard).start(now: Date(), timeZone: presentation.timeZone)
        do {
            let written = try await LeadsExport.export(
                database: database, workspace: root, since: start, format: format, presentation: presentation)
            let leads = written.count == 1 ? "1 lead" : "\(written.count) leads"
            if let output {
                try Data(written.text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
                print("Wrote \(leads) to \(output) (read from \(written.store))")
            } else {
                FileHandle.standardOutput.write(Data(written.text.utf8))
                FileHandle.standardError.write(Data("Read \(leads) from \(written.store)\n".utf8))
            }
        } catch let error as StoreError {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode.failure
        }
    }
}

/// `showroom leads forget --phone N`: deletes one person's leads, as China's personal-information law lets them ask.
struct LeadsForgetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget",
        abstract: "Delete every lead with this mobile number (every site, model and date), and the visits behind them, and say how many.",
        discussion: """
            The events, downloads and touches stored under the visitor ids of those leads are deleted too, in the same \
            transaction; the hourly counts stay. See docs/booking.md.
            """)

    @Option(help: "The mobile number, as the person gives it (138 1234 5678, +86 13812345678, …).")
    var phone: String

    @Option(help: "The collector's store: sqlite:PATH, a SQLite file path (relative to the workspace), or postgres://….")
    var database = "sqlite:.showroom/collector.sqlite"

    @Option(help: "The workspace the collector runs in.")
    var workspace = "."

    /// Checked here rather than in `run`, so a mistake prints this command's usage line, not the root's.
    func validate() throws {
        if BookingRules.normalizedPhone(phone) == nil {
            throw ValidationError("--phone must be a mainland mobile number: 11 digits starting 13 to 19, optionally after +86")
        }
    }

    func run() async throws {
        guard let number = BookingRules.normalizedPhone(phone) else { throw ExitCode.validationFailure }
        do {
            let erasure = try await LeadsErasure.forget(phone: number, database: database, workspace: URL(fileURLWithPath: workspace))
            print(erasure.summary(of: String(number.prefix(3) + "****" + number.suffix(4))))
        } catch let error as StoreError {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode.failure
        }
    }
}

extension LeadsExport.Format: ExpressibleByArgument {}
