import Foundation
import ShowroomCore
#if canImport(Glibc)
import Glibc
#endif

/// What identifies a version of a file without reading it: size, modification and change times (to the
/// nanosecond), inode and device. The change time moves on every write and cannot be set back, so a copy
/// that keeps the modification time (`cp -p`, `rsync -t`, `tar x`) still counts as a change.
public struct FileStamp: Sendable, Hashable {
    /// The file's size in bytes.
    public var size: Int
    /// The modification time, in nanoseconds since 1970.
    public var modified: Int
    /// The status change time, in nanoseconds since 1970.
    public var changed: Int
    /// The file's inode: a file replaced by another under the same name gets a new one.
    public var inode: UInt64
    /// The device the file is on.
    public var device: UInt64

    /// A stamp with the given values (the times in nanoseconds since 1970).
    public init(size: Int, modified: Int, changed: Int = 0, inode: UInt64 = 0, device: UInt64 = 0) {
        self.size = size
        self.modified = modified
        self.changed = changed
        self.inode = inode
        self.device = device
    }

    /// The stamp of the regular file at `path`; nil when there is none.
    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        size = Int(info.st_size)
        modified = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
        changed = Int(info.st_ctim.tv_sec) * 1_000_000_000 + Int(info.st_ctim.tv_nsec)
        inode = UInt64(info.st_ino)
        device = UInt64(info.st_dev)
    }

    /// Whether the file changed less than `window` ago: so recently that another write in the same clock
    /// tick could leave the stamp as it is (file system clocks advance in steps of milliseconds, some in seconds).
    package func isRecent(within window: Duration) -> Bool {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let nanoseconds = Int(now.tv_sec) * 1_000_000_000 + Int(now.tv_nsec)
        let (seconds, attoseconds) = window.components
        return nanoseconds - max(modified, changed) < Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
    }
}

/// Values made from files, kept while the file's stamp stays the same. Long-running commands (`serve`)
/// rebuild many times; the workspace's YAML and the build records then need reading only when they change.
package final class FileCache<Value: Sendable>: Sendable {
    private let entries = Locked<[String: Entry]>([:])
    private struct Entry {
        var stamp: FileStamp
        var value: Value
    }
    private let racyWindow: Duration

    /// `racyWindow`: files changed more recently than this are made afresh every time (see `value`).
    package init(racyWindow: Duration = .seconds(2)) {
        self.racyWindow = racyWindow
    }

    /// The value for the file at `path`, made by `make` unless the file is unchanged since the last call
    /// with the same `key` (for what else the value depends on). Failures are not kept. A file that cannot
    /// be stamped is always made afresh.
    package func value<Failure: Error>(forPath path: String, key: String = "", make: () throws(Failure) -> Value) throws(Failure) -> Value {
        guard let stamp = FileStamp(path: path) else { return try make() }
        let entryKey = key + "\u{0}" + path
        if let entry = entries.withLock({ $0[entryKey] }), entry.stamp == stamp { return entry.value }
        let value = try make()
        // A file written moments ago is not kept: a second write in the same clock tick with the same size
        // would look unchanged (git's "racy clean" rule).
        if !stamp.isRecent(within: racyWindow) { entries.withLock { $0[entryKey] = Entry(stamp: stamp, value: value) } }
        return value
    }
}
