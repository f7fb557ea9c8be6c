import Foundation

extension LeadsExport {
    /// Where an export starts, as `--since` or `?since=` say it: a day, an exact time, or a span before now.
    ///
    /// Days and the words are read in the fleet's time zone (`timezone:` in `showroom.yaml`), the one the export
    /// writes its times in, so `--since today` starts at the midnight a marketer in that zone saw.
    public enum Since: Sendable, Hashable {
        /// `2026-03-15`: from that day's midnight.
        case day(year: Int, month: Int, day: Int)
        /// `2026-03-15T08:00:00+08:00`: from that moment.
        case time(Date)
        /// `today`: from this midnight.
        case today
        /// `yesterday`: from the midnight before this one, so yesterday and today.
        case yesterday
        /// `7d`, `30d`: the last so many days, counted back from now.
        case days(Int)

        /// The span an export without `--since` covers: the last 7 days.
        public static let standard = Since.days(7)

        /// The words the option accepts, for a message that lists them.
        public static let accepted = "today, yesterday, 7d, 30d (any number of days), a day (2026-03-15) or an ISO 8601 time (2026-03-15T08:00:00+08:00)"

        /// Reads one of the accepted forms; nil for anything else.
        public init?(parsing text: String) {
            let lowered = text.lowercased()
            switch lowered {
            case "today": self = .today
            case "yesterday": self = .yesterday
            default:
                if lowered.hasSuffix("d"), let count = Int(lowered.dropLast()), count >= 1, lowered.first?.isNumber == true {
                    self = .days(count)
                } else if text.count == 10, let date = try? Date(text + "T00:00:00Z", strategy: .iso8601) {
                    let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
                    self = .day(year: parts.year!, month: parts.month!, day: parts.day!)
                } else if let date = try? Date(text, strategy: .iso8601) {
                    self = .time(date)
                } else {
                    return nil
                }
            }
        }

        /// The first moment the export includes, `now` being when it runs and `timeZone` the fleet's.
        public func start(now: Date, timeZone: TimeZone) -> Date {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            switch self {
            case .day(let year, let month, let day):
                return calendar.date(from: DateComponents(year: year, month: month, day: day)) ?? now
            case .time(let date):
                return date
            case .today:
                return calendar.startOfDay(for: now)
            case .yesterday:
                return calendar.date(byAdding: .day, value: -1, to: calendar.startOfDay(for: now)) ?? now
            case .days(let count):
                return now.addingTimeInterval(-Double(count) * 86_400)
            }
        }
    }
}
