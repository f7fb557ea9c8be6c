/// The largest inputs a build reads, so a mistaken or hostile file fails fast with a located error instead
/// of taking the machine's memory. Every figure is far above what a real site needs; docs/security.md lists
/// them.
public enum InputLimits {
    /// A Markdown page, front matter included.
    public static let pageBytes = 8 * 1024 * 1024
    /// The front matter of one page.
    public static let frontMatterBytes = 256 * 1024
    /// A YAML file: shared data, i18n, site.yaml, showroom.yaml, the asset catalogue.
    public static let yamlFileBytes = 16 * 1024 * 1024
    /// A template file.
    public static let templateBytes = 1024 * 1024
    /// Values one YAML document may hold once its aliases (`*name`) are expanded: generous for what is
    /// written out, tight for an alias that repeats aliases (each level multiplies the copies).
    public static func yamlNodes(forBytes bytes: Int) -> Int { min(100_000 + 8 * bytes, 2_000_000) }

    /// `8 MiB`, for messages.
    public static func shown(_ bytes: Int) -> String {
        bytes >= 1024 * 1024 ? "\(bytes / (1024 * 1024)) MiB" : "\(bytes / 1024) KiB"
    }
}
