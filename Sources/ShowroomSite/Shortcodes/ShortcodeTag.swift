import ShowroomCore

/// One `{{< name key="value" >}}` or `{{< /name >}}` as written in a page's Markdown, with where it stands:
/// byte offsets into the body (what the expansion cuts out) and the line and column in the body (1-based,
/// columns in bytes, as cmark counts them).
struct ShortcodeTag: Sendable {
    /// An argument as written: `key="value"`, and where `key` starts.
    struct Argument: Sendable {
        var name: String
        var value: String
        var line: Int
        var column: Int
    }

    var name: String
    var isClosing: Bool
    var arguments: [Argument]
    /// `start..<end` in the body's UTF-8 bytes, from `{{<` to `>}}` included.
    var start: Int
    var end: Int
    var line: Int
    var column: Int
    /// The line the tag's `>}}` is on.
    var endLine: Int
    /// How the tag was written, for messages: `{{< video >}}`, `{{< /note >}}`.
    var written: String { isClosing ? "{{< /\(name) >}}" : "{{< \(name) >}}" }
}

/// A tag that could not be read: where, and what is wrong there.
struct ShortcodeSyntaxError: Sendable {
    var line: Int
    var column: Int
    var message: String
    var hint: String
}
