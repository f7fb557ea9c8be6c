import Foundation
import ShowroomCore
import ShowroomWorkspace

/// A Markdown image written as a file path (`![Aurora](../../assets/files/photos/aurora.png)`) rather than as a
/// library asset: the built site has no such path, so the picture would be broken. It is an error that says to
/// write `asset:<id>`, with the id of the library asset whose file the path names when there is one.
enum ImageByPath {
    /// The error for an image at `url`, written in the page `page` (a path relative to the workspace root), or nil
    /// when the address is fine here: a web address, a site address outside the library's files (the link check
    /// sees those), or, on a bundle, a relative address outside the library (its own files are checked by `PageBundle`).
    static func problem(_ url: String, at location: SourceLocation, page: String, isBundle: Bool, catalog: AssetCatalog) -> Diagnostic? {
        guard !url.isEmpty, !url.hasPrefix("#"), !url.hasPrefix("//"),
              url.firstIndex(of: ":").map({ colon in url[..<colon].contains("/") }) ?? true
        else { return nil }
        let path = String(url.prefix { $0 != "#" && $0 != "?" }).removingPercentEncoding ?? url
        let resolved = path.hasPrefix("/") ? String(path.dropFirst()) : Self.normalized((page as NSString).deletingLastPathComponent + "/" + path)
        let inLibrary = resolved.hasPrefix(catalog.filesFolder + "/") || path.contains("/\(catalog.filesFolder)/")
        if path.hasPrefix("/") && !inLibrary { return nil }
        if isBundle, !inLibrary { return nil }  // its own files, checked by `PageBundle`, or another page's, by the link check

        let libraryFile = inLibrary ? String(resolved.components(separatedBy: catalog.filesFolder + "/").last ?? "") : nil
        let asset = catalog.assets.values.sorted { $0.id < $1.id }.first { $0.file == libraryFile }
            ?? catalog.assets.values.sorted { $0.id < $1.id }.first { ($0.file as NSString).lastPathComponent == (path as NSString).lastPathComponent }
        let hint = asset.map { "write the image as a library asset: `![…](asset:\($0.id))` (\($0.file) is the asset `\($0.id)`)" }
            ?? "write the image as a library asset, `![…](asset:<id>)` with an id from assets/catalog.yaml (add a new picture with "
            + "`showroom assets add`), or make the page a bundle (`<folder>/index.md`) with the picture beside it"
        return .error(at: location, "the image `\(url)` is a file path, which the built site does not have: pictures are shown by asset id",
                      hint: hint)
    }

    /// `path` with its `.` and `..` segments applied (`sites/a/content/../../assets` → `assets`).
    private static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." || part.isEmpty { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }
}
