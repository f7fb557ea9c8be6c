extension YAMLNode {
    /// The ending of the keys that hold a locale's text in shared data: `Zh` for `zh-CN` (`nameZh`, `taglineZh`),
    /// the language's letters with the first one capital; nil for English, the language the plain keys are in.
    package static func keySuffix(for locale: String) -> String? {
        let language = locale.split(separator: "-").first.map(String.init) ?? locale
        guard !language.isEmpty, language.lowercased() != "en" else { return nil }
        return language.prefix(1).uppercased() + language.dropFirst().lowercased()
    }

    /// The value as a site in `locale` shows it: in every mapping that has `<key>Zh` (for `zh-CN`), `<key>` holds
    /// that text, so one template (`{{name}}`) shows each site its own language; `<key>Zh` stays as well, and a
    /// key without a translation keeps its English. English sites, and values without such keys, are unchanged.
    package func localized(to locale: String) -> YAMLNode {
        guard let suffix = Self.keySuffix(for: locale) else { return self }
        return localized(suffix: suffix)
    }

    private func localized(suffix: String) -> YAMLNode {
        var node = self
        switch value {
        case .sequence(let items):
            node.value = .sequence(items.map { $0.localized(suffix: suffix) })
        case .mapping(let pairs):
            var localized = pairs.map { (key: $0.key, value: $0.value.localized(suffix: suffix)) }
            for (key, translation) in pairs where key.count > suffix.count && key.hasSuffix(suffix) && !translation.isNull {
                let plain = String(key.dropLast(suffix.count))
                guard let index = localized.firstIndex(where: { $0.key == plain }) else { continue }
                localized[index].value = translation.localized(suffix: suffix)
            }
            node.value = .mapping(localized)
        default:
            break
        }
        return node
    }
}
