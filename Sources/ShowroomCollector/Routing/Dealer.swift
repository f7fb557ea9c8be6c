/// An authorised dealer from `shared/data/dealers.yaml`: who calls a visitor back about a test drive.
public struct Dealer: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var brand: String
    public var city: String
    public var province: String
    public var phone: String
    public var address: String
    /// The brand's dealer of last resort, when none is in the visitor's city or province.
    public var isBrandDefault: Bool

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
