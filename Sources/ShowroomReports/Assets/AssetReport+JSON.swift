import Foundation

extension AssetReport {
    /// The schema's name and version; a change that removes or renames a key bumps the version.
    package static let jsonSchema = "showroom.assets-report/1"

    /// The stable JSON document of docs/reports.md: keys always present, `null` where a figure does not exist.
    func json() -> JSONValue {
        .object([
            ("schema", .string(Self.jsonSchema)),
            ("period", .object([
                ("since", .string(Self.isoText(period.since))), ("until", .string(Self.isoText(period.until))),
                ("utcOffset", .string(calendar.offsetText)),
            ])),
            ("site", .optional(site)),
            ("kind", .optional(kind)),
            ("generatedAt", .string(Self.isoText(asOf))),
            ("totals", .object([
                ("assets", .int(totals.assets)), ("cost", Self.json(totals.cost)), ("downloads", Self.json(totals.downloads)),
            ])),
            ("assets", .array(assets.map(Self.json))),
            ("neverUsed", .object([("assets", .array(neverUsed.map(JSONValue.string))), ("moneySunk", Self.json(moneySunk))])),
            ("usedNeverDownloaded", .array(usedNeverDownloaded.map(JSONValue.string))),
            ("exposedPhotos", .array(exposedPhotos.compactMap(line).map { line in
                .object([("asset", .string(line.id)), ("pageViews", .int(line.pageViews))])
            })),
            ("mostDownloaded", .array(mostDownloaded.compactMap(line).map { line in
                .object([("asset", .string(line.id)), ("downloads", .int(line.downloads.total))])
            })),
            ("expiringLicences", .array(expiringLicences.map { licence in
                .object([("asset", .string(licence.asset)), ("expiry", .string(licence.expiry)), ("daysLeft", .int(licence.daysLeft))])
            })),
            ("missingAssets", .array(missingAssets.map { missing in
                .object([
                    ("asset", .string(missing.id)),
                    ("uses", .array(missing.uses.map { use in
                        .object([
                            ("site", .string(use.site)), ("page", .string(use.page)), ("file", .string(use.file)),
                            ("line", use.line.map(JSONValue.int) ?? .null), ("column", use.column.map(JSONValue.int) ?? .null),
                        ])
                    })),
                    ("downloads", .int(missing.downloads)),
                ])
            })),
            ("downloadsByDay", .array(downloadsByDay.map { day in
                .object([("day", .string(day.day)), ("total", .int(day.downloads.total)), ("link", .int(day.downloads.link)),
                         ("log", .int(day.downloads.log))])
            })),
        ])
    }

    static func json(_ line: AssetLine) -> JSONValue {
        .object([
            ("id", .string(line.id)), ("kind", .string(line.kind)), ("title", .string(line.title)), ("owner", .optional(line.owner)),
            ("cost", .number(line.cost)), ("currency", .string(line.currency)), ("downloadable", .bool(line.downloadable)),
            ("licenceExpiry", .optional(line.licenceExpiry)), ("sites", .array(line.sites.map(JSONValue.string))),
            ("pages", .int(line.pages)), ("pageViews", .int(line.pageViews)),
            ("costPerThousandViews", .optional(line.costPerThousandViews)), ("downloads", json(line.downloads)),
            ("downloadsBySite", .object(line.downloadsBySite.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
            ("costPerDownload", .optional(line.costPerDownload)), ("costPerUse", .optional(line.costPerUse)),
            ("lastDownload", .optional(line.lastDownload.map(isoText))),
        ])
    }

    static func json(_ tally: DownloadTally) -> JSONValue {
        .object([("total", .int(tally.total)), ("link", .int(tally.link)), ("log", .int(tally.log))])
    }

    static func json(_ amounts: [Money]) -> JSONValue {
        .object(amounts.map { ($0.currency, .number($0.amount)) })
    }

    /// `2026-03-15T12:00:00Z`.
    static func isoText(_ date: Date) -> String {
        let parts = ReportCalendar.gregorianUTC.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!, parts.second!)
    }
}
