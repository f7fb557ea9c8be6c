import Foundation

/// Which assets the library screen shows, from its query (`?kind=photo&model=vega&licence=soon&unused=1`): those of a
/// kind, of a model, whose licence ends within 90 days (or has ended), or that no page uses; every asset when none
/// is asked for.
struct LibraryFilter: Sendable, Equatable {
    var kind: String?
    var model: String?
    var licenceEndingSoon = false
    var neverUsed = false

    /// How far ahead "licence ends soon" looks.
    static let soonDays = 90

    /// The filter a query asks for; empty values ask for nothing.
    init(query: (String) -> String?) {
        kind = query("kind").flatMap { $0.isEmpty ? nil : $0 }
        model = query("model").flatMap { $0.isEmpty ? nil : $0 }
        licenceEndingSoon = query("licence") == "soon"
        neverUsed = query("unused") == "1"
    }

    /// The last day a licence may end on to count as ending soon, seen from `today`, as `YYYY-MM-DD`.
    static func soonDay(from today: Date) -> String {
        let day = Calendar.current.date(byAdding: .day, value: soonDays, to: today) ?? today
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: day)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 1, parts.day ?? 1)
    }

    /// Whether an asset of `kind` showing `model`, whose licence ends on `licenceExpiry` (`YYYY-MM-DD`), is shown.
    func admits(kind: String, model: String?, licenceExpiry: String?, neverUsed unused: Bool, soonDay: String) -> Bool {
        if let wanted = self.kind, wanted != kind { return false }
        if let wanted = self.model, wanted != model { return false }
        if licenceEndingSoon, !(licenceExpiry.map { $0 <= soonDay } ?? false) { return false }
        return !neverUsed || unused
    }
}
