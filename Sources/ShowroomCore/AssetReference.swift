/// `asset:<id>`, the way authors name a library asset in Markdown, front matter, site.yaml and shared data.
public enum AssetReference {
    /// What every asset reference starts with.
    public static let prefix = "asset:"

    /// The id after `asset:`, or nil when `text` is no asset reference. Compared byte by byte: Swift's
    /// `hasPrefix` compares characters, so a combining mark right after the colon (found by fuzzing) would
    /// make `asset:` no prefix of the text and leave the reference unresolved and unchecked.
    public static func id(in text: String) -> String? {
        guard text.utf8.starts(with: prefix.utf8) else { return nil }
        return String(decoding: text.utf8.dropFirst(prefix.utf8.count), as: UTF8.self)
    }
}
