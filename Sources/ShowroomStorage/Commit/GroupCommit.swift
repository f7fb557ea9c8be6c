/// Gathers the writes of concurrent requests into batches and commits each batch in one transaction (group
/// commit), as `CommitPolicy` says: a batch goes when it holds `maxBatch` rows or its window has passed.
///
/// Every caller waits for the commit of the transaction that holds its rows and gets its own rows' outcomes back,
/// or that transaction's error; a caller whose batch takes longer than `commitTimeout` is told so
/// (`StoreUnavailable`) while the commit goes on. Rows waiting or committing are bounded by `maxQueued`.
actor GroupCommit<Item: Sendable, Outcome: Sendable> {
    typealias Commit = @Sendable ([Item]) async throws -> [Outcome]

    /// One caller: how many rows it gave, and where its answer goes.
    private struct Caller {
        let count: Int
        let continuation: CheckedContinuation<[Outcome], any Error>
    }

    /// A batch being committed; removed when its callers have been answered.
    private struct Batch {
        let callers: [Caller]
        let timer: Task<Void, Never>
    }

    private let policy: CommitPolicy
    private let commit: Commit
    private var waiting: [Caller] = []
    private var waitingItems: [Item] = []
    /// Rows waiting or committing (a commit that timed out still counts until it ends).
    private var queued = 0
    private var committing = 0
    private var batches: [Int: Batch] = [:]
    private var nextBatch = 0
    /// Which window the waiting rows are in, and whether it has passed.
    private var window = 0
    private var windowPassed = false
    private var status = WriteQueueStatus()

    init(policy: CommitPolicy, commit: @escaping Commit) {
        self.policy = policy
        self.commit = commit
    }

    /// Commits `items` with whatever else is waiting; returns their outcomes, in order, once committed.
    func submit(_ items: [Item]) async throws -> [Outcome] {
        if items.isEmpty { return [] }
        guard queued + items.count <= policy.maxQueued else {
            status.refused += items.count
            throw StoreUnavailable.overloaded(limit: policy.maxQueued)
        }
        queued += items.count
        return try await withCheckedThrowingContinuation { continuation in
            waiting.append(Caller(count: items.count, continuation: continuation))
            waitingItems += items
            if waiting.count == 1 { openWindow() }
            startDueBatches()
        }
    }

    /// What the queue holds and how its commits went, for `/healthz` and `/metrics`.
    func currentStatus() -> WriteQueueStatus {
        var current = status
        current.queued = queued
        current.limit = policy.maxQueued
        current.fullQueues = queued >= policy.maxQueued ? 1 : 0
        return current
    }

    private func openWindow() {
        window += 1
        windowPassed = policy.window == .zero
        guard !windowPassed else { return }
        let window = self.window, length = policy.window
        Task {
            try? await Task.sleep(for: length)
            self.windowEnded(window)
        }
    }

    private func windowEnded(_ window: Int) {
        guard window == self.window else { return }
        windowPassed = true
        startDueBatches()
    }

    /// Starts a commit for every full batch, or for what waits once its window has passed, while commits are free.
    private func startDueBatches() {
        while committing < policy.concurrentCommits, !waiting.isEmpty, windowPassed || waitingItems.count >= policy.maxBatch {
            var callers = 0, rows = 0
            while callers < waiting.count, rows == 0 || rows + waiting[callers].count <= policy.maxBatch {
                rows += waiting[callers].count
                callers += 1
            }
            let batch = Array(waiting.prefix(callers))
            let items = Array(waitingItems.prefix(rows))
            waiting.removeFirst(callers)
            waitingItems.removeFirst(rows)
            start(batch, items)
        }
    }

    private func start(_ callers: [Caller], _ items: [Item]) {
        committing += 1
        nextBatch += 1
        let id = nextBatch, timeout = policy.commitTimeout, commit = self.commit
        let timer = Task {
            guard (try? await Task.sleep(for: timeout)) != nil else { return }
            self.timedOut(id)
        }
        batches[id] = Batch(callers: callers, timer: timer)
        Task {
            let result: Result<[Outcome], any Error>
            do {
                result = .success(try await commit(items))
            } catch {
                result = .failure(error)
            }
            self.finished(id, rows: items.count, result)
        }
    }

    private func finished(_ id: Int, rows: Int, _ result: Result<[Outcome], any Error>) {
        queued -= rows
        switch result {
        case .success:
            status.commits += 1
            status.committedRows += rows
            status.lastFailure = nil
        case .failure(let error):
            status.failedCommits += 1
            status.lastFailure = String(describing: error)
        }
        if let batch = batches.removeValue(forKey: id) {
            committing -= 1
            batch.timer.cancel()
            answer(batch.callers, with: result)
        }
        startDueBatches()
    }

    private func timedOut(_ id: Int) {
        guard let batch = batches.removeValue(forKey: id) else { return }
        committing -= 1
        let failure = StoreUnavailable.timedOut(after: policy.commitTimeout)
        status.lastFailure = failure.description
        answer(batch.callers, with: .failure(failure))
        startDueBatches()
    }

    private func answer(_ callers: [Caller], with result: Result<[Outcome], any Error>) {
        switch result {
        case .success(let outcomes):
            precondition(outcomes.count == callers.reduce(0) { $0 + $1.count }, "a batch commit returns one outcome per row")
            var start = 0
            for caller in callers {
                caller.continuation.resume(returning: Array(outcomes[start..<(start + caller.count)]))
                start += caller.count
            }
        case .failure(let error):
            for caller in callers { caller.continuation.resume(throwing: error) }
        }
    }
}

/// How a store's write queue stands: rows waiting, commits made, and the last failure if nothing committed since.
public struct WriteQueueStatus: Sendable, Hashable {
    /// Rows waiting for or in a commit right now.
    public var queued = 0
    /// The most rows the queue holds (`CommitPolicy.maxQueued`).
    public var limit = 0
    /// Transactions committed since the store opened.
    package var commits = 0
    /// Rows those transactions held.
    package var committedRows = 0
    /// Transactions that failed; their callers were told so.
    package var failedCommits = 0
    /// Rows refused because the queue was full.
    package var refused = 0
    /// Why the last commit failed or timed out; nil again once one succeeds.
    package var lastFailure: String?

    /// A queue with nothing in it and nothing committed yet.
    package init() {}

    /// Whether the next row would be refused; for two queues together, whether either is full.
    public var isFull: Bool { fullQueues > 0 }
    var fullQueues = 0

    /// Two queues' figures together (a store has one for events and one for downloads).
    package static func + (lhs: WriteQueueStatus, rhs: WriteQueueStatus) -> WriteQueueStatus {
        var sum = WriteQueueStatus()
        sum.queued = lhs.queued + rhs.queued
        sum.limit = lhs.limit + rhs.limit
        sum.commits = lhs.commits + rhs.commits
        sum.committedRows = lhs.committedRows + rhs.committedRows
        sum.failedCommits = lhs.failedCommits + rhs.failedCommits
        sum.refused = lhs.refused + rhs.refused
        sum.lastFailure = lhs.lastFailure ?? rhs.lastFailure
        sum.fullQueues = lhs.fullQueues + rhs.fullQueues
        return sum
    }
}
