import ShowroomCore
import ShowroomTemplates

/// One member a typed template context offers: its name, shape, whether every value has it, and what it
/// is, in the words docs/workspace.md uses (a test keeps that table and these declarations equal).
struct ContextField: Sendable {
    var name: String
    var shape: TemplateShape
    var optional: Bool
    var summary: String

    init(_ name: String, _ summary: String, shape: TemplateShape = .scalar, optional: Bool = false) {
        self.name = name
        self.shape = shape
        self.optional = optional
        self.summary = summary
    }

    /// `shape` (what the values really hold) with every declared field it lacks added as optional, so a
    /// template may test a typed member no value has here (`{{#page.date}}` on a site without dates).
    static func declaring(_ fields: [ContextField], in shape: TemplateShape) -> TemplateShape {
        guard case .record(var record) = shape else { return shape }
        for field in fields where record.fields[field.name] == nil { record.add(field.name, field.shape, optional: true) }
        return .record(record)
    }
}

/// The typed contexts, by the name templates reach them under, for documentation and its test.
package enum TemplateContextReference {
    /// `(prefix, member, summary)` for every typed member: `page.title`, `site.theme`, `menus.<name>[].url`, …
    package static var members: [(context: String, name: String, summary: String)] {
        let groups: [(String, [ContextField])] = [
            ("page", PageContext.fields), ("site", SiteContext.fields), ("section", SectionContext.fields),
            ("menu item", MenuItemContext.fields), ("asset", AssetContext.fields), ("root", RootContext.fields),
        ]
        return groups.flatMap { group in group.1.map { (group.0, $0.name, $0.summary) } }
    }
}
