/// An authorised dealer from `shared/data/dealers.yaml`: who calls a visitor back about a test drive.
public struct Dealer: Sendable, Hashable, Codable {
    /// The dealer's id, stored with each lead it gets.
    public var id: String
    /// The name shown on the thank-you page.
    public var name: String
    /// The brand it sells: leads for the brand's models may go to it.
    public var brand: String
    /// The city it is in, matched against the visitor's.
    public var city: String
    /// Its province, for visitors from a city where the brand has no dealer.
    public var province: String
    /// The number the thank-you page shows, for visitors who would rather call; may be empty.
    public var phone: String
    /// The address the thank-you page shows; may be empty.
    public var address: String
    /// The brand's dealer of last resort, when none is in the visitor's city or province.
    public var isBrandDefault: Bool

    /// A dealer as `shared/data/dealers.yaml` lists it.
    public init(id: String, name: String, brand: String, city: String, province: String, phone: String = "",
                address: String = "", isBrandDefault: Bool = false) {
        self.id = id
        self.name = name
        self.brand = brand
        self.city = city
        self.province = province
        self.phone = phone
        self.address = address
        self.isBrandDefault = isBrandDefault
    }
}
