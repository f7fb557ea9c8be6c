/// How a store gathers concurrent writes into one transaction (group commit): a batch is committed when it holds
/// `maxBatch` rows or `window` after its first row arrived, whichever comes first. No caller hears back before the
/// transaction holding its rows has committed.
///
/// `maxQueued` bounds the rows waiting or being committed: one more is refused (`StoreUnavailable.overloaded`), so a
/// store that cannot keep up answers 503 instead of growing. `commitTimeout` bounds how long a caller waits for a
/// store that does not answer (a database that went away); it is then told the write was not taken.
public struct CommitPolicy: Sendable, Hashable {
    /// How long a batch waits for more rows after its first; zero commits as soon as a commit is free.
    public var window: Duration
    /// The most rows one transaction holds; a full batch is committed without waiting for the window.
    public var maxBatch: Int
    /// The most rows waiting or committing; one more is refused (`StoreUnavailable`) and answered 503.
    public var maxQueued: Int
    /// Batches committing at once: 1 for SQLite (one writer), a few for PostgreSQL (one connection each).
    package var concurrentCommits: Int
    /// How long a caller waits for its batch to commit before it is told the write was not taken.
    public var commitTimeout: Duration

    /// A policy with these limits, made consistent: at least one row per batch and one commit at a time, and a queue
    /// that holds a full batch.
    public init(window: Duration = .milliseconds(1), maxBatch: Int = 500, maxQueued: Int = 20_000,
                concurrentCommits: Int = 1, commitTimeout: Duration = .seconds(5)) {
        self.window = window
        self.maxBatch = max(1, maxBatch)
        self.maxQueued = max(self.maxBatch, maxQueued)
        self.concurrentCommits = max(1, concurrentCommits)
        self.commitTimeout = commitTimeout
    }

    /// The defaults: a 1 ms window, batches of at most 500 rows, at most 20,000 rows queued, 5 s to commit. With 2 ms
    /// a free store sat idle for rows already on their way, and with 0 it committed the first row alone and the rest
    /// after it: both answered fewer events a second (docs/collector.md, "Measured").
    public static let standard = CommitPolicy()
}
