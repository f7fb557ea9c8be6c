import Foundation

extension LeadsExport {
    /// What an export adds to the stored leads so a dealer can work from it alone: each dealer's name and phone
    /// beside its id, and the times in the fleet's time zone.
    public struct Presentation: Sendable {
        /// A dealer's name and phone, as `shared/data/dealers.yaml` gives them.
        public struct DealerContact: Sendable, Hashable {
            /// The dealer's name, as the visitor was told it.
            public var name: String
            /// The number the dealer answers on.
            public var phone: String

            /// A dealer's contact.
            public init(name: String, phone: String) {
                self.name = name
                self.phone = phone
            }
        }

        /// Dealers by id; a lead whose dealer is missing here gets empty name and phone cells.
        public var dealers: [String: DealerContact]
        /// The zone the times are written in (`timezone:` in `showroom.yaml`).
        public var timeZone: TimeZone

        /// The dealers and zone of an export; without them, empty dealer cells and UTC times.
        public init(dealers: [String: DealerContact] = [:], timeZone: TimeZone = TimeZone(identifier: "UTC")!) {
            self.dealers = dealers
            self.timeZone = timeZone
        }

        /// A lead's time in the CSV: `2026-03-15 20:00:00`, which Excel and WPS read as a date and time.
        func spreadsheetTime(_ date: Date) -> String {
            var format = Date.VerbatimFormatStyle(
                format: "\(year: .defaultDigits)-\(month: .twoDigits)-\(day: .twoDigits) \(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits):\(second: .twoDigits)",
                timeZone: timeZone, calendar: Calendar(identifier: .gregorian))
            format.locale = Locale(identifier: "en_US_POSIX")
            return date.formatted(format)
        }

        /// A lead's time in the JSON: ISO 8601 with the zone's offset (`2026-03-15T20:00:00+08:00`), exact for a script.
        func isoTime(_ date: Date) -> String {
            date.formatted(Date.ISO8601FormatStyle(timeZoneSeparator: .colon, timeZone: timeZone))
        }
    }
}
