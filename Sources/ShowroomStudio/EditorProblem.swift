import Foundation
import ShowroomCore

/// A problem of a preview or save, placed at the form field it concerns, for the editor to show beside that
/// field: a front matter value's field, the body (with the line inside the text area), or `other` for problems
/// in other files. Errors in the edited file block saving; warnings and other files' problems do not.
struct EditorProblem: Sendable, Encodable {
    /// The form field: `title`, `field.<key>`, `yaml.<key>`, `body`, `text` (a file edited whole) or `other`.
    var field: String
    /// The line inside the body's (or the whole file's) text area, when the problem has one.
    var line: Int?
    /// `error` or `warning`.
    var severity: String
    /// `file:line:column`, as the command line prints it.
    var place: String
    var message: String
    var fix: String?
    /// Whether the problem keeps the file from being saved.
    var blocking: Bool

    /// The problems of `diagnostics` placed in the form of `file`, whose text the build saw as `text`.
    static func place(_ diagnostics: [Diagnostic], file: String, text: String) -> [EditorProblem] {
        let document = PageDocument.parse(text)
        let isPage = file.hasSuffix(".md")
        return diagnostics.map { diagnostic in
            var field = "other"
            var line: Int?
            let inFile = diagnostic.location?.file == file
            if inFile, let at = diagnostic.location?.line {
                if isPage, let document, let placed = document.place(ofLine: at) {
                    field = placed.field
                    line = placed.bodyLine
                } else {
                    field = isPage && document != nil ? "body" : "text"
                    line = at
                }
            } else if inFile {
                field = isPage && document != nil ? "body" : "text"
            }
            return EditorProblem(field: field, line: line, severity: diagnostic.severity.rawValue,
                                 place: diagnostic.location?.description ?? "", message: diagnostic.message, fix: diagnostic.hint,
                                 blocking: inFile && diagnostic.severity == .error)
        }
    }
}
