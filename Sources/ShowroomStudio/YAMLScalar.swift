import Foundation

/// The one-line YAML values the page form edits: reading what a front matter line says, and writing a value back
/// so that YAML reads the same text (quoted when it would otherwise be read as something else).
enum YAMLScalar {
    /// The value of `key: <rest>` as a form shows it; nil when it is not a one-line scalar (a list, a mapping, a
    /// block text, an anchor), which the form keeps as YAML.
    static func decode(_ rest: String) -> String? {
        let text = rest.trimmingCharacters(in: .whitespaces)
        guard let first = text.first else { return nil }
        if first == "\"" {
            guard text.count >= 2, text.last == "\"" else { return nil }
            var result = ""
            var escaped = false
            for character in text.dropFirst().dropLast() {
                if escaped {
                    switch character {
                    case "n": result.append("\n")
                    case "t": result.append("\t")
                    default: result.append(character)
                    }
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else {
                    result.append(character)
                }
            }
            return escaped ? nil : result
        }
        if first == "'" {
            guard text.count >= 2, text.last == "'" else { return nil }
            return String(text.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
        }
        guard !"[{&*!|>%@`".contains(first) else { return nil }
        if let comment = text.range(of: " #") { return String(text[..<comment.lowerBound]).trimmingCharacters(in: .whitespaces) }
        return text
    }

    /// `value` as YAML: plain when YAML reads it back as the same text, else in double quotes. `asText` marks
    /// values that must stay text (a title of `2026` or `yes`); other values stay plain when they look like a
    /// number, a date or `true`, so a weight stays a number.
    static func encode(_ value: String, asText: Bool) -> String {
        let special: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"]
        let looksTyped = special.contains(value.lowercased()) || Double(value) != nil || value.first?.isNumber == true
        let plainSafe = !value.isEmpty && value.trimmingCharacters(in: .whitespaces) == value
            && !value.contains(": ") && !value.contains(" #") && !value.hasSuffix(":") && !value.contains("\n")
            && !"-?:,[]{}#&*!|>'\"%@`".contains(value.first!)
        if plainSafe && !(asText && looksTyped) { return value }
        return quoted(value)
    }

    /// `value` in double quotes, which YAML always reads as that text.
    static func quoted(_ value: String) -> String {
        var quoted = "\""
        for character in value {
            switch character {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            default: quoted.append(character)
            }
        }
        return quoted + "\""
    }
}
