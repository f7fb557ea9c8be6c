import Foundation

/// Runs `operation`, but answers `StoreUnavailable.timedOut` if it has not finished within `limit`; the operation goes
/// on by itself (a database that went away may still commit it later), so its result is simply not waited for.
///
/// For the writes that are not group-committed (leads) and for health checks: a caller is never held longer than
/// the limit by a database that does not answer.
func withDeadline<Result: Sendable>(
    _ limit: Duration, _ operation: @escaping @Sendable () async throws -> Result
) async throws -> Result {
    let race = Race<Result>()
    return try await withCheckedThrowingContinuation { continuation in
        race.continuation = continuation
        let work = Task {
            do {
                race.finish(.success(try await operation()))
            } catch {
                race.finish(.failure(error))
            }
        }
        Task {
            guard (try? await Task.sleep(for: limit)) != nil else { return }
            if race.finish(.failure(StoreUnavailable.timedOut(after: limit))) { work.cancel() }
        }
    }
}

/// The first of the operation and the timer to finish resumes the caller; the other finds it answered.
private final class Race<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var waiting: CheckedContinuation<Value, any Error>?

    var continuation: CheckedContinuation<Value, any Error>? {
        get { lock.withLock { waiting } }
        set { lock.withLock { waiting = newValue } }
    }

    /// Resumes the caller unless already resumed; returns whether this call did it.
    @discardableResult
    func finish(_ result: Result<Value, any Error>) -> Bool {
        let continuation = lock.withLock {
            let continuation = waiting
            waiting = nil
            return continuation
        }
        guard let continuation else { return false }
        continuation.resume(with: result)
        return true
    }
}
