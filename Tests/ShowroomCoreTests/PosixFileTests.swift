import Foundation
import ShowroomCore
import ShowroomTestSupport
import Testing

@Suite struct PosixFileTests {
    @Test func writeCreatesMissingFoldersAndReadGivesTheBytesBack() throws {
        let place = try TemporaryFolder("posixfile")
        let folder = place.path
        defer { place.remove() }
        let text = String(repeating: "Aurora 新车 🚗\n", count: 10_000)  // larger than one read
        try PosixFile.write(text, toPath: folder + "/news/2026/launch/index.html")
        #expect(try PosixFile.read(path: folder + "/news/2026/launch/index.html") == Array(text.utf8))
    }

    @Test func writeReplacesAnExistingFile() throws {
        let place = try TemporaryFolder("posixfile")
        let folder = place.path
        defer { place.remove() }
        try PosixFile.write("a longer first version", toPath: folder + "/page.html")
        try PosixFile.write("short", toPath: folder + "/page.html")
        #expect(try String(contentsOfFile: folder + "/page.html", encoding: .utf8) == "short")
    }

    @Test func readOfAnEmptyFileIsEmpty() throws {
        let place = try TemporaryFolder("posixfile")
        let folder = place.path
        defer { place.remove() }
        _ = FileManager.default.createFile(atPath: folder + "/empty.md", contents: Data())
        #expect(try PosixFile.read(path: folder + "/empty.md").isEmpty)
    }

    @Test func readOfAMissingFileSaysSo() throws {
        #expect(throws: POSIXError(.ENOENT)) { try PosixFile.read(path: "/nonexistent-showroom/file.md") }
        #expect(POSIXError(.ENOENT).message == "No such file or directory")
    }

    @Test func writeBelowAFileFails() throws {
        let place = try TemporaryFolder("posixfile")
        let folder = place.path
        defer { place.remove() }
        try PosixFile.write("x", toPath: folder + "/blocker")
        #expect(throws: POSIXError(.ENOTDIR)) { try PosixFile.write("y", toPath: folder + "/blocker/page/index.html") }
    }
}
