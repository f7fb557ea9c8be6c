import Foundation
import ShowroomWorkspace

/// What the booking endpoint needs to know about the fleet: the models and their brands, the dealers and
/// cities for routing, and each site's address and language for the thank-you page.
///
/// Read from the same workspace as the fleet's sites (`shared/data/models.yaml`, `dealers.yaml`, `cities.yaml`,
/// `shared/i18n/*.yaml`), so the form and the service always agree on the models a visitor can choose.
package struct BookingDirectory: Sendable {
    /// A model a visitor can book a test drive of.
    package struct Model: Sendable, Hashable {
        /// The model's id, which the form sends and the lead keeps.
        package var id: String
        /// The name visitors know it by, on the thank-you page.
        package var name: String
        /// The brand, whose dealers may call about it.
        package var brand: String

        /// A model as `shared/data/models.yaml` lists it.
        package init(id: String, name: String, brand: String) {
            self.id = id
            self.name = name
            self.brand = brand
        }
    }

    /// A site's public address and language, for links back to it and for the thank-you page's words.
    package struct Site: Sendable, Hashable {
        /// The site id, as the form's `site` field sends it.
        package var id: String
        /// The site's title, from its `site.yaml`.
        package var title: String
        /// The site's public address: the pages' links back to the form start from it.
        package var baseURL: String
        /// The site's language (`en`, `zh-CN`), which picks the strings of the collector's pages.
        package var locale: String

        /// A site as its `site.yaml` describes it; English unless it says otherwise.
        package init(id: String, title: String, baseURL: String, locale: String = "en") {
            self.id = id
            self.title = title
            self.baseURL = baseURL
            self.locale = locale
        }
    }

    /// The bookable models by id: a booking must name one of them.
    package var models: [String: Model]
    /// The fleet's sites by id, for the thank-you and correction pages.
    package var sites: [String: Site]
    /// Chooses the dealer who calls each lead back.
    package var router: DealerRouter
    /// Template strings by locale (`en`, `zh-CN`), from `shared/i18n/<locale>.yaml`.
    package var strings: [String: [String: String]]

    /// A directory of these models, sites and strings; of two records with one id, the first counts.
    package init(models: [Model], sites: [Site], router: DealerRouter, strings: [String: [String: String]] = [:]) {
        self.models = Dictionary(models.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.sites = Dictionary(sites.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.router = router
        self.strings = strings
    }

    /// No models, sites or dealers: the directory of a fleet made without a workspace, which takes no bookings.
    package static let empty = BookingDirectory(models: [], sites: [], router: DealerRouter(dealers: [], cities: []))

    /// The string `key` in the site's language, falling back to English, then to `fallback`.
    package func text(_ key: String, site: String, fallback: String) -> String {
        let locale = sites[site]?.locale ?? "en"
        return strings[locale]?[key] ?? strings["en"]?[key] ?? fallback
    }

    /// Reads the booking data of a loaded workspace; records that lack an id, name or brand are left out.
    package init(workspace: Workspace) {
        func text(_ node: YAMLNode, _ key: String) -> String? {
            node[key]?.scalarText.flatMap { $0.isEmpty ? nil : $0 }
        }
        let models = (workspace.data["models"]?.items ?? []).compactMap { node -> Model? in
            guard let id = text(node, "id"), let brand = text(node, "brand") else { return nil }
            return Model(id: id, name: text(node, "name") ?? id, brand: brand)
        }
        let dealers = (workspace.data["dealers"]?.items ?? []).compactMap { node -> Dealer? in
            guard let id = text(node, "id"), let brand = text(node, "brand") else { return nil }
            return Dealer(
                id: id, name: text(node, "name") ?? id, brand: brand, city: text(node, "city") ?? "",
                province: text(node, "province") ?? "", phone: text(node, "phone") ?? "", address: text(node, "address") ?? "",
                isBrandDefault: node["brandDefault"]?.scalarText == "true")
        }
        let cities = (workspace.data["cities"]?.items ?? []).compactMap { node -> DealerRouter.City? in
            guard let name = text(node, "city"), let province = text(node, "province") else { return nil }
            return DealerRouter.City(name: name, province: province, otherNames: (node["names"]?.items ?? []).compactMap(\.scalarText))
        }
        var strings: [String: [String: String]] = [:]
        for (locale, node) in workspace.i18n {
            strings[locale] = Dictionary((node.pairs ?? []).compactMap { pair in pair.value.scalarText.map { (pair.key, $0) } },
                                         uniquingKeysWith: { first, _ in first })
        }
        self.init(
            models: models,
            sites: workspace.sites.map { Site(id: $0.id, title: $0.title, baseURL: $0.baseURL, locale: $0.locale) },
            router: DealerRouter(dealers: dealers, cities: cities), strings: strings)
    }
}
