import Foundation
import ShowroomCore

/// A build in place (serve's rebuilds): the files a site's build makes are gathered here while it builds, and
/// written into the live output folder only once the whole site built without errors, each through a
/// temporary file renamed over the old one. Pages kept from the previous build cost nothing; the files the
/// previous build made and this one does not are removed. A reader sees each file whole, old or new; a failed
/// build changes nothing. A build into a staging folder copies or links every file and removes every old one,
/// which on a 2,000-page site is thousands of file-system operations for a one-page edit.
final class SiteChanges: Sendable {
    /// The live output folder.
    let live: String
    private struct State {
        var written: [String: [UInt8]] = [:]
        var copied: [String: (source: URL, hardLink: Bool)] = [:]
    }
    private let state = Locked(State())

    init(live: String) { self.live = live }

    func write(_ bytes: [UInt8], to path: String) {
        state.withLock { $0.written[path] = bytes }
    }

    func copy(_ file: URL, to path: String, hardLink: Bool) {
        state.withLock { $0.copied[path] = (file, hardLink) }
    }

    /// Whether every one of `paths` is in the live output, to be kept as it is.
    func keep(_ paths: [String]) -> Bool {
        paths.allSatisfy { access(live + "/" + $0, F_OK) == 0 }
    }

    /// Writes what the build made and removes `previous` outputs it no longer makes (`outputs` is everything
    /// the new output holds). Throws on the first failure; what was applied by then stays.
    func apply(outputs: Set<String>, removing previous: [String]) throws {
        let (written, copied) = state.withLock { ($0.written, $0.copied) }
        for path in written.keys.sorted() {
            let target = live + "/" + path
            let temporary = Self.temporary(for: target)
            try PosixFile.write(written[path]!, toPath: temporary)
            guard rename(temporary, target) == 0 else {
                unlink(temporary)
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
        }
        for path in copied.keys.sorted() {
            let (source, hardLink) = copied[path]!
            let target = live + "/" + path
            // Library assets are named by their content: one already there is this one.
            if hardLink, access(target, F_OK) == 0 { continue }
            let temporary = URL(fileURLWithPath: Self.temporary(for: target))
            try FileManager.default.createDirectory(at: temporary.deletingLastPathComponent(), withIntermediateDirectories: true)
            if !hardLink || (try? FileManager.default.linkItem(at: source, to: temporary)) == nil {
                try FileManager.default.copyItem(at: source, to: temporary)
            }
            guard rename(temporary.path, target) == 0 else {
                unlink(temporary.path)
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
        }
        var folders: Set<String> = []
        for path in previous where !outputs.contains(path) {
            guard LinkRules.staysInside(relativePath: path) else { continue }
            unlink(live + "/" + path)
            var folder = (path as NSString).deletingLastPathComponent
            while !folder.isEmpty {
                folders.insert(folder)
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
        // Deepest first; a folder that still holds files stays.
        for folder in folders.sorted(by: { $0.count > $1.count }) { rmdir(live + "/" + folder) }
    }

    private static func temporary(for target: String) -> String {
        let folder = (target as NSString).deletingLastPathComponent
        return folder + "/.showroom-new-" + UUID().uuidString.prefix(8) + "-" + (target as NSString).lastPathComponent
    }
}
