import ShowroomCore

/// A name as a template writes it, split once when the template compiles: `.`, `page.hero.url`, or a
/// built-in function of one (`empty(.)`, `count(pages)`, `first()`).
indirect enum TemplateExpression: Sendable {
    /// `.`: the value the innermost section is over.
    case current
    /// `a.b.c`: `a` is looked up through the context stack, `b` and `c` inside it.
    case path([TemplateKey])
    /// `.a.b`: `a` is looked up in the innermost value only, not further down the stack.
    case member([TemplateKey])
    /// `function(argument)`; `first()` and `last()` without an argument ask about the innermost list.
    case call(TemplateFunction, TemplateExpression?)
}

/// The built-in functions: the few transforms the templates need, checked like names.
enum TemplateFunction: String, Sendable, CaseIterable {
    case empty, count, first, last, capitalized, uppercased, lowercased
}

/// Where a tag is and how its value is written there.
struct TemplateTag: Sendable {
    /// The name as written, for messages.
    var name: String
    var location: SourceLocation
    /// Where in the HTML the tag stands, found when the template compiled.
    var context: OutputContext
    /// `{{{name}}}` and `{{& name}}`: not HTML-escaped (URL and CSS checks still apply).
    var raw: Bool = false
}

/// A compiled template: literal text and tags in a tree, sections holding their bodies.
indirect enum TemplateNode: Sendable {
    /// Literal text as UTF-8 bytes, so rendering appends it with one copy instead of transcoding a `String`.
    case text([UInt8])
    case value(TemplateExpression, TemplateTag)
    case section(TemplateExpression, [TemplateNode], inverted: Bool, TemplateTag)
    /// `{{#asset}}id{{/asset}}`: a helper over its literal text, or over its rendered body when that has tags.
    case helper(String, constant: String?, body: [TemplateNode], TemplateTag)
    /// `{{> name}}`, with the indentation of a standalone tag (each of the partial's lines gets it).
    case partial(String, indent: String, TemplateTag)
    /// `{{< name}}…{{/name}}`: renders `name` with these blocks overriding its own.
    case parent(String, indent: String, blocks: [String: [TemplateNode]], TemplateTag)
    /// `{{$ name}}default{{/name}}`; `indent` when the opening tag stands alone on its line: an override
    /// is then re-indented to it and ends its line.
    case block(String, [TemplateNode], indent: String?, TemplateTag)
}

/// Where a value lands in the HTML a template writes, which decides how it is escaped and checked.
enum OutputContext: Sendable, Equatable {
    /// Element content, and anything not recognised as HTML.
    case text
    /// A quoted attribute value (`"` or `'`), or an unquoted one (`quoted: false`).
    case attribute(quoted: Bool)
    /// A URL attribute's value (`href`, `src`, …); `start` when nothing literal precedes the tag in the value,
    /// so the value decides the scheme; `list` for `srcset` (several URLs).
    case url(start: Bool, list: Bool, quoted: Bool)
    /// A `style` attribute or a `<style>` element.
    case css(inAttribute: Bool)
    /// A `<script>` element or an `on…` attribute; `inString` inside a JavaScript string literal.
    case script(inString: Bool, inAttribute: Bool)
    /// Inside a start tag, where attribute names go.
    case tag
    /// Inside `<!-- … -->`.
    case comment
}
