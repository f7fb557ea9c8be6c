import Foundation
import ShowroomCore

/// How `showroom check` prints what it found.
public enum CheckFormat: String, Sendable, CaseIterable {
    /// `file:line:column: error: message` lines and a summary, for people.
    case text
    /// One JSON document, for tools.
    case json
    /// GitHub Actions workflow commands (`::error file=…,line=…,col=…::…`), which annotate the changed files.
    case github
}

extension CheckReport {
    /// The report as `showroom check` prints it in `format`.
    public func formatted(as format: CheckFormat) -> String {
        switch format {
        case .text: return textReport()
        case .json: return jsonReport()
        case .github: return (diagnostics.map(Self.annotation) + [summary]).joined(separator: "\n")
        }
    }

    /// `Checked 3 sites, 42 pages: 1 error, 0 warnings`.
    public var summary: String {
        let errors = diagnostics.errors.count, warnings = diagnostics.warnings.count
        return "Checked \(sites.count) site\(sites.count == 1 ? "" : "s"), \(pages) page\(pages == 1 ? "" : "s"): "
            + "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
    }

    private func textReport() -> String {
        (diagnostics.map(\.description) + (diagnostics.isEmpty ? [] : [""]) + [summary]).joined(separator: "\n")
    }

    private struct JSONReport: Encodable {
        struct Entry: Encodable {
            var severity: String
            var file: String?
            var line: Int?
            var column: Int?
            var message: String
            var hint: String?
        }
        var succeeded: Bool
        var sites: [String]
        var pages: Int
        var errors: Int
        var warnings: Int
        var diagnostics: [Entry]
    }

    private func jsonReport() -> String {
        let report = JSONReport(
            succeeded: succeeded, sites: sites, pages: pages, errors: diagnostics.errors.count, warnings: diagnostics.warnings.count,
            diagnostics: diagnostics.map {
                .init(severity: $0.severity.rawValue, file: $0.location.map { Diagnostic.visible($0.file) }, line: $0.location?.line, column: $0.location?.column,
                      message: $0.message, hint: $0.hint)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(report)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
    }

    /// One GitHub Actions annotation; its data and properties are escaped as the runner expects.
    static func annotation(_ diagnostic: Diagnostic) -> String {
        func data(_ text: String) -> String {
            text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
        }
        func property(_ text: String) -> String {
            data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
        }
        var properties: [String] = []
        if let location = diagnostic.location {
            properties.append("file=\(property(Diagnostic.visible(location.file)))")
            if let line = location.line { properties.append("line=\(line)") }
            if let column = location.column { properties.append("col=\(column)") }
        }
        let message = diagnostic.message + (diagnostic.hint.map { "\nfix: \($0)" } ?? "")
        let command = diagnostic.severity == .error ? "error" : "warning"
        return "::\(command)\(properties.isEmpty ? "" : " " + properties.joined(separator: ","))::\(data(message))"
    }
}
