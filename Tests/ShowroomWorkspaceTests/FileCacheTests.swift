import Foundation
import ShowroomCore
import ShowroomTestSupport
import ShowroomWorkspace
import Testing

@Suite struct FileCacheTests {
    /// Writes `text` and moves the modification time on, as a later save does.
    func save(_ text: String, to url: URL, secondsLater: Double) throws {
        try text.write(to: url, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_700_000_000 + secondsLater)],
                                              ofItemAtPath: url.path)
    }

    @Test func anUnchangedFileIsMadeOnce() throws {
        let folder = try TemporaryFolder("filecache")
        defer { folder.remove() }
        let file = folder.appending("a.yaml")
        try save("one", to: file, secondsLater: 0)
        let cache = FileCache<String>(racyWindow: .zero)
        var made = 0
        for _ in 0..<3 {
            _ = cache.value(forPath: file.path) { () -> String in
                made += 1
                return "value"
            }
        }
        #expect(made == 1)
    }

    @Test func aFileWrittenMomentsAgoIsNotKept() throws {
        let folder = try TemporaryFolder("filecache")
        defer { folder.remove() }
        let file = folder.appending("a.yaml")
        try "one".write(to: file, atomically: false, encoding: .utf8)
        let cache = FileCache<String>()
        var made = 0
        for _ in 0..<2 {
            _ = cache.value(forPath: file.path) { () -> String in
                made += 1
                return "value"
            }
        }
        #expect(made == 2)
    }

    @Test func aCopyThatKeepsTheModificationTimeIsMadeAgain() throws {
        let folder = try TemporaryFolder("filecache")
        defer { folder.remove() }
        let file = folder.appending("a.yaml")
        try save("one", to: file, secondsLater: 0)
        let cache = FileCache<String>(racyWindow: .zero)
        #expect(cache.value(forPath: file.path) { "first" } == "first")
        try FileManager.default.removeItem(at: file)
        usleep(20_000)  // past the file system clock's tick, as any real copy is
        try save("two", to: file, secondsLater: 0)  // same size, same modification time, a new file
        #expect(cache.value(forPath: file.path) { "second" } == "second")
    }

    @Test func aSavedFileIsMadeAgainEvenAtTheSameSize() throws {
        let folder = try TemporaryFolder("filecache")
        defer { folder.remove() }
        let file = folder.appending("site.yaml")
        try save("title: One\n", to: file, secondsLater: 0)
        #expect(try YAMLNode.load(file, relativePath: "site.yaml")["title"]?.scalarText == "One")
        try save("title: Two\n", to: file, secondsLater: 1)
        #expect(try YAMLNode.load(file, relativePath: "site.yaml")["title"]?.scalarText == "Two")
    }

    @Test func failuresAreNotKept() throws {
        let folder = try TemporaryFolder("filecache")
        defer { folder.remove() }
        let file = folder.appending("b.yaml")
        try save("x", to: file, secondsLater: 0)
        let cache = FileCache<String>(racyWindow: .zero)
        #expect(throws: POSIXError.self) { try cache.value(forPath: file.path) { () throws(POSIXError) -> String in throw POSIXError(.EIO) } }
        #expect(cache.value(forPath: file.path) { "made" } == "made")
    }

    @Test func stampsListEveryVisibleFileBelowAFolder() throws {
        let folder = try TemporaryFolder("filecache")
        defer { folder.remove() }
        try PosixFile.write("a", toPath: folder.path + "/news/2026/a.md")
        try PosixFile.write("bb", toPath: folder.path + "/b.md")
        try PosixFile.write("hidden", toPath: folder.path + "/.git/config")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/news/loop", withDestinationPath: folder.path)
        let stamps = WorkspaceFiles.stamps(under: folder.url, inside: folder.url)  // the link loop is followed once, then ends
        #expect(Set(stamps.keys) == ["news/2026/a.md", "b.md"])
        #expect(stamps["b.md"]?.size == 2)
    }
}
