import Foundation
import Hummingbird
import HummingbirdTesting
import ShowroomTestSupport
import Testing
@testable import ShowroomCollector
@testable import ShowroomStorage

/// Slow and idle clients against the real server on loopback, over plain sockets written a byte at a time.
@Suite("Slow clients and the connection limit")
struct SlowClientTests {
    /// One second for headers and for a body: short enough for tests, and a trickling client needs far longer.
    static let quick = ConnectionLimits(headerTimeout: .seconds(1), bodyTimeout: .seconds(1), maxConnections: 100)
    /// The longest a test accepts from the connection's start to its close: the 1 s timeout plus the late wake-ups
    /// of a two-core machine running builds beside the suite (3 s was seen missed by a few milliseconds there), and
    /// still well before a trickling client would have finished (6 s for the headers, 10 s and more for a body).
    static let cutOffBy = Duration.seconds(5)

    static let eventHead = "POST /events HTTP/1.1\r\nHost: localhost\r\nOrigin: \(TestCollector.auroraOrigin)\r\n"
        + "Content-Type: text/plain\r\n"

    @Test func aClientTricklingItsHeadersIsCutOffSoonAfterTheHeaderTimeout() async throws {
        try await TestCollector.with(.live, connectionLimits: Self.quick) { _, client in
            let connection = try LoopbackConnection(host: "localhost", port: try #require(client.port))
            connection.write(Self.eventHead)
            let cut = try await connection.trickle("X-Slow: " + String(repeating: "a", count: 40), every: .milliseconds(150))
            #expect(cut, "the server let a client trickle its headers for 7 s")
            #expect(connection.age < Self.cutOffBy)
        }
    }

    @Test func aConnectionThatSendsNothingIsClosedAfterTheHeaderTimeout() async throws {
        try await TestCollector.with(.live, connectionLimits: Self.quick) { _, client in
            let connection = try LoopbackConnection(host: "localhost", port: try #require(client.port))
            #expect(try await connection.waitForClose(before: Self.cutOffBy))
        }
    }

    @Test func aClientTricklingItsBodyIsAnswered408AndCutOffAfterTheBodyTimeout() async throws {
        try await TestCollector.with(.live, connectionLimits: Self.quick) { collector, client in
            let body = eventJSON()
            let connection = try LoopbackConnection(host: "localhost", port: try #require(client.port))
            connection.write(Self.eventHead + "Content-Length: \(body.utf8.count)\r\n\r\n")
            let cut = try await connection.trickle(body, every: .milliseconds(100))
            #expect(cut, "the server let a client trickle its body for \(body.utf8.count / 10) s")
            #expect(connection.age < Self.cutOffBy)
            #expect(connection.receivedText.hasPrefix("HTTP/1.1 408"))
            #expect(try await collector.store.totals().events == 0)
        }
    }

    @Test func anIdleKeepAliveConnectionIsClosedAfterTheHeaderTimeout() async throws {
        try await TestCollector.with(.live, connectionLimits: Self.quick) { _, client in
            let connection = try LoopbackConnection(host: "localhost", port: try #require(client.port))
            connection.write("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
            // The answer is read from the socket's buffer even when the idle timeout closed the connection after it.
            #expect(try await connection.waitFor("ok\n", before: Self.cutOffBy))
            #expect(try await connection.waitForClose(before: Self.cutOffBy))
        }
    }

    @Test func aConnectionCutOffForSlowHeadersIsCountedInTheMetrics() async throws {
        try await TestCollector.with(.live, connectionLimits: Self.quick) { collector, client in
            let connection = try LoopbackConnection(host: "localhost", port: try #require(client.port))
            connection.write(Self.eventHead)
            #expect(try await connection.waitForClose(before: Self.cutOffBy))
            #expect(collector.metrics.exposition().contains(#"showroom_collector_connections_timed_out_total{phase="headers"}"#))
        }
    }

    @Test func aClientSendingItsRequestInPartsWithinTheTimeoutsIsAnswered() async throws {
        // Deadlines well above the 0.75 s the parts take, so a loaded machine's late wake-ups cannot cut it off.
        let limits = ConnectionLimits(headerTimeout: .seconds(5), bodyTimeout: .seconds(5), maxConnections: 100)
        try await TestCollector.with(.live, connectionLimits: limits) { collector, client in
            let body = eventJSON()
            let connection = try LoopbackConnection(host: "localhost", port: try #require(client.port))
            for part in [Self.eventHead, "Content-Length: \(body.utf8.count)\r\n", "\r\n", String(body.prefix(20)), String(body.dropFirst(20))] {
                connection.write(part)
                try await Task.sleep(for: .milliseconds(150))
            }
            #expect(try await connection.waitFor("HTTP/1.1 204", before: .seconds(10)))
            #expect(try await collector.store.totals().events == 1)
        }
    }

    @Test func aConnectionBeyondTheLimitIsAnswered503AndClosedAtOnce() async throws {
        let limits = ConnectionLimits(headerTimeout: .seconds(30), bodyTimeout: .seconds(30), maxConnections: 2)
        try await TestCollector.with(.live, connectionLimits: limits) { _, client in
            let port = try #require(client.port)
            // The test client opens a connection of its own too, so one or two of these are served before the limit.
            var served: [LoopbackConnection] = []
            var refused: LoopbackConnection?
            for _ in 0..<3 where refused == nil {
                let connection = try LoopbackConnection(host: "localhost", port: port)
                connection.write("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
                // A refused connection is closed at once, so the long wait only ever runs out for an answer a loaded
                // machine is slow to send.
                if try await connection.waitFor("ok\n", before: .seconds(10)) { served.append(connection) } else { refused = connection }
            }
            let beyond = try #require(refused, "three connections were served with a limit of two")
            #expect(try await beyond.waitForClose(before: Self.cutOffBy))
            #expect(beyond.receivedText.hasPrefix("HTTP/1.1 503"))
            #expect(!served.isEmpty && served.allSatisfy { !$0.isClosedByServer })
        }
    }

    @Test func aConnectionIsServedAgainOnceAnOpenOneHasClosed() async throws {
        let limits = ConnectionLimits(headerTimeout: .seconds(30), bodyTimeout: .seconds(30), maxConnections: 2)
        try await TestCollector.with(.live, connectionLimits: limits) { _, client in
            let port = try #require(client.port)
            var held: LoopbackConnection? = try LoopbackConnection(host: "localhost", port: port)
            held?.write("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
            #expect(try await held?.waitFor("ok\n", before: .seconds(10)) == true)
            held = nil
            var served = false
            for _ in 0..<40 where !served {
                let next = try LoopbackConnection(host: "localhost", port: port)
                next.write("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
                served = try await next.waitFor("ok\n", before: .seconds(5))
                if !served { try await Task.sleep(for: .milliseconds(50)) }
            }
            #expect(served)
        }
    }
}
