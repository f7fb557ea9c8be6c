import Foundation
import ShowroomCore

/// The three kinds of site, each with its own template set on top of `base`.
public enum SiteKind: String, Sendable, CaseIterable {
    case brand, product, store
}

/// A menu entry from `site.yaml`.
public struct MenuItem: Sendable, Hashable {
    /// The text of the entry.
    public var title: String
    /// The address it links to.
    public var url: String
    /// Where the entry's `url:` is written, for errors about the address.
    public var location: SourceLocation?

    /// An entry `title` linking to `url`, written at `location`.
    public init(title: String, url: String, location: SourceLocation? = nil) {
        self.title = title
        self.url = url
        self.location = location
    }

    /// Whether the item is the page at `url` or a section above it (the home item only for the home page).
    public func isActive(at url: String) -> Bool {
        self.url == url || (self.url != "/" && url.hasPrefix(self.url))
    }
}

/// Shared content a site takes in: a folder under `shared/content`, optionally filtered by tags or model.
public struct Mount: Sendable, Hashable {
    /// Folder under `shared/content`, e.g. `news` or `models/aurora`.
    public var from: String
    /// Section of the site the pages appear under; empty for the site root.
    public var into: String
    /// Keep only pages with at least one of these tags (all pages when empty).
    public var tags: [String]
    /// Where the mount is written in `site.yaml`.
    public var location: SourceLocation
}

/// One site's settings: `sites/<id>/site.yaml`.
public struct SiteConfig: Sendable {
    /// The site's id: its folder name under `sites/` and its output folder.
    public var id: String
    /// The site's name, as pages show it.
    public var title: String
    /// Which template set the site uses on top of `base`.
    public var kind: SiteKind
    /// The address the site is published at, ending in `/`.
    public var baseURL: String
    /// BCP 47 language tag: `en`, `zh-CN`.
    public var locale: String
    /// The time zone of page dates written without one (`date: 2026-03-15 09:30`): an IANA name in site.yaml.
    public var timeZone: TimeZone
    /// The brand this site belongs to (an id in `shared/data/brands.yaml`), if any.
    public var brand: String?
    /// The model a product site sells (an id in `shared/data/models.yaml`).
    public var model: String?
    /// Theme values for templates (colours, logo asset, …), as written.
    public var theme: YAMLNode?
    /// Menus by name (`main`, `footer`), each entry in order.
    public var menus: [String: [MenuItem]]
    /// The shared content the site takes in.
    public var mounts: [Mount]
    /// Whether pages of this site offer the test-drive booking form (default: product sites do).
    public var booking: Bool
    /// Tracking consent: `required` stores no visitor id until the visitor agrees; `implied` does.
    public var consent: String
    /// Free values for templates.
    public var params: YAMLNode?
    /// `sites/<id>` relative to the workspace root.
    public var folder: String
    /// Where `site.yaml` is, for problems with the site as a whole.
    public var location: SourceLocation

    static let idPattern = #"^[a-z0-9][a-z0-9-]{0,62}$"#

    /// Whether `id` is usable as a site id (lowercase letters, digits and dashes; it becomes a folder and a URL part).
    public static func isValidID(_ id: String) -> Bool {
        id.range(of: idPattern, options: .regularExpression) != nil
    }

    /// Theme values reach a `<style>` element: each is a colour or an `asset:` reference (the logo), nothing
    /// that could end the CSS declaration it is written into.
    static func checkTheme(_ node: YAMLNode, reporting reader: inout FieldReader) {
        switch node.value {
        case .scalar(let text, _):
            if AssetReference.id(in: text) == nil, !CSSColour.isColour(text) {
                reader.report(.error(at: node.location, "the theme value `\(text)` is not a colour",
                                     hint: "write a colour as \(CSSColour.forms), e.g. `primary: \"#0f5e59\"`, or an asset as `asset:<id>`"))
            }
        case .sequence(let items):
            for item in items { checkTheme(item, reporting: &reader) }
        case .mapping(let pairs):
            for pair in pairs { checkTheme(pair.value, reporting: &reader) }
        case .null:
            break
        }
    }

    /// Reads `site.yaml`; returns nil (with diagnostics) when it cannot be used.
    public static func read(_ node: YAMLNode, folderName: String, file: String) -> (SiteConfig?, [Diagnostic]) {
        var reader = FieldReader(node, what: "site.yaml")
        let id = reader.string("id") ?? folderName
        if id != folderName {
            reader.report(.error(at: node["id"]?.location ?? node.location,
                                 "the site id `\(id)` differs from its folder name `\(folderName)`",
                                 hint: "remove the `id:` line or rename the folder to `sites/\(id)`"))
        }
        if !isValidID(folderName) {
            reader.report(.error(at: SourceLocation(file: file), "`\(folderName)` is not a valid site id",
                                 hint: "use lowercase letters, digits and dashes, e.g. `aurora-ev`"))
        }
        let title = reader.string("title", required: true, example: "Aurora EV")
        let kind = reader.oneOf("kind", SiteKind.allCases.map(\.rawValue), required: true).flatMap(SiteKind.init(rawValue:))
        var baseURL = reader.string("baseURL", required: true, example: "https://www.example.com/") ?? ""
        if !baseURL.isEmpty, !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) {
            reader.report(.error(at: node["baseURL"]?.location ?? node.location,
                                 "`baseURL` must start with https:// or http://, found `\(baseURL)`",
                                 hint: "write the site's public address, e.g. `baseURL: https://www.example.com/`"))
        }
        if !baseURL.hasSuffix("/") { baseURL += "/" }
        if !baseURL.isEmpty, let problem = LinkRules.serviceAddressProblem(baseURL) {
            reader.report(.error(at: node["baseURL"]?.location ?? node.location, "`baseURL` is not a web address: \(problem)",
                                 hint: "write the site's public address, e.g. `baseURL: https://www.example.com/`"))
        }
        let locale = reader.string("locale") ?? "en"
        var timeZone = WrittenDate.utc
        if let name = reader.string("timeZone", example: "Asia/Shanghai") {
            if let zone = TimeZone(identifier: name) {
                timeZone = zone
            } else {
                reader.report(.error(at: node["timeZone"]?.location, "`timeZone` must be the name of a time zone, found `\(name)`",
                                     hint: "write an IANA name such as `timeZone: Asia/Shanghai`, `timeZone: Europe/Berlin` or `timeZone: UTC`"))
            }
        }
        let brand = reader.string("brand")
        let model = reader.string("model")
        let theme = reader.field("theme")
        if let theme { checkTheme(theme, reporting: &reader) }
        let params = reader.field("params")
        let booking = reader.bool("booking") ?? (kind == .product)
        let consent = reader.oneOf("consent", ["implied", "required"]) ?? "implied"

        var menus: [String: [MenuItem]] = [:]
        if let menusNode = reader.field("menus") {
            if let pairs = menusNode.pairs {
                for (name, list) in pairs {
                    var items: [MenuItem] = []
                    for entry in list.items ?? [] {
                        var itemReader = FieldReader(entry, what: "menu entry")
                        if let title = itemReader.string("title", required: true, example: "Models"),
                           let url = itemReader.string("url", required: true, example: "/models/") {
                            if let problem = LinkRules.activeSchemeProblem(url) {
                                itemReader.report(.error(at: entry["url"]?.location, "the menu entry `\(title)` links to `\(url)`: \(problem)",
                                                         hint: "write a path of the site (`/models/`) or an address starting with https://"))
                            }
                            items.append(MenuItem(title: title, url: url, location: entry["url"]?.location ?? entry.location))
                        }
                        for diagnostic in itemReader.finish() { reader.report(diagnostic) }
                    }
                    if list.items == nil {
                        reader.report(.error(at: list.location, "menu `\(name)` must be a list of entries with `title` and `url`"))
                    }
                    menus[name] = items
                }
            } else {
                reader.report(.error(at: menusNode.location, "`menus` must be a mapping of menu names to lists, found \(menusNode.kindName)",
                                     hint: "write `menus:` then `  main:` then `    - title: Home` / `      url: /`"))
            }
        }

        var mounts: [Mount] = []
        if let mountsNode = reader.field("mounts") {
            if let items = mountsNode.items {
                for entry in items {
                    var mountReader = FieldReader(entry, what: "mount")
                    if let from = mountReader.string("from", required: true, example: "news") {
                        let into = mountReader.string("into") ?? from
                        for (key, value) in [("from", from), ("into", into)] {
                            let segments = value.split(separator: "/").map(String.init)
                            if let problem = segments.lazy.compactMap({ LinkRules.segmentProblem($0) }).first {
                                mountReader.report(.error(at: entry[key]?.location, "the mount's `\(key)` must be a folder path, found `\(value)`: \(problem)",
                                                          hint: "write folder names separated by `/`, e.g. `\(key): models/aurora`"))
                            }
                        }
                        let tags = mountReader.strings("tags")
                        mounts.append(Mount(from: from, into: into.trimmingCharacters(in: CharacterSet(charactersIn: "/")),
                                            tags: tags, location: entry.location))
                    }
                    for diagnostic in mountReader.finish() { reader.report(diagnostic) }
                }
            } else {
                reader.report(.error(at: mountsNode.location, "`mounts` must be a list, found \(mountsNode.kindName)",
                                     hint: "write `mounts:` then `  - from: news` / `    tags: [lumen]`"))
            }
        }

        let diagnostics = reader.finish()
        guard let title, let kind, !diagnostics.hasErrors else { return (nil, diagnostics) }
        let config = SiteConfig(
            id: folderName, title: title, kind: kind, baseURL: baseURL, locale: locale, timeZone: timeZone, brand: brand, model: model,
            theme: theme, menus: menus, mounts: mounts, booking: booking, consent: consent, params: params,
            folder: "sites/\(folderName)", location: SourceLocation(file: file))
        return (config, diagnostics)
    }
}
