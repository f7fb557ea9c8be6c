import ArgumentParser
import Foundation
import ShowroomReports

/// `showroom report leads`: the period's leads by site, model, dealer, source and campaign, by day and hour, the
/// visitors-to-leads conversion per campaign, and each lead with the journey before it.
struct LeadsReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leads",
        abstract: "Test-drive leads by site, model, dealer, source and campaign, conversion per campaign, and each lead's journey.",
        discussion: "The CSV is one row per lead (the call list). Holds names and phone numbers: share it as you would the leads export. See docs/reports.md.")

    @OptionGroup var source: ReportSourceOptions
    @OptionGroup var shape: ReportShapeOptions

    @Option(help: "Only this site's leads (default: every site).")
    var site: String?

    func run() async throws {
        do {
            let calendar = try shape.calendar()
            let report = try await LeadsReport.make(LeadsReport.Options(
                workspace: source.root, database: source.database, period: try calendar.period(since: shape.since, until: shape.until),
                calendar: calendar, site: site))
            try shape.deliver(report.rendered(as: shape.format), readFrom: source.storeName)
        } catch let error as ReportError {
            throw error.exit()
        }
    }
}
