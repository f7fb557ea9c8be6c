import ShowroomReports
import FuzzSupport

/// One input libFuzzer made: one access-log line (nginx's combined format and its variants) through the parser
/// `showroom report activity --logs` uses.
func fuzzAccessLog(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let line = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let parsed = AccessLogLine(parsing: Substring(line)) {
        precondition((100...599).contains(parsed.status) && !parsed.path.contains("?"), "a line was read inconsistently")
    }
    return 0
}

runFuzzer { data, size in fuzzAccessLog(data, size) }
