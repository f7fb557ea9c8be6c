import Foundation
import ShowroomCore

/// What a model in `shared/data/models.yaml` needs besides its data for the fleet to show it everywhere: a line-up
/// card (`shared/content/lineup/<id>.md`, when the fleet has a line-up), spec pages (a page in
/// `shared/content/models/<id>/`, when the fleet has spec pages) and a Chinese name (`nameZh`, when the
/// fleet has Chinese strings in `shared/i18n/zh-CN.yaml`); and which of its values are still marked `FILL IN`, as
/// `showroom new model` leaves them. Each finding is a warning: the build still works, the sites just lack
/// something.
public enum ModelCompleteness {
    /// A warning for every model that lacks a card, spec pages or a translation, at the model's `id` in
    /// `models.yaml`, and for every `FILL IN` left in the model data's comments or the models' shared pages. Finds
    /// nothing when `models.yaml` is missing or unreadable (the build reports that).
    public static func check(root: URL) -> [Diagnostic] {
        let root = root.standardizedFileURL
        let file = ModelScaffold.modelsFile
        guard let text = try? SourceText.read(path: root.appendingPathComponent(file).path, relativePath: file,
                                              maxBytes: InputLimits.yamlFileBytes),
              let models = try? YAMLNode.parse(text, file: file).items
        else { return [] }
        let content = root.appendingPathComponent(Workspace.sharedContentFolder)
        let lineup = content.appendingPathComponent("lineup")
        let hasLineup = WorkspaceFiles.isDirectory(lineup)
        let cardModels = hasLineup ? modelsWithCards(in: lineup, root: root) : []
        let hasSpecs = WorkspaceFiles.isDirectory(content.appendingPathComponent("models"))
        let hasChinese = FileManager.default.fileExists(atPath: root.appendingPathComponent("shared/i18n/zh-CN.yaml").path)

        var diagnostics: [Diagnostic] = []
        for model in models {
            guard let idNode = model["id"], let id = idNode.scalarText else { continue }
            let name = model["name"]?.scalarText ?? id
            let card = "\(Workspace.sharedContentFolder)/lineup/\(id).md"
            if hasLineup, !cardModels.contains(id) {
                diagnostics.append(.warning(at: idNode.location, "the model `\(id)` has no line-up card, so no line-up shows \(name)",
                                            hint: "create \(card) with `model: \(id)` in its front matter (copy another model's card); "
                                                + "`showroom new model` writes one when it adds a model"))
            }
            let specs = "\(Workspace.sharedContentFolder)/models/\(id)/_index.md"
            let specPages = WorkspaceFiles.list(under: root.appendingPathComponent("\(Workspace.sharedContentFolder)/models/\(id)"),
                                                withExtension: "md", inside: root).paths
            if hasSpecs, specPages.isEmpty {
                diagnostics.append(.warning(at: idNode.location, "the model `\(id)` has no spec pages, so its site has no specifications",
                                            hint: "create \(specs) with `layout: specs` in its front matter (copy another model's "
                                                + "folder in \(Workspace.sharedContentFolder)/models/); `showroom new model` writes them"))
            }
            if hasChinese, model["nameZh"]?.scalarText?.isEmpty ?? true {
                diagnostics.append(.warning(at: idNode.location, "the model `\(id)` has no Chinese name, so Chinese sites show `\(name)`",
                                            hint: "add `nameZh: …` with the Chinese name below `name:` in \(file)"))
            }
            diagnostics += fillIns(inPagesOf: id, root: root)
        }
        return diagnostics + fillInComments(in: text, file: file)
    }

    /// The models that some card in the line-up names with `model: <id>` (the fleet names each card after its model).
    private static func modelsWithCards(in lineup: URL, root: URL) -> Set<String> {
        var ids: Set<String> = []
        for path in WorkspaceFiles.list(under: lineup, withExtension: "md", inside: root).paths {
            ids.insert(String((path as NSString).lastPathComponent.dropLast(3)))
            guard let text = try? String(contentsOf: lineup.appendingPathComponent(path), encoding: .utf8) else { continue }
            for line in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(40) where line.hasPrefix("model:") {
                ids.insert(KeyLine.unquoted(line.dropFirst(6).trimmingCharacters(in: .whitespaces)))
            }
        }
        return ids
    }

    /// Every `# FILL IN` comment in the model data: a value the build needed as written, still to be replaced.
    private static func fillInComments(in text: String, file: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            guard let range = line.range(of: "# FILL IN") else { continue }
            let column = line.distance(from: line.startIndex, to: range.lowerBound) + 1
            let what = line[range.upperBound...].drop { $0 == ":" || $0 == " " }
            diagnostics.append(.warning(at: SourceLocation(file: file, line: index + 1, column: column),
                                        "this value is still marked to fill in: \(what)",
                                        hint: "write the model's own value on this line, then delete the `# FILL IN` comment"))
        }
        return diagnostics
    }

    /// Every line with `FILL IN` in the model's line-up card and spec pages.
    private static func fillIns(inPagesOf id: String, root: URL) -> [Diagnostic] {
        let content = Workspace.sharedContentFolder
        var files = ["\(content)/lineup/\(id).md"]
        let specs = root.appendingPathComponent("\(content)/models/\(id)")
        files += WorkspaceFiles.list(under: specs, withExtension: "md", inside: root).paths.map { "\(content)/models/\(id)/\($0)" }
        var diagnostics: [Diagnostic] = []
        for file in files {
            guard let text = try? String(contentsOf: root.appendingPathComponent(file), encoding: .utf8) else { continue }
            for (index, line) in text.components(separatedBy: "\n").enumerated() {
                guard let range = line.range(of: "FILL IN") else { continue }
                let column = line.distance(from: line.startIndex, to: range.lowerBound) + 1
                var what = String(line[range.lowerBound...].prefix(160))
                if what.hasSuffix("\"") || what.hasSuffix("'") { what.removeLast() }
                diagnostics.append(.warning(at: SourceLocation(file: file, line: index + 1, column: column),
                                            "this page still has text to fill in: \(what)",
                                            hint: "write the model's own text here, then delete the `FILL IN` mark"))
            }
        }
        return diagnostics
    }
}
