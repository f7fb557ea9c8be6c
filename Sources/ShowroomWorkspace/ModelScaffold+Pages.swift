import Foundation
import ShowroomCore

/// The new model's shared pages: the similar model's line-up card (`shared/content/lineup/<like>.md`) and spec
/// pages (`shared/content/models/<like>/`), copied with the new names, ids and address. Text that describes the
/// copied model gets a `FILL IN` line that `check` lists; asset ids and the card's weight keep the copied value
/// with a `# FILL IN` comment, since the build needs them as they are.
extension ModelScaffold {
    /// The new files (relative to the root) and the spec pages folder they go in.
    static func copiedPages(in root: URL, names: Names) -> (files: [(path: String, bytes: Data)], specsFolder: String) {
        let content = Workspace.sharedContentFolder
        var files: [(path: String, bytes: Data)] = []
        let card = root.appendingPathComponent("\(content)/lineup/\(names.likeID).md")
        if let text = try? String(contentsOf: card, encoding: .utf8) {
            files.append(("\(content)/lineup/\(names.id).md", Data(rewritePage(text, names: names, isCard: true).utf8)))
        }
        let specsFolder = "\(content)/models/\(names.id)"
        let likeSpecs = root.appendingPathComponent("\(content)/models/\(names.likeID)")
        let listing = WorkspaceFiles.list(under: likeSpecs, inside: root)
        for path in listing.paths {
            guard let bytes = try? Data(contentsOf: likeSpecs.appendingPathComponent(path)) else { continue }
            if path.hasSuffix(".md"), let text = String(data: bytes, encoding: .utf8) {
                files.append(("\(specsFolder)/\(path)", Data(rewritePage(text, names: names, isCard: false).utf8)))
            } else {
                files.append(("\(specsFolder)/\(path)", bytes))
            }
        }
        return (files, specsFolder)
    }

    /// The shared sections whose `_index.md` lists every model in `tags: [...]`, so that a mount filtered by the
    /// model's tag keeps its section page, with the new id added to that list.
    static func taggedSections(in root: URL, id: String) -> [(path: String, text: String, original: String)] {
        var changed: [(path: String, text: String, original: String)] = []
        for section in ["lineup", "news", "stories"] {
            let path = "\(Workspace.sharedContentFolder)/\(section)/_index.md"
            guard let text = try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8) else { continue }
            var lines = text.components(separatedBy: "\n")
            guard lines.first == "---", let close = lines.dropFirst().firstIndex(of: "---"),
                  let index = lines[1..<close].firstIndex(where: { $0.hasPrefix("tags: [") && $0.hasSuffix("]") }) else { continue }
            let tags = lines[index].dropFirst(7).dropLast().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard !tags.contains(id) else { continue }
            lines[index] = "tags: [" + (tags + [id]).joined(separator: ", ") + "]"
            changed.append((path, lines.joined(separator: "\n"), text))
        }
        return changed
    }

    /// A copied page: YAML front matter rewritten key by key, the body renamed; a body that describes the copied
    /// model starts with a `FILL IN` line.
    static func rewritePage(_ text: String, names: Names, isCard: Bool) -> String {
        var lines = text.components(separatedBy: "\n")
        guard lines.first == "---", let close = lines.dropFirst().firstIndex(of: "---") else { return renamed(text, names) }
        var parent: String?
        for index in 1..<close {
            guard let line = KeyLine(lines[index]) else { continue }
            if line.keyIndent == 0 { parent = line.value.isEmpty ? line.key : nil }
            let key = line.keyIndent == 0 ? line.key : parent.map { "\($0).\(line.key ?? "-")" }
            lines[index] = rewrittenFrontMatter(line, key: key, names: names, isCard: isCard)
        }
        let body = lines[(close + 1)...].joined(separator: "\n")
        var result = lines[...close].joined(separator: "\n") + "\n"
        if body.contains(names.likeShortName) {
            result += "FILL IN: this text is still the \(names.likeShortName)'s with the names changed; rewrite it for the "
                + "\(names.shortName), then delete this line.\n\n"
        }
        return result + renamed(body, names)
    }

    private static func rewrittenFrontMatter(_ line: KeyLine, key: String?, names: Names, isCard: Bool) -> String {
        let theirs = "the \(names.likeShortName)'s"
        switch key {
        case "title" where isCard: return line.with(value: plainOrQuoted(names.name))
        case "model": return line.with(value: names.id)
        case "description" where isCard, "summary" where isCard:
            return line.with(value: fillIn("the card's \(key!) (\(theirs): \(KeyLine.unquoted(line.value)))"))
        case "hero", "brochure", "gallery", "gallery.-":
            return line.commented("FILL IN: the \(names.shortName)'s own asset ids; these are still \(theirs)")
        case "weight" where isCard:
            return line.commented("FILL IN: the card's place in the line-up; the fleet uses the from-price in thousands")
        case "tags":
            return line.with(value: renamedTags(line.value, names))
        case "cta.url": return line.with(value: names.website)
        default: return renamed(line.text, names)
        }
    }

    /// `[lumen, aurora]` with the copied model's id and brand replaced by the new ones.
    private static func renamedTags(_ value: String, _ names: Names) -> String {
        guard value.hasPrefix("["), value.hasSuffix("]") else { return value }
        let tags = value.dropFirst().dropLast().split(separator: ",").map { tag -> String in
            let tag = tag.trimmingCharacters(in: .whitespaces)
            if tag == names.likeID { return names.id }
            if tag == names.likeBrand { return names.brand }
            return tag
        }
        return "[" + tags.joined(separator: ", ") + "]"
    }

    /// `text` with the copied model's full name, short name and (when the brands differ) brand name replaced.
    static func renamed(_ text: String, _ names: Names) -> String {
        var text = text.replacingOccurrences(of: names.likeName, with: names.name)
        text = text.replacingOccurrences(of: names.likeShortName, with: names.shortName)
        if names.likeBrandShortName != names.brandShortName {
            text = text.replacingOccurrences(of: names.likeBrandShortName, with: names.brandShortName)
        }
        return text
    }
}
