import Foundation
import ShowroomCore

/// What `showroom assets add` did: the record written, and where.
public struct AddedAsset: Sendable, Hashable {
    /// The record as written.
    public var record: NewAsset.Record
    /// The line of `assets/catalog.yaml` the record starts at.
    public var line: Int

    /// What pages write to use it: `asset:<id>`.
    public var reference: String { "asset:\(record.id)" }
}

extension AssetCatalog {
    /// Copies `new`'s file into `assets/files/` and writes its record into `assets/catalog.yaml` of the workspace at
    /// `root`, or refuses with every problem and writes nothing (neither the file nor the record).
    ///
    /// The record is inserted as text, after the last record of the same model (else at the end), so the
    /// catalogue's comments, order and quoting stay as they were; the result is parsed again before it is written.
    public static func add(_ new: NewAsset, workspace root: URL, now: Date = Date()) -> (AddedAsset?, [Diagnostic]) {
        let catalogPath = "assets/catalog.yaml"
        let catalogURL = root.appendingPathComponent(catalogPath)
        let text: String
        let node: YAMLNode
        do {
            let exists = FileManager.default.fileExists(atPath: catalogURL.path)
            let normalised = exists ? try SourceText.read(path: catalogURL.path, relativePath: catalogPath, maxBytes: InputLimits.yamlFileBytes) : ""
            node = try YAMLNode.parse(normalised, file: catalogPath)
            // Edited as written (its line ends and any byte order mark kept), once it is known to read.
            text = exists ? String(decoding: (try? Data(contentsOf: catalogURL)) ?? Data(normalised.utf8), as: UTF8.self) : ""
        } catch {
            return (nil, [error])
        }
        if !node.isNull && node.pairs == nil {
            return (nil, [.error(at: node.location, "the catalogue must map asset ids to records, found \(node.kindName)",
                                 hint: "fix assets/catalog.yaml first (`showroom check` lists its problems), then add the asset")])
        }
        let existing = Dictionary((node.pairs ?? []).map { ($0.key, $0.value.keyLocation ?? $0.value.location) },
                                  uniquingKeysWith: { first, _ in first })
        let (checked, problems) = new.checked(existing: existing, models: modelIDs(root: root), today: now)
        guard let record = checked else { return (nil, problems) }

        let destination = root.appendingPathComponent("assets/files/\(record.file)")
        if FileManager.default.fileExists(atPath: destination.path) {
            return (nil, [.error(at: SourceLocation(file: "assets/files/\(record.file)"), "a file is already at assets/files/\(record.file)",
                                 hint: "choose another `--id`, or add a record for that file by hand if it is the same picture")])
        }
        let (updated, line) = inserting(record, into: text, after: node.pairs ?? [])
        let rereadText = updated.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\u{FEFF}", with: "")
        guard let reread = try? YAMLNode.parse(rereadText, file: catalogPath), reread[record.id]?["title"]?.scalarText == record.title,
              reread.pairs?.count == (node.pairs?.count ?? 0) + 1
        else {
            return (nil, [.error(at: SourceLocation(file: catalogPath), "the record for `\(record.id)` could not be written so that the catalogue reads it back",
                                 hint: "add the record by hand; please report the title and alt text used, so the command can be fixed")])
        }
        do {
            try write(source: new.source, to: destination, catalog: updated, at: catalogURL)
        } catch {
            return (nil, [.error(at: SourceLocation(file: catalogPath), "nothing was added: \(error.localizedDescription)",
                                 hint: "check that you may write to assets/ and that the disk is not full, then run the command again")])
        }
        return (AddedAsset(record: record, line: line), [])
    }

    /// The ids of `shared/data/models.yaml`, the models a record may show.
    private static func modelIDs(root: URL) -> Set<String> {
        let path = "\(Workspace.sharedDataFolder)/models.yaml"
        guard let node = try? YAMLNode.load(root.appendingPathComponent(path), relativePath: path) else { return [] }
        return Set((node.items ?? []).compactMap { $0["id"]?.scalarText })
    }

    /// `text` with `record` inserted after the last record of its model (before the comments and blank lines that
    /// lead into the next record), else at the end, in the file's own line ends; and the line the record starts at.
    static func inserting(_ record: NewAsset.Record, into text: String, after pairs: [(key: String, value: YAMLNode)]) -> (String, Int) {
        let lineEnd = text.contains("\r\n") ? "\r\n" : "\n"
        var lines = text.components(separatedBy: lineEnd)
        if lines.last == "" { lines.removeLast() }
        var index = lines.count
        if let model = record.model, let last = pairs.lastIndex(where: { $0.value["model"]?.scalarText == model }),
           last + 1 < pairs.count, let nextLine = (pairs[last + 1].value.keyLocation ?? pairs[last + 1].value.location).line {
            index = nextLine - 1
            while index > 0, lines[index - 1].trimmed.isEmpty || lines[index - 1].hasPrefix("#") { index -= 1 }
        }
        lines.insert(contentsOf: recordLines(record), at: index)
        return (lines.joined(separator: lineEnd) + lineEnd, index + 1)
    }

    /// The record in the catalogue's own layout: two-space indents, lists as `- item` lines, the date quoted.
    static func recordLines(_ record: NewAsset.Record) -> [String] {
        var lines = ["\(record.id):", "  file: \(scalar(record.file))", "  title: \(scalar(record.title))", "  kind: \(record.kind.rawValue)"]
        if let model = record.model { lines.append("  model: \(scalar(model))") }
        if !record.tags.isEmpty { lines += ["  tags:"] + record.tags.map { "  - \(scalar($0))" } }
        lines += ["  owner: \(scalar(record.owner))", "  cost: \(record.cost)", "  currency: \(record.currency)",
                  "  licenceExpiry: '\(record.licenceExpiry)'"]
        if record.downloadable { lines.append("  downloadable: true") }
        if !record.alt.isEmpty {
            lines += ["  alt:"] + record.alt.sorted { $0.key < $1.key }.map { "    \($0.key): \(scalar($0.value))" }
        }
        return lines
    }

    /// `text` as a YAML scalar: plain when YAML reads it back as the same text, else single-quoted.
    static func scalar(_ text: String) -> String {
        let plain = text.range(of: #"^[\p{L}\p{N}][\p{L}\p{N} ._()/（）、，-]*$"#, options: .regularExpression) != nil
            && !text.hasSuffix(" ")
            && !["true", "false", "yes", "no", "on", "off", "null", "y", "n"].contains(text.lowercased())
            && Double(text.replacingOccurrences(of: "_", with: "")) == nil
        return plain ? text : "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// Copies the file, then replaces the catalogue; when the catalogue cannot be written, removes the copy and the
    /// folders made for it, so a refusal leaves nothing behind.
    private static func write(source: URL, to destination: URL, catalog text: String, at catalogURL: URL) throws {
        let manager = FileManager.default
        var made: [URL] = []
        var folder = destination.deletingLastPathComponent()
        while !manager.fileExists(atPath: folder.path) {
            made.insert(folder, at: 0)
            folder = folder.deletingLastPathComponent()
        }
        do {
            try manager.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            try manager.copyItem(at: source, to: destination)
            try manager.createDirectory(at: catalogURL.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: catalogURL, options: .atomic)
        } catch {
            try? manager.removeItem(at: destination)
            for folder in made.reversed() { try? manager.removeItem(at: folder) }
            throw error
        }
    }
}
