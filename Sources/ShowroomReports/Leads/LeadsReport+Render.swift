import Foundation
import ShowroomStorage

extension LeadsReport: RenderableReport {
    /// The schema's name and version; a change that removes or renames a key bumps the version.
    public static let jsonSchema = "showroom.leads-report/1"

    /// The report in `format`.
    public func rendered(as format: ReportFormat) -> String { rendering(as: format) }

    var scopeText: String { site.map { "site \($0)" } ?? "every site" }

    /// `aurora / 10:02 → lumen /specs/ 10:05 (app)`: a journey in one line, times at the report's offset.
    func journeyText(_ steps: [JourneyStep]) -> String {
        steps.filter { $0.type == .pageview || $0.type == .bookingSubmitted }.map { step in
            "\(step.site) \(step.page) \(String(calendar.minuteText(step.at).suffix(5)))"
                + (step.source == .web ? "" : " (\(step.source.rawValue))") + (step.type == .bookingSubmitted ? " booked" : "")
        }.joined(separator: " → ")
    }

    static func touchText(_ touch: Touch?) -> String {
        guard let touch else { return Figures.none }
        return sourceText(touch) + (touch.campaign.map { " · \($0)" } ?? "")
    }

    func tableText() -> String {
        var out = ["Leads report · \(periodText) · \(scopeText) · \(Figures.count(leads.count)) lead\(leads.count == 1 ? "" : "s")"]
        if leads.isEmpty {
            out.append("")
            out.append("No leads in this period. Is the collector running, and is --database its store?")
        }
        for (title, tallies) in [("By site", bySite), ("By model", byModel), ("By dealer", byDealer), ("By source", bySource),
                                 ("By campaign", byCampaign)] where !tallies.isEmpty {
            out.append("")
            out.append("  \(title)")
            var table = TextTable([.init(title.dropFirst(3).uppercased()), .init("LEADS", .right), .init("SHARE", .right)])
            for tally in tallies { table.add([tally.key, Figures.count(tally.leads), Figures.percent(tally.leads, of: leads.count)]) }
            out.append(table.render(indent: 4))
        }
        out.append("")
        out.append("  Visitors to leads, per campaign")
        var conversions = TextTable([.init("CAMPAIGN"), .init("VISITORS", .right), .init("BOOKED", .right), .init("RATE", .right)])
        for line in conversion {
            conversions.add([line.campaign, Figures.count(line.visitors), Figures.count(line.booked), Figures.percent(line.booked, of: line.visitors)])
        }
        out.append(conversion.isEmpty ? "    No visitor arrived by a campaign in this period." : conversions.render(indent: 4))
        out.append("")
        out.append("  By day")
        var days = TextTable([.init("DAY"), .init("LEADS", .right), .init("")])
        let largestDay = byDay.map(\.leads).max() ?? 0
        for day in byDay { days.add([day.key, Figures.count(day.leads), ActivityReport.bar(day.leads, of: largestDay, width: 30)]) }
        out.append(days.render(indent: 4))
        out.append("  By hour of day")
        var hours = TextTable([.init("HOUR"), .init("LEADS", .right), .init("")])
        let largestHour = byHour.max() ?? 0
        for (hour, count) in byHour.enumerated() where count > 0 {
            hours.add([ActivityReport.hourText(hour), Figures.count(count), ActivityReport.bar(count, of: largestHour, width: 30)])
        }
        out.append(largestHour == 0 ? "    None." : hours.render(indent: 4))
        out.append("")
        out.append("  Leads and their journeys")
        for entry in leads {
            let lead = entry.lead
            out.append("    \(calendar.minuteText(lead.createdAt)) · \(lead.site) \(lead.page) · \(lead.model) · \(lead.dealer) · "
                       + "\(lead.name ?? Figures.none) \(lead.phone ?? "")")
            out.append("      first: \(Self.touchText(entry.touches?.first)) · latest: \(Self.touchText(entry.touches?.latest))")
            out.append("      journey: \(entry.journey.isEmpty ? Figures.none : journeyText(entry.journey))")
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// One row per lead: the call list, with where each lead came from and the journey before it.
    func csvText() -> String {
        CSV.document(
            header: ["created", "site", "page", "model", "dealer", "city", "name", "phone", "first_channel", "first_source", "first_campaign",
                     "latest_channel", "latest_source", "latest_campaign", "latest_medium", "journey"],
            rows: leads.map { entry in
                let lead = entry.lead, first = entry.touches?.first, latest = entry.touches?.latest
                return [calendar.minuteText(lead.createdAt), lead.site, lead.page, lead.model, lead.dealer, lead.city ?? "", lead.name ?? "",
                        lead.phone ?? "", first?.channel.rawValue ?? "", first?.source ?? "", first?.campaign ?? "",
                        latest?.channel.rawValue ?? "", latest?.source ?? "", latest?.campaign ?? "", latest?.medium ?? "",
                        journeyText(entry.journey)]
            })
    }

    static func touchJSON(_ touch: Touch?) -> JSONValue {
        guard let touch else { return .null }
        return .object([
            ("channel", .string(touch.channel.rawValue)), ("source", .optional(touch.source)), ("medium", .optional(touch.medium)),
            ("campaign", .optional(touch.campaign)), ("content", .optional(touch.content)), ("term", .optional(touch.term)),
            ("click", .optional(touch.click)), ("site", .string(touch.site)), ("page", .string(touch.page)),
            ("at", .string(AssetReport.isoText(touch.at))),
        ])
    }

    func json() -> JSONValue {
        func tallies(_ list: [Tally], _ name: String) -> JSONValue {
            .array(list.map { .object([(name, .string($0.key)), ("leads", .int($0.leads))]) })
        }
        return .object([
            ("schema", .string(Self.jsonSchema)),
            ("period", .object([
                ("since", .string(AssetReport.isoText(period.since))), ("until", .string(AssetReport.isoText(period.until))),
                ("utcOffset", .string(calendar.offsetText)),
            ])),
            ("site", .optional(site)),
            ("generatedAt", .string(AssetReport.isoText(generatedAt))),
            ("total", .int(leads.count)),
            ("bySite", tallies(bySite, "site")), ("byModel", tallies(byModel, "model")), ("byDealer", tallies(byDealer, "dealer")),
            ("bySource", tallies(bySource, "source")), ("byCampaign", tallies(byCampaign, "campaign")), ("byDay", tallies(byDay, "day")),
            ("byHour", .array(byHour.enumerated().map { .object([("hour", .int($0.offset)), ("leads", .int($0.element))]) })),
            ("conversion", .array(conversion.map { line in
                .object([("campaign", .string(line.campaign)), ("visitors", .int(line.visitors)), ("booked", .int(line.booked)),
                         ("rate", .number((line.rate * 1000).rounded() / 1000))])
            })),
            ("leads", .array(leads.map { entry in
                let lead = entry.lead
                return .object([
                    ("id", lead.id.map { .int(Int($0)) } ?? .null), ("createdAt", .string(AssetReport.isoText(lead.createdAt))),
                    ("site", .string(lead.site)), ("page", .string(lead.page)), ("model", .string(lead.model)), ("dealer", .string(lead.dealer)),
                    ("city", .optional(lead.city)), ("name", .optional(lead.name)), ("phone", .optional(lead.phone)),
                    ("firstTouch", Self.touchJSON(entry.touches?.first)), ("latestTouch", Self.touchJSON(entry.touches?.latest)),
                    ("journey", .array(entry.journey.map { step in
                        .object([("site", .string(step.site)), ("page", .string(step.page)), ("type", .string(step.type.rawValue)),
                                 ("source", .string(step.source.rawValue)), ("at", .string(AssetReport.isoText(step.at)))])
                    })),
                ])
            })),
        ])
    }

    func htmlPage() -> String {
        let best = conversion.first
        var body = HTML.tiles([
            ("Leads", Figures.count(leads.count), scopeText),
            ("Top source", bySource.first?.key ?? Figures.none, bySource.first.map { "\(Figures.count($0.leads)) leads" } ?? ""),
            ("Best campaign", best?.campaign ?? Figures.none,
             best.map { "\(Figures.count($0.booked)) of \(Figures.count($0.visitors)) visitors booked (\(Figures.percent($0.booked, of: $0.visitors)))" } ?? ""),
        ])
        body += HTML.card("Leads by day", wide: true, SVGChart.columns(byDay.map {
            .init(label: String($0.key.dropFirst(5)), parts: [Double($0.leads)], valueText: "\($0.key): \($0.leads)")
        }, colors: ["#0ea5e9"], height: 160))
        body += HTML.card("Leads by hour of day", note: "UTC\(calendar.offsetText)", wide: true, SVGChart.columns(byHour.enumerated().map {
            .init(label: String(format: "%02d", $0.offset), parts: [Double($0.element)], valueText: "\(ActivityReport.hourText($0.offset)): \($0.element)")
        }, colors: ["#7c3aed"], height: 160, labelEvery: 1))
        for (title, tallies, color) in [("By source", bySource, "#059669"), ("By campaign", byCampaign, "#d97706"), ("By site", bySite, "#2563eb"),
                                        ("By model", byModel, "#db2777"), ("By dealer", byDealer, "#4b5563")] {
            body += HTML.card(title, tallies.isEmpty ? "<p class=\"empty\">None.</p>" : SVGChart.horizontal(tallies.map {
                .init(label: $0.key, parts: [Double($0.leads)], valueText: "\(Figures.count($0.leads)) (\(Figures.percent($0.leads, of: leads.count)))")
            }, colors: [color], labelWidth: 170))
        }
        body += HTML.card("Visitors to leads, per campaign", note: "visitors whose first or latest touch in the period was the campaign", wide: true,
                          HTML.simpleTable(headers: [("Campaign", numeric: false), ("Visitors", numeric: true), ("Booked", numeric: true), ("Rate", numeric: true)],
                                           rows: conversion.map { [$0.campaign, Figures.count($0.visitors), Figures.count($0.booked),
                                                                   Figures.percent($0.booked, of: $0.visitors)] },
                                           empty: "No visitor arrived by a campaign in this period."))
        body += HTML.card("Leads and their journeys", note: "newest first; journeys in UTC\(calendar.offsetText)", wide: true, HTML.sortableTable(
            headers: [("Created", numeric: false), ("Site", numeric: false), ("Model", numeric: false), ("Dealer", numeric: false),
                      ("Name", numeric: false), ("First touch", numeric: false), ("Latest touch", numeric: false), ("Journey", numeric: false)],
            rows: leads.reversed().map { entry in
                let lead = entry.lead
                return [(calendar.minuteText(lead.createdAt), nil), (lead.site, nil), (lead.model, nil), (lead.dealer, nil),
                        ("\(lead.name ?? Figures.none) \(lead.phone ?? "")", nil), (Self.touchText(entry.touches?.first), nil),
                        (Self.touchText(entry.touches?.latest), nil), (entry.journey.isEmpty ? Figures.none : journeyText(entry.journey), nil)]
            }))
        return HTML.page(title: "Leads report", subtitle: "\(periodText) · \(scopeText)", body: body)
    }
}
