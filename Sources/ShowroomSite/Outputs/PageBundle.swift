import Foundation
import ShowroomCore
import ShowroomWorkspace

/// A page written as `<folder>/index.md` with its files beside it (Hugo's leaf bundle): relative links and
/// images in its Markdown name those files, which are placed in the page's output folder, so the same
/// relative address works in the editor's preview and on the site.
enum PageBundle {
    /// The bundle file a relative address names (`photo.jpg`, `./img/map.png` → `img/map.png`), or nil for an
    /// address that is not relative (a scheme, `/…`, `#…`, `//host`) or leaves the folder.
    static func file(referencedBy url: String) -> String? {
        guard !url.isEmpty, !url.hasPrefix("/"), !url.hasPrefix("#"), !url.hasPrefix("?"),
              url.firstIndex(of: ":").map({ colon in !url[..<colon].contains("/") }) != true
        else { return nil }
        var path = String(url.prefix { $0 != "#" && $0 != "?" })
        while path.hasPrefix("./") { path.removeFirst(2) }
        path = path.removingPercentEncoding ?? path
        guard !path.isEmpty, LinkRules.staysInside(relativePath: path) else { return nil }
        return path
    }

    static func missingFile(_ file: String, at location: SourceLocation, folder page: String) -> Diagnostic {
        let folder = (page as NSString).deletingLastPathComponent
        return .error(at: location, "the page bundle has no file `\(file)`: there is no \(folder)/\(file)",
                      hint: "put the file next to index.md in \(folder)/, correct the name, or use a library asset as `asset:<id>`")
    }

    /// Copies the bundle's files into `folder` (the page's output folder inside the site's output, `news/launch/`).
    /// Copies, not hard links: a later output written at the same path must never write into the workspace's own
    /// file. A file reached through a link inside the workspace is copied as the file it leads to.
    static func place(_ source: PageSource, in folder: String, of files: SiteFiles, root: URL) -> (files: Int, diagnostics: [Diagnostic]) {
        let bundle = root.appendingPathComponent((source.file as NSString).deletingLastPathComponent)
        var placed = 0
        var diagnostics: [Diagnostic] = []
        for file in source.bundleFiles where LinkRules.staysInside(relativePath: file) {
            let from = bundle.appendingPathComponent(file).resolvingSymlinksInPath()
            let to = folder + file
            do {
                if files.contains(to) {
                    diagnostics.append(.error(at: SourceLocation(file: "\((source.file as NSString).deletingLastPathComponent)/\(file)"),
                                              "the bundle file would replace another output of the site at \((to as NSString).lastPathComponent)",
                                              hint: "rename the file"))
                    continue
                }
                try files.copy(from, to: to)
                placed += 1
            } catch {
                diagnostics.append(.error(at: SourceLocation(file: "\((source.file as NSString).deletingLastPathComponent)/\(file)"),
                                          "cannot copy the bundle file into the output: \(error.localizedDescription)"))
            }
        }
        return (placed, diagnostics)
    }
}
