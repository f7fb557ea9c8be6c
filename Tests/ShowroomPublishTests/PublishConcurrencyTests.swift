import Foundation
import ShowroomPublish
import Testing

/// A clock that always reads the same instant: two publishes that start together in one millisecond.
let standingClock: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_780_000_000) }

/// A built site of 37 files in a few folders, the size of the one that went live with 18 of them.
func thirtySevenFiles(version: Int) -> [String: String] {
    var files: [String: String] = ["index.html": "<h1>Aurora v\(version)</h1>"]
    for page in 1...18 { files["news/\(page)/index.html"] = "<p>news \(page), v\(version)</p>" }
    for asset in 1...18 { files["assets/photo-\(asset).txt"] = String(repeating: "\(asset)", count: 2000) }
    return files
}

/// Runs `body` on two threads that start at the same moment, and returns what each did.
func onTwoThreadsAtOnce(_ body: @escaping @Sendable () throws -> Void) -> [Result<Void, any Error>] {
    final class Results: @unchecked Sendable {
        let lock = NSLock()
        var results: [Result<Void, any Error>] = []
        func append(_ result: Result<Void, any Error>) { lock.withLock { results.append(result) } }
    }
    let results = Results()
    let start = DispatchSemaphore(value: 0)
    let done = DispatchGroup()
    for _ in 0..<2 {
        done.enter()
        Thread.detachNewThread {
            start.wait()
            results.append(Result { try body() })
            done.leave()
        }
    }
    start.signal()
    start.signal()
    done.wait()
    return results.results
}

/// Holds the lock of `DIR/<site>/.publish.lock` with flock(2), as another publish would.
final class HeldLock: @unchecked Sendable {
    private let descriptor: Int32

    init(_ file: URL) throws {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        descriptor = open(file.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0, flock(descriptor, LOCK_EX) == 0 else { throw CocoaError(.fileLocking) }
    }

    func release() { close(descriptor) }
}

@Suite("publish: two at once")
struct PublishConcurrencyTests {
    @Test func twoPublishesAtOnceAlwaysLeaveTheWholeReleaseLive() throws {
        for round in 1...20 {
            let place = PublishPlace()
            defer { place.remove() }
            let files = thirtySevenFiles(version: round)
            try place.build(files)
            let publisher = Publisher(now: standingClock)
            let results = onTwoThreadsAtOnce {
                _ = try publisher.publish(site: "aurora", from: place.built, to: place.target)
            }
            for case .failure(let error) in results { Issue.record("round \(round): a publish failed: \(error)") }
            let live = try place.liveFiles()
            #expect(live == files, "round \(round): current holds \(live.count) of \(files.count) files")
            #expect(try place.releases().count == 2, "round \(round)")
        }
    }

    @Test func aPublishWaitsWhileAnotherHoldsTheSiteLock() throws {
        let place = PublishPlace()
        defer { place.remove() }
        try place.build(["index.html": "v1"])
        let held = try HeldLock(place.target.appendingPathComponent("aurora/.publish.lock"))
        let started = ContinuousClock.now
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 0.5)
            held.release()
        }
        _ = try Publisher().publish(site: "aurora", from: place.built, to: place.target)
        #expect(ContinuousClock.now - started >= .milliseconds(500))
        #expect(place.live("index.html") == "v1")
    }

    @Test func aPublishThatCannotGetTheLockInTimeFailsClearlyAndChangesNothing() throws {
        let place = PublishPlace()
        defer { place.remove() }
        try place.build(["index.html": "v1"])
        let first = try Publisher().publish(site: "aurora", from: place.built, to: place.target)
        try place.build(["index.html": "v2"])
        let held = try HeldLock(place.target.appendingPathComponent("aurora/.publish.lock"))
        defer { held.release() }
        let impatient = Publisher(lockWait: .milliseconds(300))
        let error = #expect(throws: Publisher.Failure.self) {
            try impatient.publish(site: "aurora", from: place.built, to: place.target)
        }
        #expect(error?.description.contains("another publish of aurora") == true)
        #expect(error?.description.contains("--wait") == true)
        #expect(try place.releases() == [first.release])
        #expect(place.live("index.html") == "v1")
    }

    @Test func aCopyThatDiffersFromTheBuiltSiteIsNeverMadeLive() throws {
        let place = PublishPlace()
        defer { place.remove() }
        try place.build(["index.html": "v1"])
        let first = try Publisher().publish(site: "aurora", from: place.built, to: place.target)
        try place.build(["index.html": "v2", "specs/index.html": "<table>all the specs</table>"])
        let truncating = Publisher(copyFile: { from, to in
            let bytes = try Data(contentsOf: from)
            try bytes.prefix(from.path.hasSuffix("specs/index.html") ? 7 : bytes.count).write(to: to)
        })
        let error = #expect(throws: Publisher.Failure.self) {
            try truncating.publish(site: "aurora", from: place.built, to: place.target)
        }
        #expect(error?.description.contains("specs/index.html") == true)
        #expect(try place.releases() == [first.release])
        #expect(place.live("index.html") == "v1")
    }

    @Test func releasesSortInPublishOrderEvenWhenTheClockGoesBack() throws {
        let place = PublishPlace()
        defer { place.remove() }
        let readings = [Date(timeIntervalSince1970: 1_780_000_002), Date(timeIntervalSince1970: 1_780_000_001)]
        for (index, reading) in readings.enumerated() {
            try place.build(["index.html": "v\(index + 1)"])
            _ = try Publisher(now: { reading }).publish(site: "aurora", from: place.built, to: place.target)
        }
        let names = try place.releases()
        #expect(names.count == 2)
        #expect(try Releases(site: "aurora", publishFolder: place.target).current() == names.last)
        #expect(place.live("index.html") == "v2")
    }
}
