import Dispatch
import Foundation

/// Maps over a collection on every core, keeping the order of the input.
public enum ConcurrentMap {
    public static func map<Element, Result>(_ items: [Element], _ transform: (Element) -> Result) -> [Result] {
        if items.count < 2 { return items.map(transform) }
        return withoutActuallyEscaping(transform) { transform in
            let results = UnsafeResults<Result>(count: items.count)
            let chunks = min(items.count, ProcessInfo.processInfo.activeProcessorCount * 4)
            // Each index is read and written by exactly one iteration; the closure outlives no call.
            nonisolated(unsafe) let items = items
            nonisolated(unsafe) let transform = transform
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                var index = chunk
                while index < items.count {
                    results.set(index, transform(items[index]))
                    index += chunks
                }
            }
            return results.values()
        }
    }
}

/// Slots written once each from different threads; every slot is written by exactly one iteration.
private final class UnsafeResults<Value>: @unchecked Sendable {
    private var storage: [Value?]
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: Value) {
        storage.withUnsafeMutableBufferPointer { $0[index] = value }
    }
    func values() -> [Value] { storage.map { $0! } }
}
