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
    /// The staging folder's path (not created when inspecting).
    let folder: String
    let inspector: OutputInspector?
    /// The paths handed to the inspector so far, which stand in for the folder's contents.
    private let inspected = Locked<Set<String>>([])

    init(site: String, folder: String, inspector: OutputInspector?) {
        self.site = site
        self.folder = folder
        self.inspector = inspector
    }

    /// Writes a file the build made, at `path` inside the site's output.
    func write(_ bytes: [UInt8], to path: String) throws(POSIXError) {
        if let inspector {
            inspected.withLock { _ = $0.insert(path) }
            inspector.receive(site, path, bytes)
            return
        }
        try PosixFile.write(bytes, toPath: folder + "/" + path)
    }

    func write(_ text: String, to path: String) throws(POSIXError) {
        if inspector != nil { return try write(Array(text.utf8), to: path) }
        try PosixFile.write(text, toPath: folder + "/" + path)
    }

    /// Whether the site's output already holds `path`.
    func contains(_ path: String) -> Bool {
        if inspector != nil { return inspected.withLock { $0.contains(path) } }
        return FileManager.default.fileExists(atPath: folder + "/" + path)
    }

    /// Hard-links each of `paths` from the live output folder `live` into the staging folder, making folders as
    /// needed: a page the previous build wrote and nothing has changed since. All or nothing: when one cannot be
    /// linked (the live file is gone, another file system), those linked are removed again and it returns false,
    /// and the page is rendered instead. Never when inspecting.
    func reuse(_ paths: [String], from live: String) -> Bool {
        guard inspector == nil else { return false }
        var linked: [String] = []
        for path in paths {
            let target = folder + "/" + path
            var done = Glibc.link(live + "/" + path, target) == 0
            if !done, errno == ENOENT, (try? PosixFile.makeDirectories(parentOf: target)) != nil {
                done = Glibc.link(live + "/" + path, target) == 0
            }
            guard done else {
                for path in linked { unlink(path) }
                return false
            }
            linked.append(target)
        }
        return true
    }

    /// Copies `file` to `path` inside the site's output, making its folders; `hardLink` links instead where
    /// the file system allows (the asset cache's files, which nothing writes into).
    func copy(_ file: URL, to path: String, hardLink: Bool = false) throws {
        if let inspector {
            inspected.withLock { _ = $0.insert(path) }
            inspector.receive(site, path, nil)
            return
        }
        let destination = URL(fileURLWithPath: folder + "/" + path)
        try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        if hardLink, (try? FileManager.default.linkItem(at: file, to: destination)) != nil { return }
        try FileManager.default.copyItem(at: file, to: destination)
    }
}
