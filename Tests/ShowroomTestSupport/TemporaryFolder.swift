import Foundation

/// A folder of its own under the system's temporary directory, for a test that writes files: each one gets a
/// new name (`<prefix>-<UUID>`), so tests running in parallel never see each other's files.
public struct TemporaryFolder: Sendable {
    /// Where the folder is.
    public let url: URL

    /// The folder's path, for APIs that take a path.
    public var path: String { url.path }

    /// Creates a new, empty folder.
    public init(_ prefix: String = "showroom") throws {
        url = Self.unusedURL(prefix)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Creates a new folder holding a copy of `source` (a fixture folder), so a test can change it freely.
    public init(_ prefix: String = "showroom", copying source: URL) throws {
        url = Self.unusedURL(prefix)
        try FileManager.default.copyItem(at: source, to: url)
    }

    /// A place in the temporary directory where nothing is yet, for code that must create its folder itself
    /// (a build's output) or for checking that nothing was written somewhere.
    public static func unusedURL(_ prefix: String = "showroom") -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    }

    /// The URL of `path` inside the folder (which need not exist).
    public func appending(_ path: String) -> URL {
        url.appendingPathComponent(path)
    }

    /// Writes `text` as UTF-8 to `path` inside the folder, creating the folders on the way; returns its URL.
    @discardableResult
    public func write(_ text: String, to path: String) throws -> URL {
        let file = appending(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file
    }

    /// Removes the folder and everything in it; a folder already gone is fine.
    public func remove() {
        try? FileManager.default.removeItem(at: url)
    }

    /// Runs `body` with a new folder and removes the folder afterwards, whether `body` returns or throws.
    public static func with<Result>(_ prefix: String = "showroom", _ body: (TemporaryFolder) throws -> Result) throws -> Result {
        let folder = try TemporaryFolder(prefix)
        defer { folder.remove() }
        return try body(folder)
    }

    /// Runs `body` with a new folder and removes the folder afterwards, whether `body` returns or throws.
    public static func with<Result>(_ prefix: String = "showroom",
                                    _ body: (TemporaryFolder) async throws -> Result) async throws -> Result {
        let folder = try TemporaryFolder(prefix)
        defer { folder.remove() }
        return try await body(folder)
    }
}
