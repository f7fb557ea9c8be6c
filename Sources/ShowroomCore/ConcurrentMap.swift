import Foundation

/// Maps over a collection on every core, keeping the order of the input.
///
/// Maps may nest (the fleet build maps over sites, and each site maps over its pages). Dispatch's
/// `concurrentPerform` runs a nested loop serially on the calling thread, which left a core idle whenever
/// one site was still building and the others were done, and while a site read its files. Here every map
/// hands its items to one shared pool: the calling thread works through its own items, and pool threads
/// with nothing to do take items from the newest map that still has some, nested or not.
public enum ConcurrentMap {
    /// `items.map(transform)`, run on every core with the results in the order of `items`; `transform` must be safe
    /// to call from several threads at once.
    public static func map<Element, Result>(_ items: [Element], _ transform: (Element) -> Result) -> [Result] {
        if items.count < 2 { return items.map(transform) }
        return withoutActuallyEscaping(transform) { transform in
            let results = UnsafeResults<Result>(count: items.count)
            // Each index is read and written by exactly one claim; the closure outlives no call.
            nonisolated(unsafe) let items = items
            nonisolated(unsafe) let transform = transform
            WorkPool.shared.run(count: items.count) { index in
                results.set(index, transform(items[index]))
            }
            return results.values()
        }
    }
}

/// A fixed set of threads (one per core) that take items from the maps in progress.
final class WorkPool: @unchecked Sendable {
    static let shared = WorkPool(threads: ProcessInfo.processInfo.activeProcessorCount)

    /// One map in progress: its items are claimed one at a time, under the pool's lock.
    private final class Job: @unchecked Sendable {
        let count: Int
        /// The map's body. It must not outlive the map's call, so it is dropped once every item is done;
        /// pool threads may still hold the job itself for a moment after that.
        private var body: ((Int) -> Void)?
        var claimed = 0  // guarded by the pool's lock
        private let finished = NSCondition()
        private var done = 0  // guarded by `finished`

        init(count: Int, body: @escaping (Int) -> Void) {
            self.count = count
            self.body = body
        }

        func run(_ index: Int) {
            invoke(index)
            finished.lock()
            done += 1
            if done == count { finished.broadcast() }
            finished.unlock()
        }

        /// A call of its own, so that every reference it takes to `body` is gone when it returns.
        @inline(never)
        private func invoke(_ index: Int) { body!(index) }

        /// Waits for every item, then drops the body.
        func finish() {
            finished.lock()
            while done < count { finished.wait() }
            body = nil
            finished.unlock()
        }
    }

    private let lock = NSCondition()
    /// Maps with unclaimed items, oldest first.
    private var jobs: [Job] = []

    init(threads: Int) {
        for number in 0..<max(threads, 1) {
            let thread = Thread { [unowned self] in self.work() }
            thread.name = "showroom-worker-\(number)"
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// Runs `body` for every index in `0..<count` on this thread and on idle pool threads; returns when all are done.
    func run(count: Int, body: (Int) -> Void) {
        withoutActuallyEscaping(body) { body in
            nonisolated(unsafe) let body = body
            let job = Job(count: count, body: body)
            lock.lock()
            jobs.append(job)
            lock.broadcast()
            lock.unlock()
            while let index = claim(from: job) { job.run(index) }
            job.finish()
        }
    }

    private func claim(from job: Job) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard job.claimed < job.count else { return nil }
        return take(job)
    }

    /// Claims the next item of `job`; the caller holds the lock.
    private func take(_ job: Job) -> Int {
        let index = job.claimed
        job.claimed += 1
        if job.claimed == job.count, let position = jobs.firstIndex(where: { $0 === job }) { jobs.remove(at: position) }
        return index
    }

    private func work() {
        while true {
            lock.lock()
            while jobs.isEmpty { lock.wait() }
            // The newest map first: finishing a nested map (a site's pages) finishes its site sooner.
            let job = jobs[jobs.count - 1]
            let index = take(job)
            lock.unlock()
            job.run(index)
        }
    }
}

/// Slots written once each from different threads; every slot is written by exactly one iteration.
private final class UnsafeResults<Value>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    func set(_ index: Int, _ value: Value) { storage[index] = value }
    func values() -> [Value] { storage.map { $0! } }
}
