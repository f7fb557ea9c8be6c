import Foundation
import ShowroomCore
import TOMLKit

extension FrontMatter {
    /// Parses TOML front matter (the text between the `+++` lines, which start `lineOffset` lines into `file`)
    /// with TOMLKit into a located tree: every key and value at the line and column it is written at
    /// (`TOMLKeyPositions`), in the order written. Strings stay text (`"42"` is not a number); dates and times
    /// become their RFC 3339 text, which `WrittenDate` reads.
    static func parseTOML(_ text: String, file: String, lineOffset: Int) throws(Diagnostic) -> YAMLNode {
        try TOMLDocuments.shared.node(text: text, file: file) { () throws(Diagnostic) -> YAMLNode in
            if let problem = TOMLKitGuard.problem(in: text) {
                throw .error(at: SourceLocation(file: file, line: problem.line + lineOffset, column: problem.column),
                             "invalid TOML: \(problem.message)", hint: tomlHint)
            }
            let table: TOMLTable
            do {
                table = try TOMLTable(string: text)
            } catch let error as TOMLParseError {
                throw .error(at: SourceLocation(file: file, line: error.source.begin.line + lineOffset, column: error.source.begin.column),
                             "invalid TOML: \(error.description)", hint: tomlHint)
            } catch {
                throw .error(at: SourceLocation(file: file, line: lineOffset + 1), "the TOML could not be read: \(error)")
            }
            let converter = TOMLConverter(positions: TOMLKeyPositions(text), file: file, lineOffset: lineOffset)
            return converter.node(table, path: [], at: SourceLocation(file: file, line: lineOffset + 1, column: 1))
        }
    }

    private static let tomlHint = "write one `key = value` per line, text in double quotes (`title = \"Aurora launch\"`), "
        + "lists in brackets (`tags = [\"ev\", \"news\"]`) and dates bare (`date = 2026-03-15`)"
}

/// TOML front matter already parsed, by file and text. TOMLKit 0.6.0 never frees what it allocates (the
/// parsed document, the strings it copies out), so a `serve` that rebuilds on every change parses each page's
/// TOML once per version rather than once per build. Past `capacity` documents it starts afresh, so the
/// cache stays bounded whatever passes through it.
private final class TOMLDocuments: Sendable {
    static let shared = TOMLDocuments()
    static let capacity = 20_000
    private let nodes = Locked<[String: YAMLNode]>([:])

    func node(text: String, file: String, parse: () throws(Diagnostic) -> YAMLNode) throws(Diagnostic) -> YAMLNode {
        let key = file + "\u{0}" + text
        if let node = nodes.withLock({ $0[key] }) { return node }
        let node = try parse()
        nodes.withLock { nodes in
            if nodes.count >= Self.capacity { nodes.removeAll() }
            nodes[key] = node
        }
        return node
    }
}

/// Turns TOMLKit's values into located nodes.
private struct TOMLConverter {
    let positions: TOMLKeyPositions
    let file: String
    let lineOffset: Int

    /// The node for `value` at `path`; `fallback` is where it is written when no position of its own is known
    /// (inside an inline table or an array: its key's).
    func node(_ value: TOMLValueConvertible, path: [String], at fallback: SourceLocation) -> YAMLNode {
        let location = positions.values[path].map(located) ?? fallback
        switch value.type {
        case .table:
            guard let table = value.table else { return YAMLNode(.null, at: location) }
            var pairs: [(key: String, value: YAMLNode)] = []
            for key in table.keys {
                guard let child = table[key] else { continue }
                var node = node(child, path: path + [key], at: location)
                if let keyPosition = positions.keys[path + [key]] {
                    node = node.keyed(atLine: keyPosition.line + lineOffset, column: keyPosition.column)
                }
                pairs.append((key, node))
            }
            // TOMLKit keeps a table's keys sorted; the author's order is the order of the lines.
            let order = pairs.enumerated().sorted { a, b in
                let lineA = a.element.value.keyLocation?.line ?? .max, lineB = b.element.value.keyLocation?.line ?? .max
                let columnA = a.element.value.keyLocation?.column ?? 0, columnB = b.element.value.keyLocation?.column ?? 0
                return (lineA, columnA, a.offset) < (lineB, columnB, b.offset)
            }
            return YAMLNode(.mapping(order.map(\.element)), at: location)
        case .array:
            guard let array = value.array else { return YAMLNode(.null, at: location) }
            var items: [YAMLNode] = []
            for (offset, item) in array.enumerated() {
                items.append(node(item, path: path + [String(offset)], at: location))
            }
            return YAMLNode(.sequence(items), at: location)
        case .string:
            return YAMLNode(.scalar(value.string ?? "", quoted: true), at: location)
        case .int:
            return YAMLNode(.scalar(value.int.map(String.init) ?? "", quoted: false), at: location)
        case .double:
            return YAMLNode(.scalar(value.double.map(Self.text) ?? "", quoted: false), at: location)
        case .bool:
            return YAMLNode(.scalar(value.bool == true ? "true" : "false", quoted: false), at: location)
        case .date:
            return YAMLNode(.scalar(value.date.map(Self.text) ?? "", quoted: false), at: location)
        case .time:
            return YAMLNode(.scalar(value.time.map(Self.text) ?? "", quoted: false), at: location)
        case .dateTime:
            guard let dateTime = value.dateTime else { return YAMLNode(.null, at: location) }
            var text = Self.text(dateTime.date) + "T" + Self.text(dateTime.time)
            if let offset = dateTime.offset?.offset {
                text += offset == 0 ? "Z" : (offset < 0 ? "-" : "+") + String(format: "%02d:%02d", abs(offset) / 60, abs(offset) % 60)
            }
            return YAMLNode(.scalar(text, quoted: false), at: location)
        }
    }

    private func located(_ position: TOMLKeyPositions.Position) -> SourceLocation {
        SourceLocation(file: file, line: position.line + lineOffset, column: position.column)
    }

    /// `2026-03-15`.
    private static func text(_ date: TOMLDate) -> String {
        String(format: "%04d-%02d-%02d", date.year, date.month, date.day)
    }

    /// `09:30:00`, with the fraction of a second when there is one (`09:30:00.25`).
    private static func text(_ time: TOMLTime) -> String {
        var text = String(format: "%02d:%02d:%02d", time.hour, time.minute, time.second)
        if time.nanoSecond > 0 {
            var fraction = String(format: "%09d", time.nanoSecond)
            while fraction.hasSuffix("0") { fraction.removeLast() }
            text += "." + fraction
        }
        return text
    }

    /// A float as TOML writes it: `1.5`, `1e+20`, `inf`, `-inf`, `nan`.
    private static func text(_ number: Double) -> String {
        if number.isNaN { return "nan" }
        if number.isInfinite { return number < 0 ? "-inf" : "inf" }
        return String(number)
    }
}
