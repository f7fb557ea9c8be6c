import Foundation

/// How numbers and amounts read in every report: thousands separated, money to the unit, "–" for nothing.
enum Figures {
    /// The mark for a figure that does not exist (a cost per download with no downloads), never a zero or infinity.
    static let none = "–"

    /// `1234567` → `1,234,567`.
    static func count(_ value: Int) -> String {
        let digits = String(abs(value))
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return value < 0 ? "-" + grouped : grouped
    }

    /// An amount to the unit (`27,027`), or to the cent below 100 (`12.50`).
    static func amount(_ value: Double) -> String {
        if abs(value) >= 100 || value == value.rounded() { return count(Int(value.rounded())) }
        return String(format: "%.2f", value)
    }

    static func amount(_ value: Double?) -> String {
        value.map { amount($0) } ?? none
    }

    static func money(_ amounts: [Money]) -> String {
        amounts.isEmpty ? "0" : amounts.map { "\(amount($0.amount)) \($0.currency)" }.joined(separator: " + ")
    }

    /// A share as a whole percentage, or "–" when there is no whole.
    static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return none }
        return "\(Int((Double(part) / Double(whole) * 100).rounded()))%"
    }
}
