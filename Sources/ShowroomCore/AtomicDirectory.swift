import CShowroomSupport
import Foundation

/// Replaces a whole output folder in one step, so readers see either the old folder or the new one,
/// never a half-written mix. A failed build never gets this far, so the previous output stays.
public enum AtomicDirectory {
    /// A fresh staging folder next to `destination` (same file system, so the swap is a rename).
    public static func makeStaging(for destination: URL) throws -> URL {
        let parent = destination.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".staging-\(destination.lastPathComponent)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        return staging
    }

    /// Moves `staging` to `destination`. When `destination` exists the two are exchanged atomically
    /// (Linux `renameat2(RENAME_EXCHANGE)`) and the old contents are then removed.
    public static func swap(staging: URL, into destination: URL) throws {
        let fileManager = FileManager.default
        if !fileManager.fileExists(atPath: destination.path) {
            try fileManager.moveItem(at: staging, to: destination)
            return
        }
        if showroom_exchange_paths(staging.path, destination.path) == 0 {
            try? fileManager.removeItem(at: staging)  // now holds the old output
            return
        }
        let old = destination.deletingLastPathComponent()
            .appendingPathComponent(".old-\(destination.lastPathComponent)-\(UUID().uuidString.prefix(8))")
        try fileManager.moveItem(at: destination, to: old)
        try fileManager.moveItem(at: staging, to: destination)
        try? fileManager.removeItem(at: old)
    }

}
