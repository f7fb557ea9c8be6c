import ArgumentParser
import Foundation
import ShowroomCore
import ShowroomStorage

/// `showroom leads`: the test-drive leads the booking form collected.
struct LeadsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leads",
        abstract: "The test-drive leads the booking form collected.",
        subcommands: [LeadsExportCommand.self, LeadsForgetCommand.self])
}

/// `showroom leads export --since … --format csv|json`: one of the two ways leads leave the system.
struct LeadsExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print the leads created since a day or time, as CSV or JSON.",
        discussion: """
            Leads hold names and mobile numbers: send the output only to the dealers who call back. CSV cells that \
            start with =, +, - or @ are prefixed with ' so spreadsheets do not run them. See docs/booking.md.
            """)

    @Option(help: "A day (2026-03-15, midnight UTC) or an ISO 8601 time (2026-03-15T08:00:00+08:00).")
    var since: String

    @Option(help: "csv or json.")
    var format: LeadsExport.Format = .csv

    @Option(help: "The collector's store: sqlite:PATH, a SQLite file path (relative to the workspace), or postgres://….")
    var database = "sqlite:.showroom/collector.sqlite"

    @Option(help: "The workspace the collector runs in.")
    var workspace = "."

    @Option(help: "Write to this file instead of standard output.")
    var output: String?

    func run() async throws {
        guard let start = LeadsExport.parseSince(since) else {
            throw ValidationError("--since must be a day (2026-03-15) or an ISO 8601 time (2026-03-15T08:00:00+08:00), not `\(since)`")
        }
        do {
            let text = try await LeadsExport.export(
                database: database, workspace: URL(fileURLWithPath: workspace), since: start, format: format)
            if let output {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
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
        abstract: "Delete every lead with this mobile number (every site, model and date) and say how many.",
        discussion: "Events and downloads hold no phone numbers; leads are the only place one is kept. See docs/booking.md.")

    @Option(help: "The mobile number, as the person gives it (138 1234 5678, +86 13812345678, …).")
    var phone: String

    @Option(help: "The collector's store: sqlite:PATH, a SQLite file path (relative to the workspace), or postgres://….")
    var database = "sqlite:.showroom/collector.sqlite"

    @Option(help: "The workspace the collector runs in.")
    var workspace = "."

    func run() async throws {
        guard let number = BookingRules.normalizedPhone(phone) else {
            throw ValidationError("--phone must be a mainland mobile number: 11 digits starting 13 to 19, optionally after +86")
        }
        do {
            let deleted = try await LeadsErasure.forget(phone: number, database: database, workspace: URL(fileURLWithPath: workspace))
            let masked = number.prefix(3) + "****" + number.suffix(4)
            print(deleted == 1 ? "Deleted 1 lead of \(masked)." : "Deleted \(deleted) leads of \(masked).")
        } catch let error as StoreError {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode.failure
        }
    }
}

extension LeadsExport.Format: ExpressibleByArgument {}
