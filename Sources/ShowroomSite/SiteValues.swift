import Foundation
import ShowroomCore
import ShowroomTemplates
import ShowroomWorkspace

/// Turns YAML (shared data, front matter, theme, params) into template values for one site: `asset:<id>`
/// strings become asset objects, prices get a display form, unknown asset ids become located errors.
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

    mutating func value(_ node: YAMLNode) -> Any {
        var found: [Diagnostic] = []
        var refs: [(String, SourceLocation)] = []
        let result = node.plainValue { text, location in
            guard text.hasPrefix("asset:") else { return text }
            let id = String(text.dropFirst("asset:".count))
            guard let object = assetObject(id) else {
                found.append(unknownAsset(id, at: location))
                return ""
            }
            refs.append((id, location))
            return object
        }
        diagnostics += found
        for (id, location) in refs { references[id, default: []].append(location) }
        return addDisplayPrices(result)
    }

    /// The template object for asset `id`, or nil when the catalogue has no such asset.
    func assetObject(_ id: String) -> TemplateObject? {
        guard let prepared = library.prepared[id] else { return nil }
        var fields: [String: Any] = [
            "id": id, "url": prepared.path, "title": prepared.asset.title, "kind": prepared.asset.kind.rawValue,
            "alt": prepared.asset.altText(for: site.locale), "isImage": prepared.isImage,
            "downloadable": prepared.asset.downloadable,
        ]
        if let width = prepared.width, let height = prepared.height {
            fields["width"] = width
            fields["height"] = height
        }
        if prepared.asset.downloadable { fields["download"] = downloadURL(id) }
        return TemplateObject(text: prepared.path, fields: fields)
    }

    /// The counted download address of asset `id` on this site (the collection service redirects to the file).
    func downloadURL(_ id: String) -> String {
        "\(collector)/dl/\(id)?site=\(site.id)"
    }

    func unknownAsset(_ id: String, at location: SourceLocation) -> Diagnostic {
        .error(at: location, "there is no asset `\(id)` in the asset library",
               hint: "check the id against assets/catalog.yaml, or add the asset there")
    }

    /// Adds `<key>Display` next to every number under a key named `price` or ending in `Price`.
    private func addDisplayPrices(_ value: Any) -> Any {
        if let dictionary = value as? [String: Any] {
            var result: [String: Any] = [:]
            for (key, child) in dictionary {
                result[key] = addDisplayPrices(child)
                if key == "price" || key.hasSuffix("Price"), let number = (child as? Int).map(Double.init) ?? (child as? Double) {
                    result["\(key)Display"] = Self.formatPrice(number)
                }
            }
            return result
        }
        if let array = value as? [Any] { return array.map(addDisplayPrices) }
        return value
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

    static func isoTime(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let inDay = ((seconds % 86400) + 86400) % 86400
        return isoDay(date) + String(format: "T%02d:%02d:%02dZ", inDay / 3600, inDay % 3600 / 60, inDay % 60)
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

    /// Drops Markdown emphasis marks and the targets of links and images (`[text](url)` → `text`).
    private static func plainText(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
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
