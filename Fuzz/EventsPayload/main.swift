import Foundation
@testable import ShowroomCollector
import FuzzSupport

/// One input libFuzzer made: an `/events` request body through the decoder and the field rules. A batch it accepts
/// holds at most `EventRules.maxBatch` events.
func fuzzEventsPayload(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let batch = try? EventPayload.decodeBatch(from: Array(UnsafeBufferPointer(start: data, count: size))) else { return 0 }
    precondition(batch.count <= EventRules.maxBatch, "a batch above the limit was accepted")
    for payload in batch {
        _ = try? payload.validated(knownSites: ["aurora", "lumen"], receivedAt: Date(timeIntervalSince1970: 1_780_000_000))
    }
    return 0
}

runFuzzer { data, size in fuzzEventsPayload(data, size) }
