import Foundation

/// Release names: the UTC time of the publish to the millisecond and six random hex digits,
/// `20260528T101530.123Z-4f1c2a`.
///
/// Names sort in publish order: a new release's time is never earlier than the newest release's (when the
/// clock stands still or went back, it is that time plus a millisecond), and publishes of a site run one
/// at a time under its lock. The random part keeps two names apart even where a lock cannot, such as a
/// lock file deleted while a publish held it.
enum ReleaseName {
    /// Whether `name` has the shape of a name publish gives (it must also be a folder with a manifest to count as a release).
    static func isValid(_ name: String) -> Bool {
        name.wholeMatch(of: /[0-9]{8}T[0-9]{6}\.[0-9]{3}Z-[0-9a-f]{6}/) != nil
    }

    /// A name for a release made at `date`, sorting after `newest` (the newest release's name, if any).
    static func new(at date: Date, after newest: String?) -> String {
        var milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        if let newest, let newestTime = self.milliseconds(of: newest), newestTime >= milliseconds { milliseconds = newestTime + 1 }
        return time(milliseconds) + "-" + String(format: "%06x", UInt32.random(in: 0...0xFF_FFFF))
    }

    /// `20260528T101530.123Z` for a time in milliseconds since 1970.
    private static func time(_ milliseconds: Int64) -> String {
        var seconds = time_t(milliseconds / 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(format: "%04d%02d%02dT%02d%02d%02d.%03dZ", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
                      parts.tm_hour, parts.tm_min, parts.tm_sec, Int32(milliseconds % 1000))
    }

    /// The time in a release name, in milliseconds since 1970.
    private static func milliseconds(of name: String) -> Int64? {
        guard let match = name.prefixMatch(of: /([0-9]{4})([0-9]{2})([0-9]{2})T([0-9]{2})([0-9]{2})([0-9]{2})\.([0-9]{3})Z/) else {
            return nil
        }
        let numbers = [match.1, match.2, match.3, match.4, match.5, match.6, match.7].compactMap { Int32($0) }
        guard numbers.count == 7 else { return nil }
        var parts = tm()
        (parts.tm_year, parts.tm_mon, parts.tm_mday) = (numbers[0] - 1900, numbers[1] - 1, numbers[2])
        (parts.tm_hour, parts.tm_min, parts.tm_sec) = (numbers[3], numbers[4], numbers[5])
        return Int64(timegm(&parts)) * 1000 + Int64(numbers[6])
    }
}
