import Foundation
import ShowroomCore

/// Receives the files of a build that writes nothing to disk. `showroom check` reads each page as the
/// build makes it, so checking a fleet costs one build plus the reading, without a folder of pages to
/// write and delete again.
public struct OutputInspector: Sendable {
    /// Called from the build's threads for every file of every site that builds: the site's id, the file's
    /// path inside the site's output (`news/launch/index.html`), and its bytes for the files the build
    /// makes (pages, feeds, the sitemap, robots.txt) or nil for those it copies (assets, bundle files).
    public var receive: @Sendable (_ site: String, _ path: String, _ contents: [UInt8]?) -> Void

    /// An inspector that hands every file to `receive`.
    public init(_ receive: @escaping @Sendable (_ site: String, _ path: String, _ contents: [UInt8]?) -> Void) {
        self.receive = receive
    }
}

/// Where one site's files go: its staging folder, or an inspector when the build writes nothing. Every
/// output writes through here, so both kinds of build make the same files and refuse the same collisions.
struct SiteFiles: Sendable {
    let site: String
    /// The staging folder's path (not created when inspecting); the live folder when building in place.
    let folder: String
    let inspector: OutputInspector?
    /// When building in place: what the build makes, applied once it built without errors.
    let changes: SiteChanges?
    /// Every path the output holds so far (written, copied or kept), for the build record and, when inspecting or
    /// building in place, in place of the folder's contents.
    private let made = Locked<Set<String>>([])

    init(site: String, folder: String, inspector: OutputInspector?, changes: SiteChanges? = nil) {
        self.site = site
        self.folder = folder
        self.inspector = inspector
        self.changes = changes
    }

    /// Every path the output holds.
    var outputs: Set<String> { made.withLock { $0 } }

    /// Writes a file the build made, at `path` inside the site's output.
    func write(_ bytes: [UInt8], to path: String) throws(POSIXError) {
        let again = !made.withLock { $0.insert(path).inserted }
        if let inspector {
            inspector.receive(site, path, bytes)
            return
        }
        if let changes { return changes.write(bytes, to: path) }
        // A path made before may be a link to the live output's file: writing through it would change that one.
        if again { unlink(folder + "/" + path) }
        try PosixFile.write(bytes, toPath: folder + "/" + path)
    }

    func write(_ text: String, to path: String) throws(POSIXError) {
        if inspector != nil || changes != nil { return try write(Array(text.utf8), to: path) }
        if !made.withLock({ $0.insert(path).inserted }) { unlink(folder + "/" + path) }
        try PosixFile.write(text, toPath: folder + "/" + path)
    }

    /// Whether the site's output already holds `path`.
    func contains(_ path: String) -> Bool {
        if inspector != nil || changes != nil { return made.withLock { $0.contains(path) } }
        return FileManager.default.fileExists(atPath: folder + "/" + path)
    }

    /// Hard-links each of `paths` from the live output folder `live` into the staging folder, making folders as
    /// needed: a page the previous build wrote and nothing has changed since. All or nothing: when one cannot be
    /// linked (the live file is gone, another file system), those linked are removed again and it returns false,
    /// and the page is rendered instead. Never when inspecting.
    func reuse(_ paths: [String], from live: String) -> Bool {
        guard inspector == nil else { return false }
        if let changes {
            guard changes.keep(paths) else { return false }
            made.withLock { $0.formUnion(paths) }
            return true
        }
        var linked: [String] = []
        for path in paths {
            let target = folder + "/" + path
            // A page's folder is its own: making it first saves a failed link per page.
            if let slash = target.utf8.lastIndex(of: UInt8(ascii: "/")), mkdir(String(target[..<slash]), 0o755) != 0, errno == ENOENT {
                try? PosixFile.makeDirectories(parentOf: target)
            }
            guard Glibc.link(live + "/" + path, target) == 0 else {
                for path in linked { unlink(path) }
                return false
            }
            linked.append(target)
        }
        made.withLock { $0.formUnion(paths) }
        return true
    }

    /// Copies `file` to `path` inside the site's output, making its folders; `hardLink` links instead where
    /// the file system allows (the asset cache's files, which nothing writes into).
    func copy(_ file: URL, to path: String, hardLink: Bool = false) throws {
        made.withLock { _ = $0.insert(path) }
        if let inspector {
            inspector.receive(site, path, nil)
            return
        }
        if let changes { return changes.copy(file, to: path, hardLink: hardLink) }
        let destination = URL(fileURLWithPath: folder + "/" + path)
        try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        if hardLink, (try? FileManager.default.linkItem(at: file, to: destination)) != nil { return }
        try FileManager.default.copyItem(at: file, to: destination)
    }
}
