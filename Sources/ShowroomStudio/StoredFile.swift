import Foundation
import ShowroomCore

/// A workspace file as the studio opened it: its text and the SHA-256 of its bytes, which the editor sends
/// back on saving so that a file changed on disk in the meantime is never overwritten.
struct StoredFile: Sendable {
    /// Where the file is.
    let path: WorkspacePath
    /// The file's text (empty for a file that does not exist yet).
    let text: String
    /// The SHA-256 of the file's bytes as hex; the hash of no bytes for a file that does not exist.
    let version: String

    /// The largest file the studio opens: pages and data files are far smaller; a bigger file is not the editor's job.
    static let maxBytes = 4 * 1024 * 1024

    /// Why a file could not be read or saved.
    enum Failure: Error, Sendable {
        /// Not UTF-8 text, too big, or unreadable: the reason in the editor's words.
        case unreadable(String)
        /// The file changed on disk since it was opened: what is there now.
        case changedOnDisk(StoredFile)
        /// The file could not be written (a full disk, no permission).
        case unwritable(String)
    }

    /// Reads the file at `path`; a missing file reads as empty.
    static func read(_ path: WorkspacePath) throws(Failure) -> StoredFile {
        let bytes: [UInt8]
        do {
            bytes = try PosixFile.read(path: path.url.path, maxBytes: maxBytes + 1)
        } catch let error where error.code == .ENOENT {
            return StoredFile(path: path, text: "", version: SHA256.hex(of: []))
        } catch {
            throw .unreadable("\(path.relative) cannot be read: \(error.localizedDescription)")
        }
        guard bytes.count <= maxBytes else { throw .unreadable("\(path.relative) is over 4 MB, too big to edit in the studio") }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .unreadable("\(path.relative) is not UTF-8 text, so the studio cannot edit it")
        }
        return StoredFile(path: path, text: text, version: SHA256.hex(of: bytes))
    }

    /// Writes `text` to `path` when the file on disk is still the one the editor opened (`expected` is its
    /// version): a temporary file beside it, flushed, then renamed over it, so a reader sees the old file or
    /// the new one and never half of either. Throws `changedOnDisk` with the current file otherwise.
    static func save(_ text: String, to path: WorkspacePath, expected: String) throws(Failure) -> StoredFile {
        let current = try read(path)
        guard current.version == expected else { throw .changedOnDisk(current) }
        let bytes = Array(text.utf8)
        let folder = path.url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(path.url.lastPathComponent).studio-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            defer { close(descriptor) }
            var written = 0
            while written < bytes.count {
                let result = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, bytes.count - written) }
                guard result > 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
                written += result
            }
            guard fsync(descriptor) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            guard rename(temporary.path, path.url.path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            unlink(temporary.path)
            throw .unwritable("\(path.relative) could not be saved: \(error.localizedDescription); nothing was changed")
        }
        return StoredFile(path: path, text: text, version: SHA256.hex(of: bytes))
    }

    /// Writes `text` as a new file at `path`, never over one: the text goes to a temporary file beside it, is
    /// flushed, then hard-linked to the name, which fails when the name is taken (even by a file made a moment
    /// ago), so an existing page is never replaced. Returns false when the name is taken.
    static func create(_ text: String, at path: WorkspacePath) throws(Failure) -> Bool {
        let folder = path.url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(path.url.lastPathComponent).studio-\(UUID().uuidString)")
        defer { unlink(temporary.path) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            defer { close(descriptor) }
            let bytes = Array(text.utf8)
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress!, bytes.count) }
            guard written == bytes.count, fsync(descriptor) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            guard link(temporary.path, path.url.path) == 0 else {
                if errno == EEXIST { return false }
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
            return true
        } catch {
            throw .unwritable("\(path.relative) could not be made: \(error.localizedDescription); nothing was written")
        }
    }
}
