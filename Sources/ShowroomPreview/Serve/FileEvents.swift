import Foundation
import Glibc

/// Tells at once that something in the workspace changed, so serve need not scan on a timer to notice:
/// Linux inotify watches on the workspace's root and every folder below the watched entries. Serve then
/// scans (`WorkspaceWatcher`) to learn exactly what changed, and also counts the files an event names as
/// changed: two saves within one tick of the file system's clock can leave a file's size and times as they
/// were. Where inotify is unavailable (another system, no watches left) `init` fails and serve scans every
/// `pollInterval` as before.
final class FileEvents {
    private let descriptor: Int32
    private let root: String
    /// Watch descriptor → the folder it watches, relative to the root ("" for the root itself).
    private var folders: [Int32: String] = [:]

    init?(root: URL) {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        self.root = root.standardizedFileURL.path
        // On failure `deinit` closes the descriptor (the object is whole by then).
        guard watchFolders() else { return nil }
    }

    deinit { close(descriptor) }

    private static let mask = UInt32(IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB
        | IN_DELETE_SELF | IN_MOVE_SELF)

    /// Adds a watch on the root and every folder below the watched entries; false when the system refuses
    /// one (too many watches). Folders made later are added as their events arrive.
    private func watchFolders() -> Bool {
        guard add("") else { return false }
        for entry in WorkspaceWatcher.watched {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root + "/" + entry, isDirectory: &isFolder), isFolder.boolValue else { continue }
            guard walk(entry) else { return false }
        }
        return true
    }

    private func add(_ relative: String) -> Bool {
        let path = relative.isEmpty ? root : root + "/" + relative
        let watch = inotify_add_watch(descriptor, path, Self.mask)
        guard watch >= 0 else { return errno == ENOENT }  // a folder removed meanwhile is no failure
        folders[watch] = relative
        return true
    }

    private func walk(_ relative: String) -> Bool {
        guard add(relative), let directory = opendir(root + "/" + relative) else { return true }
        defer { closedir(directory) }
        var children: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.baseAddress!.assumingMemoryBound(to: CChar.self)) }
            guard !name.hasPrefix("."), entry.pointee.d_type == UInt8(DT_DIR) else { continue }
            children.append(relative + "/" + name)
        }
        for child in children where !walk(child) { return false }
        return true
    }

    /// The workspace paths events named since the last call (files and folders, relative to the root), or
    /// nil when none arrived. Never blocks.
    func drain() -> Set<String>? {
        var named: Set<String>? = nil
        let size = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: MemoryLayout<inotify_event>.alignment)
        defer { buffer.deallocate() }
        while true {
            let count = read(descriptor, buffer, size)
            guard count > 0 else { break }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
                var name = ""
                if event.len > 0 {
                    name = String(cString: (buffer + offset + MemoryLayout<inotify_event>.size).assumingMemoryBound(to: CChar.self))
                }
                if named == nil { named = [] }
                // The queue overflowed: events were lost, so every watched entry is named and scanned.
                if event.mask & UInt32(IN_Q_OVERFLOW) != 0 { named?.formUnion(WorkspaceWatcher.watched) }
                if let folder = folders[event.wd], !name.isEmpty, !name.hasPrefix(".") {
                    let path = folder.isEmpty ? name : folder + "/" + name
                    named?.insert(path)
                    // A folder moved away keeps its watches under its old name: they are dropped, and the folder is
                    // watched again where it arrives.
                    if event.mask & UInt32(IN_ISDIR) != 0, event.mask & UInt32(IN_MOVED_FROM) != 0 {
                        for (watch, watched) in folders where watched == path || watched.hasPrefix(path + "/") {
                            inotify_rm_watch(descriptor, watch)
                            folders[watch] = nil
                        }
                    }
                    // A new folder (a section, a bundle) is watched from now on, with what it holds.
                    if event.mask & UInt32(IN_ISDIR) != 0, event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0,
                       folder.isEmpty ? WorkspaceWatcher.watched.contains(name) : true {
                        _ = walk(path)
                    }
                }
                if event.mask & UInt32(IN_IGNORED) != 0 { folders[event.wd] = nil }
                offset += MemoryLayout<inotify_event>.size + Int(event.len)
            }
        }
        return named
    }
}
