import ShowroomCore
@testable import ShowroomCollector
import FuzzSupport

/// One input libFuzzer made: a booking body, form-encoded (the first byte's low bit picks) or JSON, through the
/// decoder the `/bookings` endpoint uses.
func fuzzBookingForm(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let contentType = data[0] & 1 == 0 ? "application/x-www-form-urlencoded" : "application/json"
    if let submission = try? BookingSubmission.decode(bytes, contentType: contentType) {
        _ = submission.isSpam
        for field in BookingRules.Field.allCases { _ = submission.value(field) }
    }
    return 0
}

runFuzzer { data, size in fuzzBookingForm(data, size) }
