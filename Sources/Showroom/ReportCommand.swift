import ArgumentParser
import Foundation
import ShowroomReports

/// `showroom report`: when each site's visitors are active and where they give up on the booking form.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Reports on the fleet's visitors, and a traffic simulation to try them on.",
        subcommands: [ActivityReportCommand.self, LeadsReportCommand.self, SimulateTrafficCommand.self])
}

/// `showroom report activity`: page views by hour of day and by day, and the booking funnel, per site.
struct ActivityReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "activity",
        abstract: "Page views by hour of day and by day, and the booking form funnel, per site.",
        discussion: "Use --utc-offset for the audience's time zone (+08:00 for Beijing). See docs/reports.md.")

    @OptionGroup var source: ReportSourceOptions
    @OptionGroup var shape: ReportShapeOptions

    @Option(help: "Only this site (default: every site with activity).")
    var site: String?

    func run() async throws {
        do {
            let calendar = try shape.calendar()
            let report = try await ActivityReport.make(ActivityReport.Options(
                workspace: source.root, database: source.database, period: try calendar.period(since: shape.since, until: shape.until),
                calendar: calendar, site: site))
            try shape.deliver(report.rendered(as: shape.format), readFrom: source.storeName)
        } catch let error as ReportError {
            throw error.exit()
        }
    }
}

/// `showroom report simulate`: a month of invented traffic in an empty store, and an access log to ingest.
struct SimulateTrafficCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Fill an empty store with a month of simulated traffic for the fleet, and write an access log to ingest.",
        discussion: "Needs a build (public/.showroom/). Refuses a store that holds data unless --append. See docs/reports.md.")

    @OptionGroup var source: ReportSourceOptions

    @Option(help: "Days of traffic, ending yesterday.")
    var days = 30

    @Option(help: "The same seed gives the same traffic.")
    var seed: UInt64 = 7

    @Option(name: .customLong("utc-offset"), help: "The visitors' time zone.")
    var utcOffset = "+08:00"

    @Option(help: "Where to write the access log (default: <workspace>/.showroom/simulated-access.log).")
    var log: String?

    @Flag(help: "Add to a store that already holds data.")
    var append = false

    func run() async throws {
        do {
            let summary = try await TrafficSimulation.run(TrafficSimulation.Options(
                workspace: source.root, database: source.database, days: days, seed: seed,
                calendar: try ReportCalendar(parsingOffset: utcOffset), logFile: log.map { URL(fileURLWithPath: $0) }, append: append))
            print(summary.text, terminator: "")
        } catch let error as ReportError {
            throw error.exit()
        }
    }
}
