import Foundation
import ShowroomCore
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
        // The first outer item is quick; the second maps over many slow items. The thread that finished the
        // first item must help with the second's items instead of leaving its core idle.
        let threads = ThreadNames()
        _ = ConcurrentMap.map([0, 1]) { outer -> Int in
            guard outer == 1 else { return 0 }
            return ConcurrentMap.map(Array(0..<200)) { item -> Int in
                threads.insert("\(pthread_self())")
                usleep(1_000)
                return item
            }.count
        }
        if ProcessInfo.processInfo.activeProcessorCount > 1 { #expect(threads.count > 1) }
    }
}

private final class ThreadNames: @unchecked Sendable {
    private let lock = NSLock()
    private var names: Set<String> = []
    func insert(_ name: String) { lock.withLock { _ = names.insert(name) } }
    var count: Int { lock.withLock { names.count } }
}
