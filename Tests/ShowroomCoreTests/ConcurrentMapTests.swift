import Foundation
@testable import ShowroomCore
import Testing

@Suite struct ConcurrentMapTests {
    @Test func resultsKeepTheOrderOfTheInput() {
        let items = Array(0..<1_000)
        #expect(ConcurrentMap.map(items) { $0 * 2 } == items.map { $0 * 2 })
    }

    @Test func nestedMapsThreeDeepGiveTheSerialResult() {
        let result = ConcurrentMap.map(Array(0..<6)) { a in
            ConcurrentMap.map(Array(0..<7)) { b in
                ConcurrentMap.map(Array(0..<8)) { c in a * 100 + b * 10 + c }.reduce(0, +)
            }
        }
        let serial = (0..<6).map { a in (0..<7).map { b in (0..<8).map { c in a * 100 + b * 10 + c }.reduce(0, +) } }
        #expect(result == serial)
    }

    @Test func idleThreadsHelpWithANestedMap() {
        // A pool of its own, so that other tests running at the same time cannot keep its threads busy.
        // The first outer item is quick; the second runs a nested loop of slow items. The thread that
        // finished the first item must help with the nested items instead of idling.
        let pool = WorkPool(threads: 2)
        let threads = ThreadNames()
        pool.run(count: 2) { outer in
            guard outer == 1 else { return }
            pool.run(count: 200) { _ in
                threads.insert("\(pthread_self())")
                usleep(1_000)
            }
        }
        #expect(threads.count > 1)
    }
}

private final class ThreadNames: @unchecked Sendable {
    private let lock = NSLock()
    private var names: Set<String> = []
    func insert(_ name: String) { lock.withLock { _ = names.insert(name) } }
    var count: Int { lock.withLock { names.count } }
}
