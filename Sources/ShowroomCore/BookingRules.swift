import Foundation

/// The rules of the test-drive booking form, defined once.
///
/// The build gives `formAttributes` to the booking partial, which writes them as the form's HTML attributes
/// (`required`, `maxlength`, `pattern`, `inputmode`, `autocomplete`), so the browser checks what the visitor
/// types; the collection service checks every submission against the same values and normalises the number.
public enum BookingRules {
    /// The form's field names: the contract between the booking partial and `POST /bookings`.
    public enum Field: String, Sendable, CaseIterable {
        case name, phone, model, city, consent, site, page, visitor
        case consentVersion
        /// The honeypot: hidden from people, filled in by bots.
        case website
    }

    /// The most characters a visitor's name may have once trimmed.
    public static let nameMaxLength = 50
    /// The most characters the optional city may have once trimmed.
    public static let cityMaxLength = 40
    /// Long enough for `+86 138-1234-5678` typed with a few extra spaces.
    package static let phoneMaxLength = 20
    /// The most characters of the consent text's version the form may send.
    public static let consentVersionMaxLength = 32

    /// A mainland mobile number as typed: an optional `+86`/`86` prefix, then 11 digits matching `1[3-9]\d{9}`,
    /// with spaces or dashes allowed between the digits. Written for both HTML `pattern` (which anchors it and
    /// compiles it with the `v` flag) and Swift's `Regex` (which `normalizedPhone` anchors with `wholeMatch`).
    package static let phonePattern = #" *(?:\+?86[ \-]*)?1[ \-]*[3-9](?:[ \-]*[0-9]){9} *"#

    /// The number as stored and exported: the 11 digits alone (`13812345678`), or nil when `typed` breaks the rule.
    public static func normalizedPhone(_ typed: String) -> String? {
        guard typed.utf8.count <= phoneMaxLength, let regex = try? Regex(phonePattern),
              (try? regex.wholeMatch(in: typed)) != nil
        else { return nil }
        var digits = String(typed.unicodeScalars.filter { ("0"..."9").contains($0) }.map(Character.init))
        if digits.count == 13 { digits.removeFirst(2) }
        return digits.count == 11 ? digits : nil
    }

    /// A visitor's name: 1 to `nameMaxLength` characters once trimmed, no control characters.
    public static func isValidName(_ name: String) -> Bool {
        let trimmed = trimmed(name)
        return !trimmed.isEmpty && trimmed.count <= nameMaxLength && !hasControlCharacters(trimmed)
    }

    /// An optional city: at most `cityMaxLength` characters once trimmed, no control characters.
    public static func isValidCity(_ city: String) -> Bool {
        let trimmed = trimmed(city)
        return trimmed.count <= cityMaxLength && !hasControlCharacters(trimmed)
    }

    /// Leading and trailing white space removed, as the service stores text fields.
    public static func trimmed(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The HTML attributes of one form field; an attribute that is nil is not written.
    public struct FieldAttributes: Sendable {
        /// Whether the browser insists on a value (`required`).
        public var required: Bool
        /// The most characters the field takes (`maxlength`).
        public var maxlength: Int? = nil
        /// The pattern the browser checks the value against (`pattern`).
        public var pattern: String? = nil
        /// Which keyboard a phone shows for the field (`inputmode`).
        public var inputmode: String? = nil
        /// What the browser may fill in from the visitor's saved details (`autocomplete`).
        public var autocomplete: String? = nil
    }

    /// What the booking partial reads as `booking.<field>.<attribute>`, by field name.
    public static let formAttributes: [(field: Field, attributes: FieldAttributes)] = [
        (.name, FieldAttributes(required: true, maxlength: nameMaxLength, autocomplete: "name")),
        (.phone, FieldAttributes(required: true, maxlength: phoneMaxLength, pattern: phonePattern, inputmode: "tel", autocomplete: "tel")),
        (.model, FieldAttributes(required: true)),
        (.city, FieldAttributes(required: false, maxlength: cityMaxLength, autocomplete: "address-level2")),
        (.consent, FieldAttributes(required: true)),
    ]

    /// `formAttributes` as plain values (field → attribute → value), leaving out the nil ones.
    package static func templateValues() -> [String: Any] {
        var values: [String: Any] = [:]
        for (field, attributes) in formAttributes {
            var entry: [String: Any] = ["required": attributes.required]
            if let maxlength = attributes.maxlength { entry["maxlength"] = maxlength }
            if let pattern = attributes.pattern { entry["pattern"] = pattern }
            if let inputmode = attributes.inputmode { entry["inputmode"] = inputmode }
            if let autocomplete = attributes.autocomplete { entry["autocomplete"] = autocomplete }
            values[field.rawValue] = entry
        }
        return values
    }

    private static func hasControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }
}
