import Foundation
import ShowroomCore
import Yams

/// A YAML value that remembers where it was written, so every later error can point at it.
public struct YAMLNode: Sendable {
    /// What the value is: nothing, a scalar, a list or a mapping.
    public enum Value: Sendable {
        case null
        /// A scalar with its text; `quoted` is true when the author put it in quotes (then `42` is text, not a number).
        case scalar(String, quoted: Bool)
        case sequence([YAMLNode])
        /// Keys in the order they were written.
        case mapping([(key: String, value: YAMLNode)])
    }

    /// The value itself.
    public var value: Value
    /// Where the value is written.
    public var location: SourceLocation
    /// Line and column of this value's key when it is a value of a mapping (0 when not, or not known): two
    /// small numbers rather than a second `SourceLocation`, since every node of a document carries them.
    private var keyLine: Int32 = 0
    private var keyColumn: Int32 = 0

    /// A node holding `value`, written at `location`.
    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }

    /// Where this value's key is written, when it is a value of a mapping: a message about the key itself
    /// (a misspelt name) points there, not at the value, which may sit on a later line.
    package var keyLocation: SourceLocation? {
        keyLine > 0 ? SourceLocation(file: location.file, line: Int(keyLine), column: keyColumn > 0 ? Int(keyColumn) : nil) : nil
    }

    /// The same value, noting that its key is written at `line` and `column` of the same file.
    package func keyed(atLine line: Int, column: Int?) -> YAMLNode {
        var node = self
        node.keyLine = Int32(clamping: line)
        node.keyColumn = Int32(clamping: column ?? 0)
        return node
    }

    /// Parses `text` (from `file`, starting at `lineOffset` lines into it) into a located tree.
    /// An empty document is `.null`. YAML syntax errors come back with their line and column.
    public static func parse(_ text: String, file: String, lineOffset: Int = 0) throws(Diagnostic) -> YAMLNode {
        if let flat = parseFlat(text, file: file, lineOffset: lineOffset) { return flat }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text, .default, .default, .utf8)  // naming the encoding skips a slow default lookup
        } catch let error as YamlError {
            throw syntaxError(error, in: text, file: file, lineOffset: lineOffset)
        } catch {
            throw .error(at: SourceLocation(file: file), "the YAML could not be read: \(error)")
        }
        guard let node else { return YAMLNode(.null, at: SourceLocation(file: file, line: lineOffset + 1, column: 1)) }
        let limit = InputLimits.yamlNodes(forBytes: text.utf8.count)
        var budget = limit
        return try convert(node, file: file, lineOffset: lineOffset, limit: limit, budget: &budget)
    }

    /// Copies libyaml's tree into located nodes. Yams shares an anchored node among its aliases, so an alias
    /// of aliases costs nothing until here, where every copy becomes a node: `budget` bounds them, and a
    /// document that exceeds it (an "alias bomb") is refused at the node where it ran out, at once.
    private static func convert(_ node: Node, file: String, lineOffset: Int, limit: Int, budget: inout Int) throws(Diagnostic) -> YAMLNode {
        let location = SourceLocation(file: file, line: (node.mark?.line ?? 1) + lineOffset, column: node.mark?.column)
        budget -= 1
        if budget < 0 {
            throw .error(at: location, "the YAML expands to too many values: more than \(limit) for a file of this size, counting every copy an alias (`*name`) makes",
                         hint: "an alias of values that hold aliases repeats them many times over; write the values out, "
                             + "use fewer levels of aliases, or split a very large file")
        }
        switch node {
        case .scalar(let scalar):
            let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
                || scalar.style == .literal || scalar.style == .folded
            if !quoted, ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
                return YAMLNode(.null, at: location)
            }
            return YAMLNode(.scalar(scalar.string, quoted: quoted), at: location)
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            items.reserveCapacity(sequence.count)
            for item in sequence { items.append(try convert(item, file: file, lineOffset: lineOffset, limit: limit, budget: &budget)) }
            return YAMLNode(.sequence(items), at: location)
        case .mapping(let mapping):
            var pairs: [(key: String, value: YAMLNode)] = []
            pairs.reserveCapacity(mapping.count)
            for pair in mapping {
                var value = try convert(pair.value, file: file, lineOffset: lineOffset, limit: limit, budget: &budget)
                if let mark = pair.key.mark { value = value.keyed(atLine: mark.line + lineOffset, column: mark.column) }
                pairs.append((key: pair.key.string ?? "", value: value))
            }
            return YAMLNode(.mapping(pairs), at: location)
        case .alias:
            return YAMLNode(.null, at: location)
        }
    }
}

// MARK: - Reading values

extension YAMLNode {
    /// A human name for what this node is, for "expected X, found Y" messages.
    public var kindName: String {
        switch value {
        case .null: return "nothing"
        case .scalar(let text, _): return "`\(text.count > 40 ? String(text.prefix(40)) + "…" : text)`"
        case .sequence: return "a list"
        case .mapping: return "a mapping (key: value lines)"
        }
    }

    /// Whether the value is null (`~`, `null` or nothing after the key).
    package var isNull: Bool { if case .null = value { true } else { false } }

    /// The key-value pairs in written order, when the value is a mapping.
    public var pairs: [(key: String, value: YAMLNode)]? {
        if case .mapping(let pairs) = value { pairs } else { nil }
    }

    /// The entries, when the value is a list.
    public var items: [YAMLNode]? {
        if case .sequence(let items) = value { items } else { nil }
    }

    /// The text, when the value is a scalar (quoted or not).
    public var scalarText: String? {
        if case .scalar(let text, _) = value { text } else { nil }
    }

    /// The value of `key`, when the value is a mapping that has it.
    public subscript(key: String) -> YAMLNode? {
        guard case .mapping(let pairs) = value else { return nil }
        return pairs.first { $0.key == key }?.value
    }

    /// A plain value for templates: strings, numbers, booleans, lists and dictionaries.
    /// `transformString` lets callers turn special strings (such as `asset:` references) into richer values.
    package func plainValue(_ transformString: (String, SourceLocation) -> Any = { text, _ in text }) -> Any {
        switch value {
        case .null: return ""
        case .scalar(let text, let quoted):
            if quoted { return transformString(text, location) }
            switch text {
            case "true", "True", "TRUE", "yes", "Yes": return true
            case "false", "False", "FALSE", "no", "No": return false
            default:
                if let integer = Int(text) { return integer }
                if let number = Double(text), text.contains(".") { return number }
                return transformString(text, location)
            }
        case .sequence(let items): return items.map { $0.plainValue(transformString) }
        case .mapping(let pairs):
            var dictionary: [String: Any] = [:]
            for pair in pairs { dictionary[pair.key] = pair.value.plainValue(transformString) }
            return dictionary
        }
    }
}

extension YAMLNode {
    /// Parsed workspace YAML files, by path and relative name, while each file stays unchanged.
    private static let files = FileCache<YAMLNode>()

    /// Reads and parses the YAML file at `url`, reporting locations in `relativePath`. A long-running
    /// `serve` reloads the workspace on every change; unchanged files are then not parsed again.
    public static func load(_ url: URL, relativePath: String) throws(Diagnostic) -> YAMLNode {
        let path = url.standardizedFileURL.path
        return try files.value(forPath: path, key: relativePath) { () throws(Diagnostic) -> YAMLNode in
            try parse(try SourceText.read(path: path, relativePath: relativePath, maxBytes: InputLimits.yamlFileBytes), file: relativePath)
        }
    }
}
