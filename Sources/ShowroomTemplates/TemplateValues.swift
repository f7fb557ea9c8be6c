import Mustache

/// A value templates can both print and look into: `{{page.hero}}` prints its `text` (an asset's URL),
/// `{{page.hero.width}}` reads a field. Used for assets, so templates never type a path by hand.
public struct TemplateObject: MustacheParent, MustacheCustomRenderable, @unchecked Sendable {
    /// Field values: strings, numbers, booleans, arrays, dictionaries, other `TemplateObject`s.
    public var fields: [String: Any]
    public var text: String

    public init(text: String, fields: [String: Any]) {
        self.text = text
        self.fields = fields
    }

    public func child(named name: String) -> Any? { fields[name] }
    public var renderText: String { text }
    public var isNull: Bool { false }
}

/// A section helper: `{{#name}}argument{{/name}}` calls `body` with the literal argument text and inserts
/// what it returns (e.g. `{{#asset}}aurora-hero{{/asset}}` → the asset's URL).
public enum TemplateHelper {
    public static func make(_ body: @escaping (String) -> String) -> Any {
        MustacheLambda { text in body(text.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }
}

/// A page's template context: a few values of its own in front of the values every page of the site shares.
/// Looking names up through it costs what a dictionary costs, and the shared values are never copied per page.
public final class TemplateScope: MustacheParent, @unchecked Sendable {
    public let shared: [String: Any]
    public let own: [String: Any]

    public init(shared: [String: Any], own: [String: Any]) {
        self.shared = shared
        self.own = own
    }

    public func child(named name: String) -> Any? { own[name] ?? shared[name] }
}
