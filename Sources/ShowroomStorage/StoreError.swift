/// A store that cannot be opened or read, in a sentence operations can act on (a wrong address, a missing file).
public struct StoreError: Error, CustomStringConvertible, Sendable {
    /// The sentence itself, which the command prints as its error.
    public var description: String

    /// An error that says `description`: what is wrong and how to fix it.
    package init(_ description: String) {
        self.description = description
    }
}

/// A write the store did not take, and why: the caller must not acknowledge it, and may try again shortly.
package struct StoreUnavailable: Error, CustomStringConvertible, Sendable, Hashable {
    /// Why the write was not taken (a full queue, a timeout, a server gone), for the log line and the 503 answer.
    package var description: String

    /// A refusal that says `description`; `overloaded(limit:)` and `timedOut(after:)` word the write queue's own.
    package init(_ description: String) {
        self.description = description
    }

    /// The write queue is full: the database cannot keep up, or is gone.
    static func overloaded(limit: Int) -> StoreUnavailable {
        StoreUnavailable("the store's write queue is full (\(limit) rows waiting); the database is slow or unreachable")
    }

    /// The database did not finish the transaction in time.
    static func timedOut(after limit: Duration) -> StoreUnavailable {
        StoreUnavailable("the database did not answer within \(limit.formattedSeconds); it is slow or unreachable")
    }
}

extension Duration {
    /// `2.5 s`, for messages.
    var formattedSeconds: String {
        let seconds = Double(components.seconds) + Double(components.attoseconds) / 1e18
        return seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
    }
}
