import Foundation
import ShowroomCore
import ShowroomWorkspace

/// What the "New site" and "New model" forms offer and what they were sent: the choices read from the shared data
/// (models with their names and brands, brands), the values typed, and the engine's refusals placed at the field
/// they concern. The forms hand their values to the same engine functions as `showroom new site` and
/// `showroom new model` (`SiteScaffold.create`, `ModelScaffold.create`), which check everything and write nothing
/// on a refusal.
struct ScaffoldForm: Sendable {
    /// A record a form offers as a choice: its id and the name people know it by.
    struct Choice: Sendable, Equatable {
        var id: String
        var name: String
    }

    /// A refusal of the engine, under the field it concerns (`other` when none).
    struct Problem: Sendable {
        var field: String
        var message: String
        var fix: String?
    }

    /// The models of `shared/data/models.yaml` and the brands of `shared/data/brands.yaml`, in the files' order.
    var models: [Choice]
    var brands: [Choice]
    /// The values sent, by field name; empty on a fresh form.
    var values: [String: String] = [:]
    var problems: [Problem] = []

    /// The choices of `workspace`'s shared data (none for a file that is missing or does not read).
    static func choices(in workspace: URL) -> ScaffoldForm {
        ScaffoldForm(models: records("models", in: workspace), brands: records("brands", in: workspace))
    }

    private static func records(_ name: String, in workspace: URL) -> [Choice] {
        let path = "\(Workspace.sharedDataFolder)/\(name).yaml"
        guard let node = try? YAMLNode.load(workspace.appendingPathComponent(path), relativePath: path) else { return [] }
        return (node.items ?? []).compactMap { record in
            guard let id = record["id"]?.scalarText else { return nil }
            return Choice(id: id, name: record["name"]?.scalarText ?? id)
        }
    }

    /// The value sent for `field`, trimmed; empty when none.
    func value(_ field: String) -> String { (values[field] ?? "").trimmingCharacters(in: .whitespaces) }

    /// The value sent for `field`, nil when it was left empty (the engine's "not given").
    func given(_ field: String) -> String? {
        let value = value(field)
        return value.isEmpty ? nil : value
    }

    /// The engine's refusals placed at the form's fields. The engine's messages name what they concern (`site id`,
    /// `site kind`, `locale`, `model`, `brand`, `to copy`) and its fixes name command-line options (`--kind`),
    /// which the form's fields replace; `fields` maps each of those words to its field, first match wins.
    static func problems(_ diagnostics: [Diagnostic], fields: [(word: String, field: String)]) -> [Problem] {
        diagnostics.filter { $0.severity == .error }.map { diagnostic in
            let message = diagnostic.message
            let field = fields.first { message.contains($0.word) }?.field ?? "other"
            let place = diagnostic.location.map { "\($0.description): " } ?? ""
            return Problem(field: field, message: place + message, fix: diagnostic.hint.map(formWords))
        }
    }

    /// A fix the engine wrote for the command line, in the form's words: its options are the form's fields.
    static func formWords(_ hint: String) -> String {
        let replacements = [
            ("add --model <model-id>", "pick the model it sells"), ("use --brand with one of", "pick one of"),
            ("use --like with one of", "pick one of"), ("name another site with --site <site-id>", "type another site id"),
            ("leave out --site and mount", "untick the product site and mount"), (" after --site, e.g. `--site ", ", e.g. `"),
            ("use --locale en or --locale zh-CN", "pick English or Chinese"), ("--kind ", ""),
        ]
        return replacements.reduce(hint) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }

    /// The words of a new site's refusals and the fields they concern.
    static let siteFields = [("site id", "id"), ("a site `", "id"), ("site kind", "kind"), ("locale", "locale"),
                             ("model", "model"), ("brand", "brand")]
    /// The words of a new model's refusals and the fields they concern.
    static let modelFields = [("model id", "id"), ("a model `", "id"), ("though there is no model", "id"), ("to copy", "like"),
                              ("brand", "brand"), ("site id", "site"), ("a site `", "site")]
}
