import ShowroomCore

extension SharedDataCheck {
    /// The keys of `shared/i18n/en.yaml` missing from `shared/i18n/<locale>.yaml`, for each locale a site is in,
    /// each reported once, where the line belongs: after the key that comes before it in en.yaml.
    static func missingTranslations(i18n: [String: YAMLNode], sites: [SiteConfig]) -> [Diagnostic] {
        guard let english = i18n["en"]?.pairs else { return [] }
        var found: [Diagnostic] = []
        for locale in Set(sites.map(\.locale)).sorted() where locale != "en" {
            let inLocale = sites.filter { $0.locale == locale }.map(\.id)
            let siteIDs = (inLocale.count == 1 ? "the site " : "the sites ") + inLocale.joined(separator: ", ")
            let file = "shared/i18n/\(locale).yaml"
            guard let translated = i18n[locale] else {
                found.append(.warning(at: SourceLocation(file: file), "there are no \(locale) template strings for \(siteIDs)",
                                      hint: "create \(file) with a translation of every line of shared/i18n/en.yaml"))
                continue
            }
            var previous: YAMLNode? = nil
            for (key, value) in english {
                if let present = translated[key] {
                    previous = present
                    continue
                }
                let english = value.scalarText.map { " (in English: `\($0)`)" } ?? ""
                found.append(.warning(at: previous?.keyLocation ?? translated.location,
                                      "`\(key)` has no \(locale) translation in \(file), so \(siteIDs) cannot show it in \(locale)",
                                      hint: "add a line `\(key): …` with the \(locale) text\(english) \(previous == nil ? "at the top of" : "below this line of") \(file)"))
            }
        }
        return found
    }
}
