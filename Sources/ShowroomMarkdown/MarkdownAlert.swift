/// The kinds of GitHub alert: a block quote whose first line is `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`,
/// `[!WARNING]` or `[!CAUTION]` (in any case).
public enum MarkdownAlert: String, CaseIterable, Sendable {
    case note, tip, important, warning, caution

    /// The title an alert shows unless the site's language gives another: `Note`, `Tip`, …
    public var englishTitle: String {
        rawValue.prefix(1).uppercased() + rawValue.dropFirst()
    }
}
