import Foundation

/// A test-drive request from the booking form, as stored and exported: who to call, about which model,
/// which dealer calls, and where it came from.
///
/// A filled honeypot is stored as spam: counted, but without the name, number or city it carried.
public struct Lead: Sendable, Hashable, Codable {
    /// The store's id; nil until stored.
    package var id: Int64?
    /// The id of the site the form was sent from.
    public var site: String
    /// The path of the page that held the form, e.g. `/test-drive/`.
    public var page: String
    /// The name the visitor gave, for the dealer's call; nil for spam.
    public var name: String?
    /// The normalised mobile number: 11 digits, no prefix or separators.
    public var phone: String?
    /// The model id (`shared/data/models.yaml`).
    public var model: String
    /// The visitor's city as the dealer router names it (`上海市` → `Shanghai`), or as typed; nil when not given.
    public var city: String?
    /// The id of the dealer who calls back (`shared/data/dealers.yaml`).
    public var dealer: String
    /// The tracking snippet's visitor id, tying the lead to the journey that led to it.
    public var visitor: String?
    /// Which consent text the visitor agreed to (the form's `consentVersion`).
    public var consentVersion: String
    /// When the service took the booking: the export's `since` and the duplicate window go by it.
    public var createdAt: Date
    /// Whether the honeypot was filled: such rows are only counted (`LeadTotals.spam`), never exported.
    package var isSpam: Bool

    /// A lead as the booking route makes it; `id` stays nil until the store assigns one.
    public init(
        id: Int64? = nil, site: String, page: String, name: String?, phone: String?, model: String, city: String?,
        dealer: String, visitor: String?, consentVersion: String, createdAt: Date, isSpam: Bool = false
    ) {
        self.id = id
        self.site = site
        self.page = page
        self.name = name
        self.phone = phone
        self.model = model
        self.city = city
        self.dealer = dealer
        self.visitor = visitor
        self.consentVersion = consentVersion
        self.createdAt = createdAt
        self.isSpam = isSpam
    }

    /// A honeypot hit: only where and when, so spam can be counted without keeping what a bot typed.
    public static func spam(site: String, page: String, at date: Date) -> Lead {
        Lead(site: site, page: page, name: nil, phone: nil, model: "", city: nil, dealer: "", visitor: nil,
             consentVersion: "", createdAt: date, isSpam: true)
    }
}

/// A lead with the window its repeat check looks either side of: one row of a group-committed batch.
struct WindowedLead: Sendable {
    var lead: Lead
    var window: TimeInterval
}

/// What storing a lead did.
public enum LeadOutcome: Sendable, Hashable {
    /// A new lead, with its id.
    case stored(Lead)
    /// The same number booked the same model within the window: the earlier lead stands, and its dealer calls.
    case duplicate(of: Lead)
    /// Counted as spam.
    case spam
}

/// How many leads and spam submissions a store holds.
public struct LeadTotals: Sendable, Hashable {
    /// Leads from people: the rows an export can list.
    package var leads: Int
    /// Honeypot submissions, kept as a count only.
    package var spam: Int

    /// The totals as a store counts them.
    package init(leads: Int, spam: Int) {
        self.leads = leads
        self.spam = spam
    }
}
