import ShowroomCore

/// The one home of the checks on shared data: each known file of `shared/data` read against
/// `SharedDataSchema` (required keys, numbers, dates, colours, asset ids, references between files), values
/// still holding a `FILL IN` placeholder, and template strings a site's locale has not translated yet.
/// Every problem is a diagnostic at the value's file, line and column with a fix.
public enum SharedDataCheck {
    /// What a value still to be written starts with (`showroom new model` writes such values).
    public static let placeholderPrefix = "FILL IN"

    /// Every problem of the shared data of a workspace: schema errors, placeholder warnings, and warnings for
    /// the i18n keys of `shared/i18n/en.yaml` missing from the file of a locale one of `sites` is in.
    package static func diagnostics(data: [String: YAMLNode], catalog: AssetCatalog, i18n: [String: YAMLNode],
                                    sites: [SiteConfig]) -> [Diagnostic] {
        var reader = SharedDataSchema.Reader(data: data, catalog: catalog)
        for name in data.keys.sorted() {
            guard let file = SharedDataSchema.files[name], let node = data[name] else { continue }
            reader.check(node, file: file)
        }
        return reader.diagnostics + placeholders(in: data) + missingTranslations(i18n: i18n, sites: sites)
    }
}
