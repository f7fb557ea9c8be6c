import Foundation

/// Chooses the dealer who calls a visitor back, so the booking form never asks them to choose one.
///
/// Among the dealers of the model's brand: one in the visitor's city first, then one in the city's province,
/// then the brand's default dealer. Cities are matched ignoring case, spaces and the names in `cities.yaml`
/// (`上海` is Shanghai); an unknown or missing city goes to the brand's default.
package struct DealerRouter: Sendable {
    /// A city the router knows, with the province it is in.
    package struct City: Sendable, Hashable {
        /// The city's name as the dealers' `city` fields write it.
        package var name: String
        /// The province it is in.
        package var province: String
        /// Other ways visitors write it (`上海`, `上海市`).
        package var otherNames: [String]

        /// A city as `shared/data/cities.yaml` lists it.
        package init(name: String, province: String, otherNames: [String] = []) {
            self.name = name
            self.province = province
            self.otherNames = otherNames
        }
    }

    /// Every dealer, in the order of `dealers.yaml`: where several match, the first is chosen.
    package let dealers: [Dealer]
    private let provinceByCity: [String: String]
    private let cityByName: [String: String]

    /// A router over these dealers and cities; a dealer's own city counts as known when `cities.yaml` lacks it.
    package init(dealers: [Dealer], cities: [City]) {
        self.dealers = dealers
        var provinceByCity: [String: String] = [:]
        var cityByName: [String: String] = [:]
        for city in cities {
            provinceByCity[Self.key(city.name)] = city.province
            for name in [city.name] + city.otherNames { cityByName[Self.key(name)] = city.name }
        }
        // A dealer's own city counts as known even when cities.yaml forgot it.
        for dealer in dealers where provinceByCity[Self.key(dealer.city)] == nil {
            provinceByCity[Self.key(dealer.city)] = dealer.province
            cityByName[Self.key(dealer.city)] = dealer.city
        }
        self.provinceByCity = provinceByCity
        self.cityByName = cityByName
    }

    /// The dealer for a lead on a model of `brand` from a visitor in `city`; nil only when the brand has no dealer.
    package func dealer(brand: String, city: String?) -> Dealer? {
        let candidates = dealers.filter { $0.brand == brand }
        if let city = city.flatMap({ cityByName[Self.key($0)] }) {
            let cityKey = Self.key(city)
            if let match = candidates.first(where: { Self.key($0.city) == cityKey }) { return match }
            if let province = provinceByCity[cityKey].map(Self.key),
               let match = candidates.first(where: { Self.key($0.province) == province }) {
                return match
            }
        }
        return candidates.first(where: \.isBrandDefault) ?? candidates.first
    }

    /// The dealer with this id, for the thank-you page.
    package func dealer(id: String) -> Dealer? {
        dealers.first { $0.id == id }
    }

    /// The canonical name of a city as the visitor wrote it (`上海市` → `Shanghai`), or their text when unknown.
    package func canonicalCity(_ text: String) -> String {
        cityByName[Self.key(text)] ?? text
    }

    private static func key(_ text: String) -> String {
        String(text.lowercased().filter { !$0.isWhitespace })
    }
}
