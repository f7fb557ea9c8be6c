import Foundation

/// The exclusive lock of one site's publish folder, `DIR/<site>/.publish.lock`, held with flock(2) for the
/// whole of a publish or rollback, so two of them never work on one site's releases at the same time.
///
/// The kernel drops the lock when its holder exits, also when it is killed, so there are no stale locks to
/// clear by hand; the file stays (deleting it would let a third publish lock a new file beside a running
/// one). While it holds the lock a publish writes its process id into the file, for the message of one
/// that waits in vain.
enum PublishLock {
    /// Runs `body` holding the lock in `file`, after waiting up to `wait` for another publish to finish.
    static func holding<Value>(_ file: URL, site: String, wait: Duration, _ body: () throws -> Value) throws -> Value {
        let descriptor = open(file.path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { throw Publisher.Failure.cannotLock(site: site, file: file, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        let deadline = ContinuousClock.now + wait
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            guard code == EWOULDBLOCK || code == EINTR else {
                throw Publisher.Failure.cannotLock(site: site, file: file, reason: String(cString: strerror(code)))
            }
            guard ContinuousClock.now < deadline else {
                throw Publisher.Failure.busy(site: site, lockFile: file, holder: holder(descriptor), waited: wait)
            }
            usleep(50_000)
        }
        let note = Array("\(getpid())\n".utf8)
        if ftruncate(descriptor, 0) == 0 { _ = pwrite(descriptor, note, note.count, 0) }
        defer { _ = ftruncate(descriptor, 0) }
        return try body()
    }

    /// The process id the holder wrote into the lock file, if it is readable.
    private static func holder(_ descriptor: Int32) -> Int? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        return Int(String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
