import Foundation
import ShowroomCore
import ShowroomImages
import ShowroomTemplates
import ShowroomWorkspace

/// Turns YAML (shared data, front matter, theme, params) into template values for one site: `asset:<id>`
/// strings become asset objects, prices get a display form, unknown asset ids and prices that are not
/// numbers become located errors. Text keeps its source location, so an unsafe value is reported where
/// it is written.
struct SiteValues {
    let site: SiteConfig
    let library: AssetLibrary
    let collector: String
    private(set) var diagnostics: [Diagnostic] = []
    /// Where each asset is referenced from YAML (data, site.yaml, front matter), by asset id.
    private(set) var references: [String: [SourceLocation]] = [:]

    init(site: SiteConfig, library: AssetLibrary, collector: String) {
        self.site = site
        self.library = library
        self.collector = collector
    }

    /// `typedKeys: false` for translated strings, where `price:` and `colour:` are labels, not an amount and
    /// a colour.
    /// Records a problem found while turning values into template values.
    mutating func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    mutating func value(_ node: YAMLNode, typedKeys: Bool = true) -> TemplateValue {
        switch node.value {
        case .null:
            return .null
        case .scalar(let text, let quoted):
            if !quoted {
                switch text {
                case "true", "True", "TRUE", "yes", "Yes": return .bool(true)
                case "false", "False", "FALSE", "no", "No": return .bool(false)
                default:
                    if let integer = Int(text) { return .int(integer) }
                    if text.utf8.contains(UInt8(ascii: ".")), let number = Double(text) { return .double(number) }
                }
            }
            guard let id = AssetReference.id(in: text) else { return .string(text, node.location) }
            guard let object = assetObject(id, at: node.location) else {
                diagnostics.append(unknownAsset(id, at: node.location))
                return .null
            }
            references[id, default: []].append(node.location)
            return object
        case .sequence(let items):
            return .list(items.map { value($0, typedKeys: typedKeys) })
        case .mapping(let pairs):
            var members: [(String, TemplateValue)] = []
            members.reserveCapacity(pairs.count + 1)
            for (key, child) in pairs {
                let converted = value(child, typedKeys: typedKeys)
                members.append((key, converted))
                if typedKeys, Self.isColourKey(key), case .string(let text, _) = converted, !CSSColour.isColour(text) {
                    diagnostics.append(.error(
                        at: child.location, "`\(key)` must be a colour, found \(child.kindName)",
                        hint: "write it as \(CSSColour.forms), for example \(key): \"#1d2d50\""))
                }
                guard typedKeys, key == "price" || key.hasSuffix("Price") else { continue }
                switch converted {
                case .int(let number): members.append(("\(key)Display", .string(Self.formatPrice(Double(number)), child.location)))
                case .double(let number): members.append(("\(key)Display", .string(Self.formatPrice(number), child.location)))
                case .null: break
                default:
                    diagnostics.append(.error(
                        at: child.location, "`\(key)` must be a number, found \(child.kindName), so `\(key)Display` cannot be made",
                        hint: "write the amount in yuan as digits only, for example \(key): 189800 (no currency sign, no thousands separators)"))
                }
            }
            return .map(TemplateMap(members))
        }
    }

    /// Keys whose values are colours, which templates write into `style` attributes: `hex`, `colour`,
    /// `color`, and names ending in `Colour`, `Color` or `Hex`.
    static func isColourKey(_ key: String) -> Bool {
        key == "hex" || key == "colour" || key == "color" || key.hasSuffix("Colour") || key.hasSuffix("Color") || key.hasSuffix("Hex")
    }

    /// The template object for asset `id`: prints its URL, and offers its fields (`alt` from the catalogue, or
    /// `alt` when given: a Markdown image's own text). Nil when the catalogue has no such asset.
    func assetObject(_ id: String, at location: SourceLocation? = nil, alt: String? = nil) -> TemplateValue? {
        guard let prepared = library.prepared[id] else { return nil }
        var fields: [(String, TemplateValue)] = [
            ("id", .text(id)), ("url", .text(prepared.path)), ("title", .text(prepared.asset.title)),
            ("kind", .text(prepared.asset.kind.rawValue)), ("alt", .text(alt ?? prepared.asset.altText(for: site.locale))),
            ("isImage", .bool(prepared.isImage)), ("downloadable", .bool(prepared.asset.downloadable)),
        ]
        if let width = prepared.width, let height = prepared.height {
            fields.append(("width", .int(width)))
            fields.append(("height", .int(height)))
        }
        if prepared.asset.downloadable { fields.append(("download", .text(downloadURL(id)))) }
        // Every asset object has the photo members (null for files served as they are), so a template that writes
        // either kind checks against one shape.
        fields.append(("hasVariants", .bool(prepared.photo != nil)))
        if let photo = prepared.photo {
            let fallback = photo.variants.fallbackFormat
            let srcset: [(String, TemplateValue)] = [PhotoFormat.avif, .webp].map { format in
                (format.rawValue, photo.variants.formats.contains(format) ? .text(photo.srcset(format)) : .null)
            } + [("fallback", .text(photo.srcset(fallback)))]
            fields += [
                ("src", .text(photo.src)), ("srcset", .map(TemplateMap(srcset))), ("sizes", .text(Self.defaultSizes)),
                ("placeholder", .text(photo.variants.placeholder)), ("fallbackType", .text(fallback.mimeType)),
            ]
        } else {
            fields += [
                ("src", .null), ("srcset", .map(TemplateMap([("avif", .null), ("webp", .null), ("fallback", .null)]))),
                ("sizes", .null), ("placeholder", .null), ("fallbackType", .null),
            ]
        }
        return .map(TemplateMap(fields, printed: prepared.path, printedLocation: location))
    }

    /// The `sizes` a photo gets unless its use says otherwise: as wide as the window, up to the page's 1,200-pixel
    /// column on wide screens.
    static let defaultSizes = "(min-width: 1200px) 1200px, 100vw"

    /// The counted download address of asset `id` on this site (the collection service redirects to the file).
    func downloadURL(_ id: String) -> String {
        "\(collector)/dl/\(id)?site=\(site.id)"
    }

    func unknownAsset(_ id: String, at location: SourceLocation) -> Diagnostic {
        .error(at: location, "there is no asset `\(id)` in the asset library",
               hint: "check the id against assets/catalog.yaml, or add the asset there")
    }

    /// `¥189,800` (whole yuan, grouped by thousands; the same grouping reads well in en and zh-CN).
    static func formatPrice(_ value: Double) -> String {
        let whole = Int(value.rounded())
        var digits = String(abs(whole))
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(digits, at: 0)
        return (whole < 0 ? "-¥" : "¥") + groups.joined(separator: ",")
    }

    /// `15 March 2026` in English, `2026年3月15日` in Chinese; computed from UTC calendar fields.
    static func formatDate(_ date: Date, locale: String) -> String {
        let (year, month, day) = civil(date)
        if locale.hasPrefix("zh") { return "\(year)年\(month)月\(day)日" }
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                      "October", "November", "December"]
        return "\(day) \(months[month - 1]) \(year)"
    }

    static func isoDay(_ date: Date) -> String {
        let (year, month, day) = civil(date)
        return String(format: "%04d-%02d-%02d", year, month, day)
    }


    /// Year, month and day (UTC) of `date` (H. Hinnant's civil-from-days).
    static func civil(_ date: Date) -> (Int, Int, Int) {
        let days = Int((date.timeIntervalSince1970 / 86400).rounded(.down))
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPart = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthPart + 2) / 5 + 1
        let month = monthPart < 10 ? monthPart + 3 : monthPart - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

/// A short plain-text summary from a page's Markdown: its first paragraph without markup, about 200 characters.
enum Summary {
    static func from(markdown: String) -> String {
        var paragraph: [Substring] = []
        var rest = markdown[...]
        // Only the lines up to the end of the first paragraph are looked at.
        while !rest.isEmpty {
            let end = rest.firstIndex(of: "\n") ?? rest.endIndex
            let line = rest[..<end]
            rest = end < rest.endIndex ? rest[rest.index(after: end)...] : rest[rest.endIndex...]
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty {
                if !paragraph.isEmpty { break }
                continue
            }
            if let first = trimmed.first, "#|!<>-*+`".contains(first) || trimmed.hasPrefix("1.") {
                if !paragraph.isEmpty { break }
                continue
            }
            paragraph.append(trimmed)
        }
        let text = plainText(paragraph.joined(separator: " "))
        guard text.count > 200 else { return text }
        let cut = text.prefix(200)
        return (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)) + "…"
    }

    /// Drops Markdown emphasis marks, the targets of links and images (`[text](url)` → `text`), footnote marks
    /// (`[^1]`), HTML comments and shortcode tags (`{{< cta … >}}`; a paired one's content stays), which the page does
    /// not show either.
    private static func plainText(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "<", text[index...].hasPrefix("<!--"), let end = text[index...].range(of: "-->") {
                index = end.upperBound
                continue
            }
            if character == "{", text[index...].hasPrefix("{{<"), let end = text[index...].range(of: ">}}") {
                index = end.upperBound
                continue
            }
            if character == "[", text[index...].hasPrefix("[^"), let close = text[index...].firstIndex(of: "]") {
                index = text.index(after: close)
                continue
            }
            if character == "]", text.index(after: index) < text.endIndex, text[text.index(after: index)] == "(",
               let close = text[index...].firstIndex(of: ")") {
                index = text.index(after: close)
                continue
            }
            if !"[]*_`~".contains(character) { result.append(character) }
            index = text.index(after: index)
        }
        return result
    }
}
