import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Whole-file reads and writes by path with plain POSIX calls, for the build's hot loops.
///
/// Foundation's `Data(contentsOf:)`, `URL.appendingPathComponent` and `FileManager.createDirectory` each
/// add `stat` calls and allocations per file; on a build of 50,000 pages they were a tenth of its time.
/// Everything here works on path strings and costs the system calls it must: one `open`, `fstat`, `read`
/// and `close` to read, one `open`, `write` and `close` to write (plus `mkdir` for a missing folder).
public enum PosixFile {
    /// The bytes of the regular file at `path`; `EFBIG` when it holds more than `maxBytes`, `EINVAL` when it
    /// is not a regular file (a FIFO or a device would block the build or never end).
    public static func read(path: String, maxBytes: Int = .max) throws(POSIXError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        if descriptor < 0 { throw currentError() }
        defer { close(descriptor) }
        var status = stat()
        if fstat(descriptor, &status) != 0 { throw currentError() }
        guard status.st_mode & S_IFMT == S_IFREG else { throw POSIXError(.EINVAL) }
        let size = max(Int(status.st_size), 0)
        if size > maxBytes { throw POSIXError(.EFBIG) }
        var failure: POSIXError?
        // The size `fstat` gave, in as few reads as the kernel allows (one, for a workspace file); files
        // that report no size (pipes, /proc) are read in chunks to their end.
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = readFully(descriptor, into: buffer, failure: &failure)
        }
        while failure == nil, size == 0 {
            let more = [UInt8](unsafeUninitializedCapacity: 64 * 1024) { buffer, count in
                count = readFully(descriptor, into: buffer, failure: &failure)
            }
            if more.isEmpty { break }
            bytes += more
            if bytes.count > maxBytes { throw POSIXError(.EFBIG) }
        }
        if let failure { throw failure }
        return bytes
    }

    /// Reads until `buffer` is full or the file ends; returns the number of bytes read.
    private static func readFully(_ descriptor: Int32, into buffer: UnsafeMutableBufferPointer<UInt8>, failure: inout POSIXError?) -> Int {
        var count = 0
        while count < buffer.count {
            let result = Glibc.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            if result < 0 {
                if errno == EINTR { continue }
                failure = currentError()
                return count
            }
            if result == 0 { break }
            count += result
        }
        return count
    }

    /// Writes `text` to `path`, replacing the file. Creates missing folders only when the first attempt finds
    /// one missing: in a build most folders already exist once a sibling has been written.
    ///
    /// No temporary file and no `fsync`: the build writes into a staging folder that is swapped in whole.
    public static func write(_ text: String, toPath path: String) throws(POSIXError) {
        var text = text
        let failure = text.withUTF8 { buffer in attempt { () throws(POSIXError) in try write(buffer, toPath: path) } }
        if let failure { throw failure }
    }

    /// Writes `bytes` to `path`, as `write(_:toPath:)` writes text.
    public static func write(_ bytes: [UInt8], toPath path: String) throws(POSIXError) {
        let failure = bytes.withUnsafeBufferPointer { buffer in attempt { () throws(POSIXError) in try write(buffer, toPath: path) } }
        if let failure { throw failure }
    }

    /// The error `body` throws, if any: the buffer accessors rethrow untyped errors.
    private static func attempt(_ body: () throws(POSIXError) -> Void) -> POSIXError? {
        do {
            try body()
            return nil
        } catch {
            return error
        }
    }

    private static func write(_ buffer: UnsafeBufferPointer<UInt8>, toPath path: String) throws(POSIXError) {
        if try writeOnce(buffer, toPath: path) { return }
        try makeDirectories(parentOf: path)
        if try !writeOnce(buffer, toPath: path) { throw POSIXError(.ENOENT) }
    }

    /// Creates the folder that holds `path`, and its missing parents.
    package static func makeDirectories(parentOf path: String) throws(POSIXError) {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")), slash != path.utf8.startIndex else { return }
        let parent = String(path[..<slash])
        if mkdir(parent, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT else { throw currentError() }
        try makeDirectories(parentOf: parent)
        if mkdir(parent, 0o755) != 0 && errno != EEXIST { throw currentError() }
    }

    /// Returns false when the folder does not exist; throws on any other failure.
    private static func writeOnce(_ buffer: UnsafeBufferPointer<UInt8>, toPath path: String) throws(POSIXError) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        if descriptor < 0 {
            if errno == ENOENT { return false }
            throw currentError()
        }
        defer { close(descriptor) }
        var offset = 0
        while offset < buffer.count {
            let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw currentError()
            }
            offset += written
        }
        return true
    }

    private static func currentError() -> POSIXError {
        POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
    }
}

extension POSIXError {
    /// The system's own words for the error, e.g. "No such file or directory".
    public var message: String { String(cString: strerror(code.rawValue)) }
}
