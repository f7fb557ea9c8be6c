import Foundation
import ShowroomPublish
import ShowroomTestSupport
import Testing

/// A built site folder and a publish folder in a temporary place.
struct PublishPlace {
    let root = TemporaryFolder.unusedURL("showroom-publish")
    var built: URL { root.appendingPathComponent("public/aurora") }
    var target: URL { root.appendingPathComponent("www") }

    /// Replaces the built site with `files` (path → text).
    func build(_ files: [String: String]) throws {
        try? FileManager.default.removeItem(at: built)
        for (path, text) in files {
            let url = built.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    func live(_ path: String, site: String = "aurora") -> String? {
        try? String(contentsOf: target.appendingPathComponent("\(site)/current/\(path)"), encoding: .utf8)
    }

    /// Every file `current` serves, path → text.
    func liveFiles(site: String = "aurora") throws -> [String: String] {
        let current = target.appendingPathComponent("\(site)/current").resolvingSymlinksInPath()
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(at: current, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            files[String(url.resolvingSymlinksInPath().path.dropFirst(current.path.count + 1))] = try String(contentsOf: url, encoding: .utf8)
        }
        return files
    }

    func releases(site: String = "aurora") throws -> [String] {
        try Releases(site: site, publishFolder: target).names()
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

/// A clock that moves a second forward on each reading, so every release gets its own time.
final class SteppingClock: @unchecked Sendable {
    private var time = Date(timeIntervalSince1970: 1_780_000_000)
    private let lock = NSLock()
    func next() -> Date {
        lock.lock()
        defer { lock.unlock() }
        time += 1
        return time
    }
}

@Suite("showroom publish")
struct PublishTests {
    let clock = SteppingClock()
    var publisher: Publisher { let clock = clock; return Publisher(now: { clock.next() }) }

    @Test func publishingCreatesAReleaseAndPointsCurrentAtIt() throws {
        let place = PublishPlace()
        defer { place.remove() }
        try place.build(["index.html": "v1", "news/index.html": "news"])
        let outcome = try publisher.publish(site: "aurora", from: place.built, to: place.target)
        #expect(try place.releases() == [outcome.release])
        #expect(outcome.release.wholeMatch(of: /20260528T202641\.000Z-[0-9a-f]{6}/) != nil)
        #expect(try Releases(site: "aurora", publishFolder: place.target).current() == outcome.release)
        #expect(place.live("index.html") == "v1")
        #expect(outcome.diff.added == ["index.html", "news/index.html"])
        #expect(outcome.previous == nil)
    }

    @Test func theSecondPublishReportsAddedChangedAndRemovedFilesByContent() throws {
        let place = PublishPlace()
        defer { place.remove() }
        try place.build(["index.html": "v1", "a.css": "same", "old.html": "old"])
        _ = try publisher.publish(site: "aurora", from: place.built, to: place.target)
        try place.build(["index.html": "v2", "a.css": "same", "new.html": "new"])
        let outcome = try publisher.publish(site: "aurora", from: place.built, to: place.target)
        #expect(outcome.diff == ReleaseDiff(added: ["new.html"], changed: ["index.html"], removed: ["old.html"], unchanged: 1))
        #expect(place.live("index.html") == "v2")
    }

    @Test func onlyTheLastNReleasesAreKept() throws {
        let place = PublishPlace()
        defer { place.remove() }
        var names: [String] = []
        for version in 1...4 {
            try place.build(["index.html": "v\(version)"])
            names.append(try publisher.publish(site: "aurora", from: place.built, to: place.target, keep: 2).release)
        }
        #expect(try place.releases() == Array(names.suffix(2)))
        #expect(place.live("index.html") == "v4")
    }

    @Test func rollbackPointsCurrentAtThePreviousRelease() throws {
        let place = PublishPlace()
        defer { place.remove() }
        try place.build(["index.html": "v1"])
        let first = try publisher.publish(site: "aurora", from: place.built, to: place.target)
        try place.build(["index.html": "v2"])
        _ = try publisher.publish(site: "aurora", from: place.built, to: place.target)
        let outcome = try publisher.rollback(site: "aurora", in: place.target)
        #expect(outcome.release == first.release)
        #expect(outcome.diff.changed == ["index.html"])
        #expect(place.live("index.html") == "v1")
        #expect(throws: Publisher.Failure.self) { try publisher.rollback(site: "aurora", in: place.target) }
    }

    @Test func aPublishThatFailsHalfwayLeavesCurrentAsItWas() throws {
        let place = PublishPlace()
        defer { place.remove() }
        try place.build(["index.html": "v1"])
        let first = try publisher.publish(site: "aurora", from: place.built, to: place.target)
        try place.build(["a.html": "a", "index.html": "v2", "z.html": "z"])
        struct DiskFull: Error {}
        let clock = clock
        let failing = Publisher(copyFile: { from, to in
            if from.lastPathComponent == "z.html" { throw DiskFull() }
            try FileManager.default.copyItem(at: from, to: to)
        }, now: { clock.next() })
        #expect(throws: DiskFull.self) { try failing.publish(site: "aurora", from: place.built, to: place.target) }
        #expect(try Releases(site: "aurora", publishFolder: place.target).current() == first.release)
        #expect(place.live("index.html") == "v1")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: place.target.appendingPathComponent("aurora/releases").path)
        #expect(leftovers.sorted() == [first.release, "\(first.release).manifest.json"])
    }

    @Test func publishingOneSiteNeverTouchesAnother() throws {
        let place = PublishPlace()
        defer { place.remove() }
        let other = place.target.appendingPathComponent("lumen/current")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try Data("lumen".utf8).write(to: other.appendingPathComponent("index.html"))
        try place.build(["index.html": "v1"])
        _ = try publisher.publish(site: "aurora", from: place.built, to: place.target, keep: 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: place.target.path).sorted() == ["aurora", "lumen"])
        #expect(place.live("index.html", site: "lumen") == "lumen")
    }

    @Test func publishingASiteThatWasNotBuiltFailsClearly() throws {
        let place = PublishPlace()
        defer { place.remove() }
        #expect(throws: Publisher.Failure.self) { try publisher.publish(site: "aurora", from: place.built, to: place.target) }
    }
}
