import Foundation

/// A value shared between threads, guarded by a lock: the project's one lock wrapper (the collection
/// service's shared state, the file caches). The platforms we support predate `Mutex`.
package final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    package init(_ value: Value) {
        self.value = value
    }

    package func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
