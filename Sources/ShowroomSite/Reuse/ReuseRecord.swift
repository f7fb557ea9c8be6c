import Foundation
import ShowroomCore
import ShowroomWorkspace

/// What the previous build of one site leaves for the next, so that an unchanged site is not built again and
/// an unchanged page is not rendered again (`.showroom/sites/<site>.reuse` beside the site's record).
///
/// A text file of tab-separated lines, written by hand because a large site has thousands of pages and
/// JSON coding of them cost more than the hashing that makes them:
///
///     showroom-reuse 1
///     site <hash>        everything outside the files that the site's output depends on (options, engine)
///     built <seconds>    the moment the build judged scheduled pages and licences at
///     until <seconds>    the first moment after it a scheduled page or a licence changes the output ("-": none)
///     files <pages> <files>   how many pages the site has and how many files its output
///     stamps <hash>      the stamps of every file in the site's folder and of the asset files below ("-": unknown)
///     asset <path>       a library file the site's output uses, whose stamp counts
///     content <path>     a file hashed by its bytes, not its stamp (it had changed moments before the build)
///     warning …          a site warning to show again when the whole site is reused
///     out <path>         each file of the site's output
///     page <output path> <key> <assets> <references>      one per content page
///     diagnostic …       a warning of the page above
///
/// Paths, messages and hints are escaped (`\t`, `\n`, `\\`), so a line is always one record.
struct ReuseRecord: Sendable {
    /// One content page's entry: the key of its inputs and what its rendering used.
    struct Page: Sendable {
        var key: StableHash
        /// The fingerprint of each asset the page used (its HTML names it, or its Markdown or front matter
        /// refers to it), and `#catalog` when the Markdown showed images by path, checked against the catalogue.
        var assets: [String: StableHash]
        /// Assets the written page refers to (its usage rows), each with the first place the page itself
        /// names it, if any (front matter, Markdown, a shortcode).
        var written: [(id: String, location: SourceLocation?)]
        var diagnostics: [Diagnostic]
    }

    static let format = "showroom-reuse 1"

    var siteKey: StableHash
    var builtAt: Date
    var validUntil: Date?
    /// How many pages the site has (list pages included), and how many files its output.
    var pageCount: Int
    var files: Int
    /// The hash of the stamps of the site's folder and its asset files (`SiteReuse.Stamps`); nil when unknown.
    var stamps: StableHash?
    /// The library files the site's output uses (workspace paths).
    var assetFiles: [String]
    /// The files whose bytes, not stamps, are in `stamps`.
    var byContent: [String] = []
    var warnings: [Diagnostic]
    /// Every file of the site's output (read with the pages).
    var outputs: [String] = []
    var pages: [String: Page]

    /// The record at `url`, or nil when there is none or it cannot be read (then nothing is reused). Without
    /// `pages` it stops before the pages' entries: all that deciding on the whole site needs.
    static func read(_ url: URL, pages readPages: Bool = true) -> ReuseRecord? {
        guard let bytes = try? PosixFile.read(path: url.path) else { return nil }
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)[...]
        guard let first = lines.popFirst(), first.elementsEqual(format.utf8) else { return nil }
        var record = ReuseRecord(siteKey: StableHash(high: 0, low: 0), builtAt: .distantFuture, validUntil: nil, pageCount: 0, files: 0, stamps: nil, assetFiles: [],
                                 warnings: [], pages: [:])
        var currentPage: String? = nil
        for line in lines {
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
            let kind = String(decoding: fields[0], as: UTF8.self)
            if (kind == "page" || kind == "out") && !readPages { break }
            switch kind {
            case "site":
                guard fields.count == 2, let key = StableHash(text(fields[1])[...]) else { return nil }
                record.siteKey = key
            case "built":
                guard fields.count == 2, let seconds = Double(text(fields[1])) else { return nil }
                record.builtAt = Date(timeIntervalSince1970: seconds)
            case "until":
                guard fields.count == 2 else { return nil }
                if text(fields[1]) != "-" {
                    guard let seconds = Double(text(fields[1])) else { return nil }
                    record.validUntil = Date(timeIntervalSince1970: seconds)
                }
            case "files":
                guard fields.count == 3, let pages = number(fields[1]), let count = number(fields[2]) else { return nil }
                record.pageCount = pages
                record.files = count
            case "stamps":
                guard fields.count == 2 else { return nil }
                record.stamps = StableHash(text(fields[1])[...])
            case "asset":
                guard fields.count == 2 else { return nil }
                record.assetFiles.append(unescape(text(fields[1])[...]))
            case "content":
                guard fields.count == 2 else { return nil }
                record.byContent.append(unescape(text(fields[1])[...]))
            case "warning", "diagnostic":
                guard let diagnostic = decodeDiagnostic(fields.dropFirst().map { text($0)[...] }[...]) else { return nil }
                if kind == "warning" {
                    record.warnings.append(diagnostic)
                } else if let currentPage {
                    record.pages[currentPage]?.diagnostics.append(diagnostic)
                }
            case "out":
                guard fields.count == 2 else { return nil }
                record.outputs.append(unescape(text(fields[1])[...]))
            case "page":
                guard fields.count == 5, let key = StableHash(text(fields[2])[...]) else { return nil }
                var assets: [String: StableHash] = [:]
                for item in text(fields[3]).split(separator: ",") {
                    guard let equals = item.firstIndex(of: "="), let hash = StableHash(item[item.index(after: equals)...]) else { return nil }
                    assets[unescape(item[..<equals])] = hash
                }
                var written: [(String, SourceLocation?)] = []
                for item in text(fields[4]).split(separator: ",") {
                    let parts = item.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
                    written.append((unescape(parts[0]), parts.count == 2 ? decodeLocation(parts[1]) : nil))
                }
                let path = unescape(text(fields[1])[...])
                record.pages[path] = Page(key: key, assets: assets, written: written, diagnostics: [])
                currentPage = path
            default:
                return nil
            }
        }
        return record
    }

    private static func text(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    /// A non-negative decimal number, read from its digits.
    private static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 19 else { return nil }
        var value = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// The record as its file holds it, appended byte by byte: a large site's record has thousands of lines.
    func encoded() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256 + outputs.count * 40 + pages.count * 120)
        func line(_ parts: String...) {
            for (index, part) in parts.enumerated() {
                if index > 0 { out.append(UInt8(ascii: "\t")) }
                out.append(contentsOf: part.utf8)
            }
            out.append(UInt8(ascii: "\n"))
        }
        out.append(contentsOf: (Self.format + "\n").utf8)
        line("site", siteKey.description)
        line("built", String(builtAt.timeIntervalSince1970))
        line("until", validUntil.map { String($0.timeIntervalSince1970) } ?? "-")
        line("files", String(pageCount), String(files))
        line("stamps", stamps.map(\.description) ?? "-")
        for file in assetFiles { line("asset", Self.escape(file)) }
        for file in byContent { line("content", Self.escape(file)) }
        for warning in warnings { line("warning", Self.encode(warning)) }
        for path in outputs { line("out", Self.escape(path)) }
        for path in pages.keys.sorted() {
            let page = pages[path]!
            var assets = ""
            for id in page.assets.keys.sorted() {
                if !assets.isEmpty { assets += "," }
                assets += Self.escape(id) + "=" + page.assets[id]!.description
            }
            var written = ""
            for (id, location) in page.written {
                if !written.isEmpty { written += "," }
                written += Self.escape(id)
                if let location { written += "@" + Self.encode(location) }
            }
            line("page", Self.escape(path), page.key.description, assets, written)
            for diagnostic in page.diagnostics { line("diagnostic", Self.encode(diagnostic)) }
        }
        return out
    }

    // MARK: - Fields

    /// `\`, tab, newline, `,`, `=` and `@` escaped, so a field never splits.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { Self.special[Int($0)] }) else { return text }
        var escaped = ""
        for character in text {
            switch character {
            case "\\": escaped += "\\\\"
            case "\t": escaped += "\\t"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case ",": escaped += "\\c"
            case "=": escaped += "\\e"
            case "@": escaped += "\\a"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// The bytes `escape` escapes: `\\`, tab, newline, carriage return, `,`, `=`, `@`.
    private static let special: [Bool] = (0..<256).map { byte in [0x5C, 0x09, 0x0A, 0x0D, 0x2C, 0x3D, 0x40].contains(byte) }

    static func unescape(_ text: Substring) -> String {
        guard text.utf8.contains(UInt8(ascii: "\\")) else { return String(text) }
        var result = ""
        var escaping = false
        for character in text {
            if escaping {
                switch character {
                case "t": result += "\t"
                case "n": result += "\n"
                case "r": result += "\r"
                case "c": result += ","
                case "e": result += "="
                case "a": result += "@"
                default: result.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// `file|line|column` (empty line or column when unknown), escaped as one field.
    private static func encode(_ location: SourceLocation) -> String {
        escape([location.file, location.line.map(String.init) ?? "", location.column.map(String.init) ?? ""].joined(separator: "\u{1F}"))
    }

    private static func decodeLocation(_ field: Substring) -> SourceLocation? {
        let parts = unescape(field).split(separator: "\u{1F}", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        return SourceLocation(file: String(parts[0]), line: Int(parts[1]), column: Int(parts[2]))
    }

    /// `severity`, location (or `-`), message, hint (or `-`), each a field.
    private static func encode(_ diagnostic: Diagnostic) -> String {
        [diagnostic.severity.rawValue, diagnostic.location.map(encode) ?? "-", escape(diagnostic.message),
         diagnostic.hint.map { "+" + escape($0) } ?? "-"].joined(separator: "\t")
    }

    private static func decodeDiagnostic(_ fields: ArraySlice<Substring>) -> Diagnostic? {
        let fields = Array(fields)
        guard fields.count == 4, let severity = Diagnostic.Severity(rawValue: String(fields[0])) else { return nil }
        let location = fields[1] == "-" ? nil : decodeLocation(fields[1])
        let hint = fields[3] == "-" ? nil : unescape(fields[3].dropFirst())
        let message = unescape(fields[2])
        return severity == .error ? .error(at: location, message, hint: hint) : .warning(at: location, message, hint: hint)
    }
}
