import Foundation
import Testing

/// Every `public` or `open` declaration of the listed modules says what it is for in a `///` comment directly above
/// it (attributes such as `@inlinable` may stand between), and so does every function of their C headers.
@Suite struct DocumentationCommentTests {
    /// The modules under `Sources/` held to this; add a module once its public declarations are documented.
    static let modules = [
        "CShowroomSupport", "ShowroomCore", "ShowroomWorkspace", "ShowroomMarkdown", "ShowroomTemplates", "ShowroomHTML",
        "ShowroomSite", "ShowroomPreview", "ShowroomPublish", "Showroom", "ShowroomStorage", "ShowroomCollector",
        "ShowroomReports", "ShowroomStudio",
    ]

    private static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    /// Words that may come before `public`/`open` in a declaration.
    private static let modifiers: Set<String> = [
        "final", "static", "class", "override", "mutating", "nonmutating", "nonisolated", "convenience", "required",
        "indirect", "lazy", "weak", "unowned", "dynamic", "prefix", "postfix", "infix", "package", "private(set)",
        "fileprivate(set)", "internal(set)",
    ]

    /// Whether `line` (trimmed) declares something `public` or `open`: not an import, not an extension (whose
    /// members are the declarations), and not a statement using a variable named `open` (`open = …`).
    static func isPublicDeclaration(_ line: String) -> Bool {
        var words = line.split(separator: " ").map(String.init)
        while let first = words.first, first.hasPrefix("@") || modifiers.contains(first) { words.removeFirst() }
        guard let access = words.first, access == "public" || access == "open" || access.hasPrefix("public(")
                || access.hasPrefix("open(") else { return false }
        words.removeFirst()
        while let first = words.first, modifiers.contains(first) || first.hasPrefix("(") { words.removeFirst() }
        guard let keyword = words.first else { return false }
        return keyword != "import" && keyword != "extension" && keyword.first?.isLetter == true
    }

    /// `file:line: declaration` for every public declaration of `text` with no `///` line above it.
    static func undocumented(in text: String, file: String) -> [String] {
        let lines = text.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        var found: [String] = []
        for (index, line) in lines.enumerated() {
            let declares = file.hasSuffix(".h")
                ? !line.hasPrefix("#") && !line.hasPrefix("//") && line.contains("(") && line.hasSuffix(");")
                : isPublicDeclaration(line)
            guard declares else { continue }
            var above = index - 1
            while above >= 0, lines[above].hasPrefix("@") { above -= 1 }
            if above < 0 || !(lines[above].hasPrefix("///") || lines[above].hasSuffix("*/")) {
                found.append("\(file):\(index + 1): \(line)")
            }
        }
        return found
    }

    @Test func everyPublicDeclarationHasADocumentationComment() throws {
        var missing: [String] = []
        for module in Self.modules {
            let folder = Self.sources.appendingPathComponent(module)
            let files = try #require(FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String])
            for file in files.sorted() where file.hasSuffix(".swift") || file.hasSuffix(".h") {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                missing += Self.undocumented(in: text, file: "Sources/\(module)/\(file)")
            }
        }
        #expect(missing.isEmpty, "\(missing.count) public declarations have no `///` comment:\n\(missing.joined(separator: "\n"))")
    }

    @Test func aCommentAboveTheAttributesCountsAndADeclarationWithoutOneIsFound() {
        let text = """
            /// The page's address.
            @inlinable @discardableResult
            public func address() -> String { "" }
            public static let count = 1
            public extension Page {}
            public import Foundation
            // An ordinary comment is not documentation.
            open class Writer {}
            open = Array(parts[0].utf8)
            """
        #expect(Self.undocumented(in: text, file: "A.swift") == ["A.swift:4: public static let count = 1", "A.swift:8: open class Writer {}"])
    }
}
