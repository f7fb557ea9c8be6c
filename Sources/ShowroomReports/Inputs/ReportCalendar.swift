import Foundation
import ShowroomStorage

/// Days and periods at the UTC offset a report is read in (`+08:00` for Beijing).
///
/// Periods are half-open, `[since, until)`, and start at midnight at the offset: `--since 2026-03-01
/// --until 2026-03-08` covers the seven days of 1 to 7 March.
public struct ReportCalendar: Sendable, Hashable {
    /// Seconds east of UTC.
    package var utcOffset: Int

    /// A calendar `utcOffset` seconds east of UTC (28,800 for Beijing).
    public init(utcOffset: Int) {
        self.utcOffset = utcOffset
    }

    /// The offset of this machine's time zone now: the default, so a report reads in the reader's local days.
    public static var local: ReportCalendar { ReportCalendar(utcOffset: TimeZone.current.secondsFromGMT()) }

    /// Reads `+08:00`, `-05:30`, `+8`, `Z` or `UTC`.
    public init(parsingOffset text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed == "Z" || trimmed.uppercased() == "UTC" {
            self.init(utcOffset: 0)
            return
        }
        let pattern = #"^([+-])(\d{1,2})(?::?(\d{2}))?$"#
        guard let match = trimmed.range(of: pattern, options: .regularExpression), match == trimmed.startIndex..<trimmed.endIndex else {
            throw ReportError("`\(text)` is not a UTC offset; write it like +08:00 (Beijing) or -05:00")
        }
        let sign = trimmed.hasPrefix("-") ? -1 : 1
        let body = String(trimmed.dropFirst())
        let (hourText, minuteText): (String, String) = body.contains(":")
            ? (String(body.split(separator: ":")[0]), String(body.split(separator: ":")[1]))
            : body.count > 2 ? (String(body.dropLast(2)), String(body.suffix(2))) : (body, "0")
        let hours = Int(hourText) ?? 0
        let minutes = Int(minuteText) ?? 0
        guard hours <= 14, minutes < 60 else {
            throw ReportError("`\(text)` is not a UTC offset; offsets run from -12:00 to +14:00")
        }
        self.init(utcOffset: sign * (hours * 3600 + minutes * 60))
    }

    /// `+08:00`.
    package var offsetText: String {
        let sign = utcOffset < 0 ? "-" : "+"
        let minutes = abs(utcOffset) / 60
        return String(format: "%@%02d:%02d", sign, minutes / 60, minutes % 60)
    }

    /// Midnight at the offset of the day `YYYY-MM-DD`.
    package func startOfDay(_ text: String) throws -> Date {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard text.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil, parts.count == 3,
              let date = DateComponents(calendar: Self.gregorianUTC, year: parts[0], month: parts[1], day: parts[2]).date,
              dayText(date) == text
        else {
            throw ReportError("`\(text)` is not a date; write it as YYYY-MM-DD, e.g. 2026-03-01")
        }
        return date.addingTimeInterval(-Double(utcOffset))
    }

    /// Midnight at the offset of the day that contains `date`.
    package func startOfDay(containing date: Date) -> Date {
        let local = Int64((date.timeIntervalSince1970 + Double(utcOffset)).rounded(.down))
        let day = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        return Date(timeIntervalSince1970: Double(day * 86_400 - Int64(utcOffset)))
    }

    /// The calendar day at the offset that contains `date`, as `YYYY-MM-DD`.
    package func dayText(_ date: Date) -> String {
        let parts = Self.gregorianUTC.dateComponents([.year, .month, .day], from: date.addingTimeInterval(Double(utcOffset)))
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    /// `2026-03-15 22:04` at the offset.
    package func minuteText(_ date: Date) -> String {
        let parts = Self.gregorianUTC.dateComponents([.year, .month, .day, .hour, .minute], from: date.addingTimeInterval(Double(utcOffset)))
        return String(format: "%04d-%02d-%02d %02d:%02d", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!)
    }

    /// Every day of the period, oldest first.
    package func days(in period: ReportPeriod) -> [String] {
        var days: [String] = []
        var day = startOfDay(containing: period.since)
        while day < period.until {
            days.append(dayText(day))
            day = day.addingTimeInterval(86_400)
        }
        return days
    }

    /// The period of the command line: `--since` inclusive, `--until` exclusive, both whole days at the offset.
    /// Without `--until` it ends with today; without `--since` it starts `defaultDays` before its end.
    public func period(since: String?, until: String?, defaultDays: Int = 30, now: Date = Date()) throws -> ReportPeriod {
        let end = try until.map(startOfDay) ?? startOfDay(containing: now).addingTimeInterval(86_400)
        let start = try since.map(startOfDay) ?? end.addingTimeInterval(-Double(defaultDays) * 86_400)
        guard start < end else {
            throw ReportError("the period is empty: --since \(dayText(start)) is not before --until \(dayText(end)) (until is exclusive)")
        }
        return ReportPeriod(since: start, until: end)
    }

    static let gregorianUTC: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        return calendar
    }()
}
