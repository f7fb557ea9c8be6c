import Foundation
import ShowroomSite
import Testing

/// docs/workspace.md's template context tables list exactly the typed contexts' members.
@Suite struct TemplateContextDocumentationTests {
    private static let prefixes = ["root": "", "site": "site.", "page": "page.", "section": "sections[].", "menu item": "menu[].",
                                   "asset": "asset."]

    private func documentedNames() throws -> Set<String> {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/workspace.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        var names: Set<String> = []
        for line in text.split(separator: "\n") where line.hasPrefix("| `") {
            let name = line.dropFirst(3).prefix { $0 != "`" }
            names.insert(String(name))
        }
        return names
    }

    @Test func everyTypedMemberIsDocumented() throws {
        let documented = try documentedNames()
        for member in TemplateContextReference.members {
            let name = (Self.prefixes[member.context] ?? "") + member.name
            #expect(documented.contains(name), "docs/workspace.md does not list `\(name)`")
        }
    }

    @Test func everyDocumentedMemberOfATypedContextExists() throws {
        let typed = Set(TemplateContextReference.members.map { (Self.prefixes[$0.context] ?? "") + $0.name })
        let prefixes = Self.prefixes.values.filter { !$0.isEmpty }
        for name in try documentedNames() where prefixes.contains(where: { name.hasPrefix($0) }) && !name.contains("*") {
            #expect(typed.contains(name), "docs/workspace.md lists `\(name)`, which no typed context offers")
        }
    }
}
