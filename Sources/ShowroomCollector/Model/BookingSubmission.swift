import Foundation
import ShowroomCore

/// A booking as the form sends it, before validation: form-encoded by a plain POST (no JavaScript), or a JSON
/// object sent in place by the form's script. Both arrive as text fields named by `BookingRules.Field`.
struct BookingSubmission: Sendable {
    var fields: [String: String]

    func value(_ field: BookingRules.Field) -> String? {
        fields[field.rawValue]
    }

    /// The honeypot field is filled in: a bot, whatever else it sent.
    var isSpam: Bool {
        !(value(.website) ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }

    /// Reads `application/x-www-form-urlencoded` or JSON (any other content type is read as JSON).
    static func decode(_ bytes: [UInt8], contentType: String?) throws(BookingRejection) -> BookingSubmission {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw BookingRejection(field: nil, reason: "bad_encoding", "the body must be UTF-8 text")
        }
        if contentType?.lowercased().hasPrefix("application/x-www-form-urlencoded") ?? false {
            return try decodeForm(text)
        }
        return try decodeJSON(bytes)
    }

    private static func decodeForm(_ text: String) throws(BookingRejection) -> BookingSubmission {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let key = decodeComponent(parts[0]), let value = decodeComponent(parts.count > 1 ? parts[1] : "") else {
                throw BookingRejection(field: nil, reason: "bad_form", "the form data is not valid URL-encoded UTF-8")
            }
            if fields[key] == nil { fields[key] = value }
        }
        return BookingSubmission(fields: fields)
    }

    private static func decodeComponent(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    /// A JSON field: text, a checkbox's `true`/`false`, or null (left out).
    private enum JSONField: Decodable {
        case text(String)
        case flag(Bool)
        case null

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let flag = try? container.decode(Bool.self) {
                self = .flag(flag)
            } else {
                self = .text(try container.decode(String.self))
            }
        }
    }

    private static func decodeJSON(_ bytes: [UInt8]) throws(BookingRejection) -> BookingSubmission {
        let object: [String: JSONField]
        do {
            object = try JSONDecoder().decode([String: JSONField].self, from: Data(bytes))
        } catch {
            throw BookingRejection(field: nil, reason: "bad_json", "the body must be a JSON object of text fields")
        }
        var fields: [String: String] = [:]
        for (key, value) in object {
            switch value {
            case .text(let text): fields[key] = text
            case .flag(let flag): fields[key] = flag ? "on" : ""
            case .null: break
            }
        }
        return BookingSubmission(fields: fields)
    }
}

/// A submission that passed every rule, with the number normalised: ready to route and store.
struct Booking: Sendable, Hashable {
    var site: String
    var page: String
    var name: String
    var phone: String
    var model: BookingDirectory.Model
    var city: String?
    var visitor: String?
    var consentVersion: String
}

/// Why a booking was refused: the field at fault (nil for the body as a whole) and a sentence saying what is
/// expected. Never quotes what was typed, so a phone number cannot reach a log or an error page through it.
struct BookingRejection: Error, Sendable, Hashable {
    var field: BookingRules.Field?
    /// A short stable label for metrics (`bad_phone`, …).
    var reason: String
    var message: String

    init(field: BookingRules.Field?, reason: String, _ message: String) {
        self.field = field
        self.reason = reason
        self.message = message
    }
}

/// Every field a booking got wrong.
struct BookingProblems: Error, Sendable {
    var rejections: [BookingRejection]
}

extension BookingSubmission {
    /// Checks every field against `BookingRules` and the fleet; returns the booking or every problem found.
    func validated(fleet: Fleet) throws(BookingProblems) -> Booking {
        var problems: [BookingRejection] = []
        let site = value(.site) ?? ""
        if !fleet.siteIDs.contains(site) {
            problems.append(.init(field: .site, reason: "unknown_site", "`site` must be the id of one of the fleet's sites"))
        }
        let page = value(.page) ?? "/"
        if !EventRules.isValidPage(page) {
            problems.append(.init(field: .page, reason: "bad_page", "`page` must be a path starting with `/`"))
        }
        let name = BookingRules.trimmed(value(.name) ?? "")
        if !BookingRules.isValidName(name) {
            problems.append(.init(field: .name, reason: "bad_name", "`name` must be 1 to \(BookingRules.nameMaxLength) characters"))
        }
        let phone = BookingRules.normalizedPhone(value(.phone) ?? "")
        if phone == nil {
            problems.append(.init(field: .phone, reason: "bad_phone",
                                  "`phone` must be a mainland mobile number: 11 digits starting 13 to 19, optionally after +86"))
        }
        let model = fleet.booking.models[value(.model) ?? ""]
        if model == nil {
            problems.append(.init(field: .model, reason: "bad_model", "`model` must be the id of one of the group's models"))
        }
        let city = BookingRules.trimmed(value(.city) ?? "")
        if !BookingRules.isValidCity(city) {
            problems.append(.init(field: .city, reason: "bad_city", "`city` must be at most \(BookingRules.cityMaxLength) characters"))
        }
        if !["on", "true", "yes", "1"].contains((value(.consent) ?? "").lowercased()) {
            problems.append(.init(field: .consent, reason: "no_consent", "`consent` must be given: the dealer may only call with it"))
        }
        let consentVersion = value(.consentVersion) ?? ""
        if !(1...BookingRules.consentVersionMaxLength).contains(consentVersion.utf8.count) || !EventRules.isValidDetail(consentVersion) {
            problems.append(.init(field: .consentVersion, reason: "bad_consent_version",
                                  "`consentVersion` must name the consent text shown (letters, digits, `.`, `_`, `-`)"))
        }
        guard problems.isEmpty, let phone, let model else { throw BookingProblems(rejections: problems) }
        // A malformed visitor id must not cost a lead: it is dropped, not refused.
        let visitor = value(.visitor).flatMap { EventRules.isValidVisitor($0) ? $0 : nil }
        return Booking(
            site: site, page: page, name: name, phone: phone, model: model,
            city: city.isEmpty ? nil : fleet.booking.router.canonicalCity(city), visitor: visitor, consentVersion: consentVersion)
    }
}
