import Foundation
import ShowroomCore
import ShowroomSite

/// Builds a site with one file as the editor has it, without touching the workspace: a mirror of the workspace
/// made of hard links (`.showroom/studio/preview-workspace`, cheap: no file is copied), the edited file written
/// there as a file of its own, and a build of the one site that writes nothing but hands each page to the
/// studio. The preview is the engine's own HTML for the page, with the engine's own errors and warnings.
final class PreviewWorkspace: Sendable {
    /// The workspace being edited.
    let workspace: URL
    /// The mirror's root.
    let mirror: URL
    /// One preview at a time: they share the mirror.
    let lock = Locked(())

    /// The folders and files of a workspace that a build reads.
    static let mirroredItems = ["showroom.yaml", "sites", "shared", "templates", "assets"]

    init(workspace: URL, mirror: URL) {
        self.workspace = workspace
        self.mirror = mirror
    }

    /// What a preview build gave.
    struct Result: Sendable {
        /// The page's HTML as the build made it; nil when the site did not build (its errors say why).
        var html: String?
        /// Where the page is in the site's output (`about/index.html`).
        var outputPath: String?
        /// Every problem of the build, with paths relative to the workspace.
        var diagnostics: [Diagnostic]
        /// How long the preview took, mirror update included.
        var seconds: Double
    }

    /// Builds `site` with `file` (relative to the workspace) holding `text`, and returns the page made from that
    /// file (the site's home page when the file is not a page of the site: data, a template). Drafts are built,
    /// since the page being edited may be one. Blocks its thread for the length of a build of the site.
    func preview(site: String, file: String, text: String, now: Date = Date()) -> Result {
        lock.withLock { _ in
            let started = Date()
            var diagnostics: [Diagnostic] = []
            do {
                try synchronise()
                try writeEdited(file, text: text)
            } catch {
                diagnostics.append(.error(at: nil, "the preview could not be prepared: \(error.localizedDescription)",
                                          hint: "check that \(mirror.path) can be written; saving still works"))
                return Result(html: nil, outputPath: nil, diagnostics: diagnostics, seconds: Date().timeIntervalSince(started))
            }
            let pages = Locked<[String: [UInt8]]>([:])
            var options = BuildOptions(workspace: mirror, output: mirror.appendingPathComponent(".showroom/output"), sites: [site],
                                       includeDrafts: true, now: now)
            options.inspector = OutputInspector { _, path, contents in
                guard path.hasSuffix(".html"), let contents else { return }
                pages.withLock { $0[path] = contents }
            }
            let report = FleetBuilder.build(options)
            let made = report.sites.first { $0.siteID == site }
            let candidates = (made?.pageFiles ?? [:]).filter { $0.value == file }.keys.sorted { a, b in
                (a.hasSuffix("index.html") ? 0 : 1, a.count, a) < (b.hasSuffix("index.html") ? 0 : 1, b.count, b)
            }
            let path = candidates.first ?? "index.html"
            let html = report.succeeded ? pages.withLock { $0[path] }.map { String(decoding: $0, as: UTF8.self) } : nil
            return Result(html: html, outputPath: html == nil ? nil : path, diagnostics: report.allDiagnostics,
                          seconds: Date().timeIntervalSince(started))
        }
    }

    /// Makes the mirror match the workspace: every file a hard link to the workspace's file (a file replaced by a
    /// save or a `git pull` has a new inode and is linked again), files gone from the workspace removed, and the
    /// photo cache shared, so previews never resize a photo the studio's build already resized.
    func synchronise() throws {
        let manager = FileManager.default
        try manager.createDirectory(at: mirror.appendingPathComponent(".showroom"), withIntermediateDirectories: true)
        let cache = workspace.appendingPathComponent(".showroom/cache")
        try manager.createDirectory(at: cache, withIntermediateDirectories: true)
        let mirroredCache = mirror.appendingPathComponent(".showroom/cache")
        if (try? manager.destinationOfSymbolicLink(atPath: mirroredCache.path)) != cache.path {
            try? manager.removeItem(at: mirroredCache)
            try manager.createSymbolicLink(at: mirroredCache, withDestinationURL: cache)
        }
        var wanted: Set<String> = []
        for item in Self.mirroredItems {
            try mirrorItem(item, wanted: &wanted)
        }
        for item in Self.mirroredItems {
            removeExtras(item, wanted: wanted)
        }
    }

    private func mirrorItem(_ relative: String, wanted: inout Set<String>) throws {
        let source = workspace.appendingPathComponent(relative).path
        let target = mirror.appendingPathComponent(relative).path
        var sourceInfo = stat()
        guard lstat(source, &sourceInfo) == 0 else { return }
        wanted.insert(relative)
        var targetInfo = stat()
        let targetExists = lstat(target, &targetInfo) == 0
        switch sourceInfo.st_mode & S_IFMT {
        case S_IFDIR:
            if targetExists && targetInfo.st_mode & S_IFMT != S_IFDIR { unlink(target) }
            if !targetExists || targetInfo.st_mode & S_IFMT != S_IFDIR { try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true) }
            for name in try FileManager.default.contentsOfDirectory(atPath: source) where !name.hasPrefix(".") {
                try mirrorItem(relative + "/" + name, wanted: &wanted)
            }
        case S_IFREG:
            guard !targetExists || targetInfo.st_ino != sourceInfo.st_ino || targetInfo.st_dev != sourceInfo.st_dev else { return }
            if targetExists { try FileManager.default.removeItem(atPath: target) }
            if link(source, target) != 0 { try FileManager.default.copyItem(atPath: source, toPath: target) }
        case S_IFLNK:
            let destination = try FileManager.default.destinationOfSymbolicLink(atPath: source)
            if targetExists {
                guard (try? FileManager.default.destinationOfSymbolicLink(atPath: target)) != destination else { return }
                try FileManager.default.removeItem(atPath: target)
            }
            try FileManager.default.createSymbolicLink(atPath: target, withDestinationPath: destination)
        default:
            return
        }
    }

    private func removeExtras(_ relative: String, wanted: Set<String>) {
        let target = mirror.appendingPathComponent(relative).path
        guard wanted.contains(relative) else {
            try? FileManager.default.removeItem(atPath: target)
            return
        }
        var info = stat()
        guard lstat(target, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: target)) ?? [] {
            removeExtras(relative + "/" + name, wanted: wanted)
        }
    }

    /// Puts the editor's text at `file` in the mirror as a new file, never through the link (that would write
    /// into the workspace); the next `synchronise` links the workspace's file back.
    func writeEdited(_ file: String, text: String) throws {
        let target = mirror.appendingPathComponent(file)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        unlink(target.path)
        try Data(text.utf8).write(to: target, options: .atomic)
    }
}
