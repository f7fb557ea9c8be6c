import Foundation

/// A page made from the "New page" form: where it goes (a section of a site's content), the address it gets, and
/// its first text, whose front matter follows the section's newest page so the new page fits its list.
struct NewPage: Sendable {
    var site: String
    /// The folder under the site's `content/` (`news`), or empty for the site's top level.
    var section: String
    var title: String
    var slug: String

    /// The file, relative to the workspace.
    var file: String {
        "sites/\(site)/content/" + (section.isEmpty ? "" : section + "/") + slug + ".md"
    }

    /// The sections of `site`: its top level and every folder of its content that holds pages.
    static func sections(of site: String, in workspace: URL) -> [String] {
        let content = workspace.appendingPathComponent("sites/\(site)/content")
        guard let walker = FileManager.default.enumerator(at: content, includingPropertiesForKeys: [.isDirectoryKey],
                                                           options: [.skipsHiddenFiles]) else { return [""] }
        var sections: Set<String> = [""]
        let prefix = content.resolvingSymlinksInPath().path + "/"
        for case let url as URL in walker where url.pathExtension == "md" {
            let folder = url.deletingLastPathComponent().resolvingSymlinksInPath().path + "/"
            if folder.hasPrefix(prefix), folder != prefix { sections.insert(String(folder.dropFirst(prefix.count).dropLast())) }
        }
        return sections.sorted()
    }

    /// The address made from a title: lower-case ASCII letters and digits, every other run of characters one
    /// hyphen (`Summer offer: 0% finance` → `summer-offer-0-finance`); empty for a title without any (a Chinese
    /// title), which then needs an address of its own.
    static func slug(from title: String) -> String {
        var slug = ""
        for character in title.lowercased() {
            if character.isASCII, character.isLetter || character.isNumber {
                slug.append(character)
            } else if !slug.isEmpty, slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return String(slug.prefix(80))
    }

    /// Whether `slug` is an address the studio makes a page at: lower-case letters and digits in words joined by
    /// single hyphens, at most 80 characters (no `/`, `.`, spaces, so it stays one file in the section).
    static func isValid(slug: String) -> Bool {
        slug.count <= 80 && slug.wholeMatch(of: /[a-z0-9]+(-[a-z0-9]+)*/) != nil
    }

    /// The new page's text: `title`, `date` (today) and `draft: true` (it is not published until the box is
    /// unticked), then the other front matter keys of `sample` (the section's newest page) with its values as a
    /// starting point, and an empty body.
    func text(sample: PageDocument?, today: String) -> String {
        var lines = ["---", "title: \(YAMLScalar.encode(title, asText: true))", "date: \(today)", "draft: true"]
        for entry in sample?.entries ?? [] {
            guard let key = entry.key, !PageDocument.mainKeys.contains(key), !["slug", "url", "aliases", "translationKey"].contains(key) else { continue }
            lines.append(entry.text)
        }
        return (lines + ["---", ""]).joined(separator: "\n")
    }

    /// The newest page of the section (by its `date`, then its name), whose front matter a new page follows.
    static func sample(site: String, section: String, in workspace: URL) -> PageDocument? {
        let folder = workspace.appendingPathComponent("sites/\(site)/content/\(section)")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".md") && !$0.hasPrefix("_") && !$0.hasPrefix(".") }
        let documents = names.compactMap { name -> (String, PageDocument)? in
            guard let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8),
                  let document = PageDocument.parse(text) else { return nil }
            return (name, document)
        }
        return documents.max { ($0.1.entry("date")?.value ?? "", $0.0) < ($1.1.entry("date")?.value ?? "", $1.0) }?.1
    }
}
