import Foundation
import ShowroomStorage

extension ActivityReport: RenderableReport {
    /// The report in `format`.
    public func rendered(as format: ReportFormat) -> String { rendering(as: format) }

    /// The schema's name and version; a change that removes or renames a key bumps the version.
    package static let jsonSchema = "showroom.activity-report/1"

    static let stepNames: [EventType: String] = [
        .bookingShown: "form shown", .bookingStarted: "started", .bookingFieldError: "field error", .bookingSubmitted: "submitted",
    ]

    static func hourText(_ hour: Int) -> String { String(format: "%02d:00", hour) }

    /// A bar of `█` for a terminal, `width` long at `largest`.
    static func bar(_ value: Int, of largest: Int, width: Int = 40) -> String {
        guard largest > 0, value > 0 else { return "" }
        return String(repeating: "█", count: max(1, Int((Double(value) / Double(largest) * Double(width)).rounded())))
    }

    func tableText() -> String {
        var out = ["Activity report · \(periodText) · \(site.map { "site \($0)" } ?? "every site with activity")"]
        if sites.isEmpty {
            out.append("")
            out.append("No page views or booking events in this period. Is the collector running, and is --database its store?")
        }
        for activity in sites {
            out.append("")
            out.append("\(activity.site) — \(activity.title) · \(Figures.count(activity.pageviews)) page views · busiest hours "
                       + (activity.peakHours.isEmpty ? Figures.none : activity.peakHours.map(Self.hourText).joined(separator: ", ")))
            out.append("  Page views by hour of day")
            let largestHour = activity.byHour.max() ?? 0
            var hours = TextTable([.init("HOUR"), .init("VIEWS", .right), .init("")])
            for (hour, views) in activity.byHour.enumerated() {
                hours.add([Self.hourText(hour), Figures.count(views), Self.bar(views, of: largestHour)])
            }
            out.append(hours.render(indent: 4))
            out.append("  Page views by day")
            let largestDay = activity.byDay.map(\.events).max() ?? 0
            var days = TextTable([.init("DAY"), .init("VIEWS", .right), .init("")])
            for day in activity.byDay { days.add([day.day, Figures.count(day.events), Self.bar(day.events, of: largestDay, width: 30)]) }
            out.append(days.render(indent: 4))
            guard activity.booking || activity.funnel.contains(where: { $0.events > 0 }) else { continue }
            out.append("  Booking funnel")
            out.append(funnelTable(activity).render(indent: 4))
            if let giveUp = activity.giveUp {
                out.append("    Most visitors give up \(giveUp.stage): \(Figures.count(giveUp.lost)) of \(Figures.count(giveUp.of)) "
                           + "(\(Figures.percent(giveUp.lost, of: giveUp.of))).")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    func funnelTable(_ activity: SiteActivity) -> TextTable {
        var table = TextTable([.init("STEP"), .init("VISITORS", .right), .init("EVENTS", .right), .init("OF SHOWN", .right)])
        let shown = activity.funnel.first { $0.step == .bookingShown }?.visitors ?? 0
        for step in activity.funnel {
            table.add([Self.stepNames[step.step] ?? step.step.rawValue, Figures.count(step.visitors), Figures.count(step.events),
                       Figures.percent(step.visitors, of: shown)])
        }
        return table
    }

    /// Long format: one row per site and measure (`hour`, `day`, `funnel`).
    func csvText() -> String {
        var rows: [[String]] = []
        for activity in sites {
            for (hour, views) in activity.byHour.enumerated() { rows.append([activity.site, "hour", Self.hourText(hour), String(views), ""]) }
            for day in activity.byDay { rows.append([activity.site, "day", day.day, String(day.events), ""]) }
            for step in activity.funnel { rows.append([activity.site, "funnel", step.step.rawValue, String(step.events), String(step.visitors)]) }
        }
        return CSV.document(header: ["site", "measure", "key", "events", "visitors"], rows: rows)
    }

    func json() -> JSONValue {
        .object([
            ("schema", .string(Self.jsonSchema)),
            ("period", .object([
                ("since", .string(AssetReport.isoText(period.since))), ("until", .string(AssetReport.isoText(period.until))),
                ("utcOffset", .string(calendar.offsetText)),
            ])),
            ("site", .optional(site)),
            ("generatedAt", .string(AssetReport.isoText(generatedAt))),
            ("sites", .array(sites.map { activity in
                let shown = activity.funnel.first { $0.step == .bookingShown }?.visitors ?? 0
                return .object([
                    ("site", .string(activity.site)), ("title", .string(activity.title)), ("pageviews", .int(activity.pageviews)),
                    ("peakHours", .array(activity.peakHours.map(JSONValue.int))),
                    ("byHour", .array(activity.byHour.enumerated().map { .object([("hour", .int($0.offset)), ("pageviews", .int($0.element))]) })),
                    ("byDay", .array(activity.byDay.map { .object([("day", .string($0.day)), ("pageviews", .int($0.events))]) })),
                    ("booking", .bool(activity.booking)),
                    ("funnel", .array(activity.funnel.map { step in
                        .object([
                            ("step", .string(step.step.rawValue)), ("events", .int(step.events)), ("visitors", .int(step.visitors)),
                            ("shareOfShown", shown > 0 ? .number((Double(step.visitors) / Double(shown) * 1000).rounded() / 1000) : .null),
                        ])
                    })),
                    ("giveUp", activity.giveUp.map { giveUp in
                        .object([("stage", .string(giveUp.stage)), ("lost", .int(giveUp.lost)), ("of", .int(giveUp.of)),
                                 ("share", .number((giveUp.share * 1000).rounded() / 1000))])
                    } ?? .null),
                ])
            })),
        ])
    }

    func htmlPage() -> String {
        let total = sites.map(\.pageviews).reduce(0, +)
        let booked = sites.flatMap(\.funnel).filter { $0.step == .bookingSubmitted }.map(\.visitors).reduce(0, +)
        var body = HTML.tiles([
            ("Page views", Figures.count(total), "\(sites.count) site\(sites.count == 1 ? "" : "s")"),
            ("Busiest site", sites.first?.site ?? Figures.none, sites.first.map { "\(Figures.count($0.pageviews)) page views" } ?? ""),
            ("Bookings submitted", Figures.count(booked), "visitors who sent the form"),
        ])
        if sites.isEmpty {
            body += HTML.card("No activity", wide: true, "<p class=\"empty\">No page views or booking events in this period.</p>")
        }
        for activity in sites {
            let peaks = activity.peakHours.map(Self.hourText).joined(separator: ", ")
            var content = "<h3 class=\"sub\">Page views by hour of day</h3>" + SVGChart.columns(activity.byHour.enumerated().map {
                .init(label: String(format: "%02d", $0.offset), parts: [Double($0.element)], valueText: "\(Self.hourText($0.offset)): \($0.element)")
            }, colors: ["#7c3aed"], height: 180, labelEvery: 1)
            content += "<h3 class=\"sub\">Page views by day</h3>" + SVGChart.columns(activity.byDay.map {
                .init(label: String($0.day.dropFirst(5)), parts: [Double($0.events)], valueText: "\($0.day): \($0.events)")
            }, colors: ["#0ea5e9"], height: 160)
            if activity.booking || activity.funnel.contains(where: { $0.events > 0 }) {
                let shown = activity.funnel.first { $0.step == .bookingShown }?.visitors ?? 0
                content += "<h3 class=\"sub\">Booking funnel (visitors)</h3>" + SVGChart.horizontal(activity.funnel.map { step in
                    .init(label: Self.stepNames[step.step] ?? step.step.rawValue, parts: [Double(step.visitors)],
                          valueText: "\(Figures.count(step.visitors)) (\(Figures.percent(step.visitors, of: shown)))")
                }, colors: ["#059669"], labelWidth: 110)
                if let giveUp = activity.giveUp {
                    content += "<p class=\"note\">Most visitors give up <strong>\(HTML.escape(giveUp.stage))</strong>: "
                        + "\(Figures.count(giveUp.lost)) of \(Figures.count(giveUp.of)) (\(Figures.percent(giveUp.lost, of: giveUp.of))).</p>"
                }
            }
            body += HTML.card("\(activity.site) — \(activity.title)",
                              note: "\(Figures.count(activity.pageviews)) page views · busiest hours \(peaks.isEmpty ? Figures.none : peaks) (UTC\(calendar.offsetText))",
                              wide: true, content)
        }
        return HTML.page(title: "Activity report", subtitle: "\(periodText) · \(site.map { "site \($0)" } ?? "every site with activity")", body: body)
    }
}
