import Foundation

extension MarkdownRenderer {
    /// Takes HTML comments out of the page: safe mode would write `<!-- raw HTML omitted -->` for each, and a
    /// comment is a note for editors, not markup. Raw HTML that holds anything besides comments stays as it is, so
    /// safe mode still leaves it out.
    static func dropComments(_ rawHTML: [CmarkNode]) {
        for node in rawHTML where isOnlyComments(node.literal ?? "") {
            node.remove()
        }
    }

    /// Whether `html` is one or more `<!-- … -->` and white space between them, nothing else.
    static func isOnlyComments(_ html: String) -> Bool {
        var rest = html.drop { $0.isWhitespace }
        guard !rest.isEmpty else { return false }
        while !rest.isEmpty {
            guard rest.hasPrefix("<!--"), let end = rest.dropFirst(4).range(of: "-->") else { return false }
            rest = rest[end.upperBound...].drop { $0.isWhitespace }
        }
        return true
    }
}
