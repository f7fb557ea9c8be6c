import Foundation

/// A date as an author writes it in front matter or YAML, in every form Hugo accepts: `2026-03-15`,
/// `2026-03-15T09:30`, `2026-03-15 09:30:00.250`, with or without a zone (`Z`, `+08:00`, `-0700`, a space
/// before it allowed).
///
/// Without a zone it is a wall-clock time, not yet an instant: `date(in:)` places it in a time zone (a page's
/// in its site's). Parsing is pure arithmetic, so it is safe on any thread.
package struct WrittenDate: Sendable, Hashable {
    /// The wall-clock time read as if it were UTC, in seconds since 1970.
    let wallClock: Double
    /// Seconds east of UTC when the text names its zone; nil when it does not.
    package let utcOffset: Int?

    /// What is wrong with a date's text, in a phrase that follows "found `…`: ".
    package struct Problem: Error, Sendable, Hashable, CustomStringConvertible {
        /// The problem, as a phrase.
        package var description: String
    }

    /// UTC, the zone of dates that name none and belong to no site.
    package static let utc = TimeZone(secondsFromGMT: 0)!

    /// Reads `text` in any of the accepted forms; throws the problem when it is none of them (or names no real day).
    package init(parsing text: String) throws(Problem) {
        var reader = DateText(text.trimmingCharacters(in: .whitespaces))
        let (year, month, day) = try reader.day()
        var seconds = 0.0
        var offset: Int?
        if !reader.atEnd {
            guard reader.skip("T") || reader.skip(" ") else {
                throw Problem(description: "after the day comes `T` or a space and a time (`2026-03-15T09:30:00`), or nothing")
            }
            seconds = try reader.timeOfDay()
            reader.skip(" ")
            if !reader.atEnd { offset = try reader.zone() }
        }
        self.wallClock = Double(Self.daysFromCivil(year: year, month: month, day: day) * 86400) + seconds
        self.utcOffset = offset
    }

    /// The day and time as written, carried as the `Date` whose UTC calendar fields they are: what a page
    /// shows (`15 March 2026`), in the zone the author wrote in, as Hugo shows a date. Not a moment: compare
    /// moments with `date(in:)`.
    package var asWritten: Date { Date(timeIntervalSince1970: wallClock) }

    /// The instant this date names: its own zone when it has one, else the wall-clock time in `timeZone`.
    package func date(in timeZone: TimeZone) -> Date {
        if let utcOffset { return Date(timeIntervalSince1970: wallClock - Double(utcOffset)) }
        // The zone's offset at the wall-clock time, then again at the instant that gives, which settles
        // times near a daylight-saving change.
        let first = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: wallClock))
        let second = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: wallClock - Double(first)))
        return Date(timeIntervalSince1970: wallClock - Double(second))
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

/// The text of a date being read, front to back.
private struct DateText {
    let bytes: [UInt8]
    var index = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    var atEnd: Bool { index == bytes.count }

    /// Steps over `character` when it comes next.
    @discardableResult
    mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
        index += 1
        return true
    }

    /// `digits` decimal digits, or nil (moving nothing) when they are not there.
    mutating func number(digits: Int) -> Int? {
        guard index + digits <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[index..<(index + digits)] {
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        index += digits
        return value
    }

    /// `YYYY-MM-DD`, checked against the calendar.
    mutating func day() throws(WrittenDate.Problem) -> (Int, Int, Int) {
        guard let year = number(digits: 4), skip("-"), let month = number(digits: 2), skip("-"), let day = number(digits: 2) else {
            throw WrittenDate.Problem(description: "a date starts with the day as YYYY-MM-DD (`2026-03-15`)")
        }
        guard (1...12).contains(month) else {
            throw WrittenDate.Problem(description: "there is no month \(month); months run from 01 to 12")
        }
        let days = Self.days(inMonth: month, year: year)
        guard (1...days).contains(day) else {
            throw WrittenDate.Problem(description: "\(Self.monthNames[month - 1]) \(year) has \(days) days, not \(day)")
        }
        return (year, month, day)
    }

    /// `HH:MM`, `HH:MM:SS` or `HH:MM:SS.fraction` on a 24-hour clock, as seconds into the day.
    mutating func timeOfDay() throws(WrittenDate.Problem) -> Double {
        let problem = WrittenDate.Problem(description: "the time must be HH:MM or HH:MM:SS on a 24-hour clock (`09:30:00`)")
        guard let hour = number(digits: 2), skip(":"), let minute = number(digits: 2), hour < 24, minute < 60 else { throw problem }
        var seconds = Double(hour * 3600 + minute * 60)
        if skip(":") {
            guard let second = number(digits: 2), second < 60 else { throw problem }
            seconds += Double(second)
            if skip(".") || skip(",") {
                var scale = 0.1
                let start = index
                while let digit = number(digits: 1) {
                    seconds += Double(digit) * scale
                    scale /= 10
                }
                guard index > start else {
                    throw WrittenDate.Problem(description: "a fraction of a second needs digits after the point (`09:30:00.5`)")
                }
            }
        }
        return seconds
    }

    /// `Z`, `+08:00` or `-0700`: seconds east of UTC. Nothing may follow.
    mutating func zone() throws(WrittenDate.Problem) -> Int {
        let problem = WrittenDate.Problem(description: "the time zone must be `Z`, an offset like `+08:00` or `-0700`, or left out")
        if skip("Z") || skip("z") {
            guard atEnd else { throw problem }
            return 0
        }
        let sign: Int
        if skip("+") { sign = 1 } else if skip("-") { sign = -1 } else { throw problem }
        guard let hours = number(digits: 2) else { throw problem }
        skip(":")
        guard let minutes = number(digits: 2), atEnd, hours < 24, minutes < 60 else { throw problem }
        return sign * (hours * 3600 + minutes * 60)
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
