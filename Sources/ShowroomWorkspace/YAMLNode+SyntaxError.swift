import Foundation
import ShowroomCore
import Yams

extension YAMLNode {
    /// The located error for YAML that libyaml could not read. libyaml notices an unclosed quote or bracket
    /// only where reading finally fails — often the end of the file, hundreds of lines later — so the error
    /// points at the quote, `[` or `{` that was opened and never closed when there is one, and says so.
    static func syntaxError(_ error: YamlError, in text: String, file: String, lineOffset: Int) -> Diagnostic {
        let hint = "check the indentation (spaces, not tabs), that every `key: value` has a space after the colon, "
            + "and that text with `:` or `#` in it is in quotes"
        func place(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            if let quote = UnclosedQuote.find(in: text, before: mark) {
                return .error(at: SourceLocation(file: file, line: quote.line + lineOffset, column: quote.column),
                              "invalid YAML: the text that starts with this `\(quote.character)` is never closed, so what follows is read as part of it",
                              hint: "the quote opened here is never closed: close it on the same line (`\(quote.closedLine)`), or remove it")
            }
            if let context, let bracket = Self.openingBracket(of: context) {
                return .error(at: place(context.mark),
                              "invalid YAML: the \(bracket.what) opened with this `\(bracket.open)` is never closed",
                              hint: "the `\(bracket.open)` opened here is never closed: close it with `\(bracket.close)` on the same line "
                                  + "(`\(bracket.example)`)")
            }
            return .error(at: place(mark), "invalid YAML: \(problem)", hint: hint)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error(at: place(context.mark),
                          "the key \(duplicates.map { "`\($0)`" }.joined(separator: ", ")) is written twice in the same mapping",
                          hint: "keep one of them")
        default:
            return .error(at: SourceLocation(file: file, line: lineOffset + 1), "invalid YAML: \(error)", hint: hint)
        }
    }

    /// The bracket libyaml was inside when it failed, from its context ("while parsing a flow sequence").
    private static func openingBracket(of context: YamlError.Context) -> (what: String, open: String, close: String, example: String)? {
        if context.text.contains("flow sequence") { return ("list", "[", "]", "tags: [lumen, aurora]") }
        if context.text.contains("flow mapping") { return ("mapping", "{", "}", "price: {amount: 189800, currency: CNY}") }
        return nil
    }
}

/// Finds a quoted text whose quote is never closed, the way libyaml reads quotes: a quoted text may run over
/// several lines, so an unclosed quote runs on to the next quote in the file, and reading fails somewhere after
/// it. A quote that stays open past its line and then closes with more written after it on that line
/// (`c: "x"` read as the end of `"Aurora…c: "` followed by `x"`) was never meant to run on: that is the
/// quote to report. Block texts (`|`, `>`) and comments are skipped.
struct UnclosedQuote {
    /// The opening quote's 1-based line and column (in code points, as libyaml counts) and which quote it is.
    var line: Int
    var column: Int
    var character: Character
    /// The quote's line as it should read, closed at its end (`title: "Aurora launch"`), for the fix; a
    /// generic example when the line is long.
    var closedLine: String

    /// The first such quote that opens before `mark` (libyaml's error place, 1-based), if any.
    static func find(in text: String, before mark: Mark) -> UnclosedQuote? {
        var open: UnclosedQuote? = nil
        var blockIndent: Int? = nil
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            if number > mark.line { return open }
            let scalars = Array(line.unicodeScalars.filter { $0 != "\r" })
            let indent = scalars.prefix { $0 == " " }.count
            if open == nil, let block = blockIndent {
                if indent == scalars.count || indent > block { continue }
                blockIndent = nil
            }
            var ranOn: UnclosedQuote? = nil  // a quote of an earlier line that closes on this one
            var previous: Unicode.Scalar? = nil  // the last character outside quotes that is not a space
            var position = 0
            while position < scalars.count {
                let scalar = scalars[position]
                if let quote = open {
                    if scalar == "\\", quote.character == "\"" { position += 2; continue }
                    if scalar == "'", quote.character == "'", position + 1 < scalars.count, scalars[position + 1] == "'" {
                        position += 2
                        continue
                    }
                    if Character(scalar) == quote.character {
                        if quote.line != number { ranOn = quote }
                        open = nil
                        previous = scalar
                    }
                    position += 1
                    continue
                }
                if let quote = ranOn, scalar != " " {
                    // Only a comment, a flow separator or a mapping colon may follow a quoted text that ran on.
                    guard [",", "]", "}", ":", "#"].contains(scalar) else { return quote }
                    ranOn = nil
                }
                if scalar == "#", position == 0 || scalars[position - 1] == " " { break }
                if number == mark.line, position + 1 >= mark.column { return nil }  // libyaml failed before reaching it
                if scalar == "\"" || scalar == "'", previous.map({ [":", "-", "[", "{", ",", "?"].contains($0) }) ?? true {
                    let text = String(String.UnicodeScalarView(scalars)).trimmingCharacters(in: .whitespaces)
                    let closed = text.count <= 70 && !text.contains(" #") ? text + String(scalar) : "name: \(scalar)Aurora\(scalar)"
                    open = UnclosedQuote(line: number, column: position + 1, character: Character(scalar), closedLine: closed)
                } else if scalar != " " {
                    previous = scalar
                }
                position += 1
            }
            if open == nil, Self.endsWithBlockIndicator(scalars) { blockIndent = indent }
        }
        return open
    }

    /// Whether the line ends in a block text indicator (`|`, `>-`, `|+2`) after its key or dash.
    private static func endsWithBlockIndicator(_ scalars: [Unicode.Scalar]) -> Bool {
        var end = scalars.count
        while end > 0, scalars[end - 1] == " " { end -= 1 }
        var start = end
        while start > 0, "-+0123456789".unicodeScalars.contains(scalars[start - 1]) { start -= 1 }
        guard start > 0, scalars[start - 1] == "|" || scalars[start - 1] == ">" else { return false }
        return start == 1 || scalars[start - 2] == " "
    }
}
