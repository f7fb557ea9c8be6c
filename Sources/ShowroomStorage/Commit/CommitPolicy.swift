/// How a store gathers concurrent writes into one transaction (group commit): a batch is committed when it holds
/// `maxBatch` rows or `window` after its first row arrived, whichever comes first. No caller hears back before the
/// transaction holding its rows has committed.
///
/// `maxQueued` bounds the rows waiting or being committed: one more is refused (`StoreUnavailable.overloaded`), so a
/// store that cannot keep up answers 503 instead of growing. `commitTimeout` bounds how long a caller waits for a
/// store that does not answer (a database that went away); it is then told the write was not taken.
public struct CommitPolicy: Sendable, Hashable {
    public var window: Duration
    public var maxBatch: Int
    public var maxQueued: Int
    /// Batches committing at once: 1 for SQLite (one writer), a few for PostgreSQL (one connection each).
    public var concurrentCommits: Int
    public var commitTimeout: Duration

    public init(window: Duration = .milliseconds(2), maxBatch: Int = 500, maxQueued: Int = 20_000,
                concurrentCommits: Int = 1, commitTimeout: Duration = .seconds(5)) {
        self.window = window
        self.maxBatch = max(1, maxBatch)
        self.maxQueued = max(self.maxBatch, maxQueued)
        self.concurrentCommits = max(1, concurrentCommits)
        self.commitTimeout = commitTimeout
    }

    /// The defaults: a 2 ms window, batches of at most 500 rows, at most 20,000 rows queued, 5 s to commit.
    public static let standard = CommitPolicy()
}
