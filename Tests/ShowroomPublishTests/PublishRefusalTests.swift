import Foundation
import ShowroomPublish
import Testing

/// What publish refuses to do, and that a refusal changes nothing.
@Suite("publish: refusals")
struct PublishRefusalTests {
    let clock = SteppingClock()
    var publisher: Publisher { let clock = clock; return Publisher(now: { clock.next() }) }

    /// Everything under `folder`, relative to it, with links and folders marked, for "changed nothing" checks.
    func listing(_ folder: URL) -> [String] {
        let manager = FileManager.default
        return (manager.subpaths(atPath: folder.path) ?? []).sorted().map { path in
            let full = folder.appendingPathComponent(path).path
            if let target = try? manager.destinationOfSymbolicLink(atPath: full) { return "\(path) -> \(target)" }
            return path
        }
    }

    @Test func aSiteIDThatIsAPathIsRefusedAndNothingIsWritten() throws {
        let place = PublishPlace()
        defer { place.remove() }
        try place.build(["index.html": "v1"])
        let error = #expect(throws: Publisher.Failure.self) {
            try publisher.publish(site: "../escaped", from: place.built, to: place.target)
        }
        #expect(error?.description.contains("`../escaped`") == true)
        #expect(error?.description.contains("letters, digits") == true)
        #expect(!FileManager.default.fileExists(atPath: place.root.appendingPathComponent("escaped").path))
        #expect(!FileManager.default.fileExists(atPath: place.target.path))
    }

    @Test func pruningKeepsFoldersThatPublishDidNotMake() throws {
        let place = PublishPlace()
        defer { place.remove() }
        let backup = place.target.appendingPathComponent("aurora/releases/2019-backup")
        try FileManager.default.createDirectory(at: backup, withIntermediateDirectories: true)
        try Data("INSERT INTO leads …".utf8).write(to: backup.appendingPathComponent("db.sql"))
        for version in 1...3 {
            try place.build(["index.html": "v\(version)"])
            _ = try publisher.publish(site: "aurora", from: place.built, to: place.target, keep: 1)
        }
        #expect(try String(contentsOf: backup.appendingPathComponent("db.sql"), encoding: .utf8) == "INSERT INTO leads …")
        #expect(try place.releases().count == 1)
        #expect(place.live("index.html") == "v3")
    }

    @Test func aFileNamedCurrentIsRefusedAndLeftAsItWas() throws {
        let place = PublishPlace()
        defer { place.remove() }
        let current = place.target.appendingPathComponent("aurora/current")
        try FileManager.default.createDirectory(at: current.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("notes an operator keeps here".utf8).write(to: current)
        try place.build(["index.html": "v1"])
        let error = #expect(throws: Publisher.Failure.self) {
            try publisher.publish(site: "aurora", from: place.built, to: place.target)
        }
        #expect(error?.description.contains("\(current.path) is a file") == true)
        #expect(try String(contentsOf: current, encoding: .utf8) == "notes an operator keeps here")
        #expect(listing(place.target) == ["aurora", "aurora/current"])
    }

    @Test func aFolderNamedCurrentIsRefusedInPlainWords() throws {
        let place = PublishPlace()
        defer { place.remove() }
        let current = place.target.appendingPathComponent("aurora/current")
        try FileManager.default.createDirectory(at: current, withIntermediateDirectories: true)
        try Data("hand-copied site".utf8).write(to: current.appendingPathComponent("index.html"))
        try place.build(["index.html": "v1"])
        let error = #expect(throws: Publisher.Failure.self) {
            try publisher.publish(site: "aurora", from: place.built, to: place.target)
        }
        #expect(error?.description.contains("\(current.path) is a folder") == true)
        #expect(place.live("index.html") == "hand-copied site")
        #expect(listing(place.target) == ["aurora", "aurora/current", "aurora/current/index.html"])
    }

    @Test func aCurrentLinkThatPointsOutsideTheReleasesIsRefused() throws {
        let place = PublishPlace()
        defer { place.remove() }
        let maintenance = place.root.appendingPathComponent("maintenance")
        try FileManager.default.createDirectory(at: maintenance, withIntermediateDirectories: true)
        let current = place.target.appendingPathComponent("aurora/current")
        try FileManager.default.createDirectory(at: current.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: current.path, withDestinationPath: maintenance.path)
        try place.build(["index.html": "v1"])
        let error = #expect(throws: Publisher.Failure.self) {
            try publisher.publish(site: "aurora", from: place.built, to: place.target)
        }
        #expect(error?.description.contains(maintenance.path) == true)
        #expect(listing(place.target) == ["aurora", "aurora/current -> \(maintenance.path)"])
    }

    @Test func rollbackRefusesAReleaseThatWasChangedOnDisk() throws {
        let place = PublishPlace()
        defer { place.remove() }
        try place.build(["index.html": "v1"])
        let first = try publisher.publish(site: "aurora", from: place.built, to: place.target)
        try place.build(["index.html": "v2"])
        let second = try publisher.publish(site: "aurora", from: place.built, to: place.target)
        let tampered = place.target.appendingPathComponent("aurora/releases/\(first.release)/index.html")
        try Data("<script>injected</script>".utf8).write(to: tampered)
        let error = #expect(throws: Publisher.Failure.self) { try publisher.rollback(site: "aurora", in: place.target) }
        #expect(error?.description.contains("index.html") == true)
        #expect(try Releases(site: "aurora", publishFolder: place.target).current() == second.release)
    }
}
