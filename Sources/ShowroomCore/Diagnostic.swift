/// Where in the workspace something was found: a file and, when known, a line and column (1-based).
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Path relative to the workspace root, as a marketer would open it.
    public var file: String
    /// The 1-based line, when known.
    public var line: Int?
    /// The 1-based column, when known.
    public var column: Int?

    /// A place in `file`, as precise as what is known.
    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, leaving out what is not known.
    public var description: String {
        var text = Diagnostic.visible(file)
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }

    /// The same file, `offset` lines further down (for errors inside front matter or embedded YAML).
    package func shifted(lines offset: Int) -> SourceLocation {
        SourceLocation(file: file, line: line.map { $0 + offset }, column: column)
    }

    /// Orders places by file, then line, then column, unknown lines and columns first.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line ?? 0, lhs.column ?? 0) < (rhs.file, rhs.line ?? 0, rhs.column ?? 0)
    }
}

/// One problem found while loading, building or checking: what, where, and how to fix it.
///
/// Diagnostics are values, collected rather than thrown, so that a build reports every problem at once.
public struct Diagnostic: Sendable, Hashable, Error, CustomStringConvertible {
    /// Whether the problem stops the build (`error`) or is only reported (`warning`).
    public enum Severity: String, Sendable, Hashable, Comparable {
        case warning
        case error

        /// Warnings sort before errors.
        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    /// Whether the problem stops the build.
    public var severity: Severity
    /// Where the problem is; nil for problems of the whole run (a missing folder, an unreadable workspace).
    public var location: SourceLocation?
    /// What is wrong, in one sentence: what was expected and what was found.
    public private(set) var message: String
    /// How to fix it, in words a marketer can act on.
    public private(set) var hint: String?

    /// Control characters in `message` and `hint` (often copied from the input being reported) are shown
    /// escaped, so a value can neither drive the terminal nor forge a line of the report.
    public init(_ severity: Severity, at location: SourceLocation?, _ message: String, hint: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = Self.visible(message)
        self.hint = hint.map(Self.visible)
    }

    /// `text` with every character that would act instead of show written as `\u{1B}`: C0 and C1 control
    /// characters (line breaks and tabs too), DEL, the Unicode line and paragraph separators, and the
    /// bidirectional overrides that can make a line read differently from what it says.
    public static func visible(_ text: String) -> String {
        func acts(_ scalar: Unicode.Scalar) -> Bool {
            let value = scalar.value
            return value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029
                || value == 0x200E || value == 0x200F || value == 0x061C
                || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
        }
        guard text.unicodeScalars.contains(where: acts) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if acts(scalar) {
                result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A problem that stops the build.
    public static func error(at location: SourceLocation?, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, at: location, message, hint: hint)
    }

    /// A problem worth reporting that does not stop the build.
    public static func warning(at location: SourceLocation?, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, at: location, message, hint: hint)
    }

    /// `file:line:column: error: message (fix: hint)`, the shape editors and CI annotations understand.
    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "\(severity.rawValue): \(message)"
        if let hint { text += "\n    fix: \(hint)" }
        return text
    }
}

extension Array where Element == Diagnostic {
    /// The diagnostics that stop the build.
    public var errors: [Diagnostic] { filter { $0.severity == .error } }
    /// The diagnostics that are only reported.
    public var warnings: [Diagnostic] { filter { $0.severity == .warning } }
    /// Whether any of them stops the build.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Stable order for reports: by file, line and column, then by message.
    public func sortedByLocation() -> [Diagnostic] {
        sorted { a, b in
            switch (a.location, b.location) {
            case let (l?, r?) where l != r: return l < r
            case (nil, _?): return true
            case (_?, nil): return false
            default: return a.message < b.message
            }
        }
    }
}

/// Thrown when a stage cannot go on; carries every diagnostic found so far.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    /// Every problem found before the stage gave up.
    public var diagnostics: [Diagnostic]
    /// Carries `diagnostics` out of the stage.
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    /// The diagnostics, one report entry after another.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
