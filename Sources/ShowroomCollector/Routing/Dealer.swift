/// An authorised dealer from `shared/data/dealers.yaml`: who calls a visitor back about a test drive.
package struct Dealer: Sendable, Hashable, Codable {
    /// The dealer's id, stored with each lead it gets.
    package var id: String
    /// The name shown on the thank-you page.
    package var name: String
    /// The brand it sells: leads for the brand's models may go to it.
    package var brand: String
    /// The city it is in, matched against the visitor's.
    package var city: String
    /// Its province, for visitors from a city where the brand has no dealer.
    package var province: String
    /// The number the thank-you page shows, for visitors who would rather call; may be empty.
    package var phone: String
    /// The address the thank-you page shows; may be empty.
    package var address: String
    /// The brand's dealer of last resort, when none is in the visitor's city or province.
    package var isBrandDefault: Bool

    /// A dealer as `shared/data/dealers.yaml` lists it.
    package init(id: String, name: String, brand: String, city: String, province: String, phone: String = "",
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
