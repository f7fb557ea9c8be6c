import Foundation
import Logging

/// Keeps every log line a logger writes, message and metadata, so a test can read what operations would see.
final class LogCapture: @unchecked Sendable {
    private var lines: [String] = []
    private let lock = NSLock()

    /// A logger at `trace` level that writes into this capture.
    var logger: Logger {
        var logger = Logger(label: "showroom.collector.test") { label in Handler(label: label, capture: self) }
        logger.logLevel = .trace
        return logger
    }

    /// Everything written so far, one line per log call.
    var text: String {
        lock.withLock { lines.joined(separator: "\n") }
    }

    fileprivate func append(_ line: String) {
        lock.withLock { lines.append(line) }
    }

    private struct Handler: LogHandler {
        let label: String
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let all = metadata.merging(event.metadata ?? [:]) { $1 }
            capture.append("\(event.level) \(label) \(event.message) \(all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))")
        }
    }
}
