import Foundation

/// A test-drive request from the booking form, as stored and exported: who to call, about which model,
/// which dealer calls, and where it came from.
///
/// A filled honeypot is stored as spam: counted, but without the name, number or city it carried.
public struct Lead: Sendable, Hashable, Codable {
    /// The store's id; nil until stored.
    public var id: Int64?
    /// The site id and page path the form was sent from.
    public var site: String
    public var page: String
    public var name: String?
    /// The normalised mobile number: 11 digits, no prefix or separators.
    public var phone: String?
    /// The model id (`shared/data/models.yaml`).
    public var model: String
    public var city: String?
    /// The id of the dealer who calls back (`shared/data/dealers.yaml`).
    public var dealer: String
    /// The tracking snippet's visitor id, tying the lead to the journey that led to it.
    public var visitor: String?
    /// Which consent text the visitor agreed to (the form's `consentVersion`).
    public var consentVersion: String
    public var createdAt: Date
    public var isSpam: Bool

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
    public var leads: Int
    public var spam: Int

    public init(leads: Int, spam: Int) {
        self.leads = leads
        self.spam = spam
    }
}
