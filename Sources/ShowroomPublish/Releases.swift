import Foundation

/// The releases of one site in a publish folder:
///
/// ```
/// DIR/<site>/releases/20260528T101530.123Z-4f1c2a/   one complete copy of the site per publish
/// DIR/<site>/current -> releases/20260528T101530.123Z-4f1c2a
/// DIR/<site>/.publish.lock                         held while a publish or rollback runs
/// ```
///
/// A web server's document root is `DIR/<site>/current`. The link is replaced with `rename(2)`, so a reader
/// sees the old release or the new one, never a mix and never a missing root.
public struct Releases: Sendable {
    public var site: String
    /// `DIR/<site>`.
    public var folder: URL

    public init(site: String, publishFolder: URL) {
        self.site = site
        folder = publishFolder.appendingPathComponent(site)
    }

    public var releasesFolder: URL { folder.appendingPathComponent("releases") }
    public var currentLink: URL { folder.appendingPathComponent("current") }
    var lockFile: URL { folder.appendingPathComponent(".publish.lock") }

    /// Release names, oldest first (their names sort by time). Unfinished copies (`.incoming-…`) are not releases.
    public func names() throws -> [String] {
        guard FileManager.default.fileExists(atPath: releasesFolder.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: releasesFolder.path).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// The release `current` points at, if any.
    public func current() -> String? {
        guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: currentLink.path) else { return nil }
        return (destination as NSString).lastPathComponent
    }

    /// Points `current` at `release` in one step: a new link under a temporary name, renamed over the old one.
    func point(at release: String) throws {
        let temporary = folder.appendingPathComponent(".current-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createSymbolicLink(atPath: temporary.path, withDestinationPath: "releases/\(release)")
        guard rename(temporary.path, currentLink.path) == 0 else {
            let code = errno
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: currentLink.path,
                                                          NSLocalizedDescriptionKey: String(cString: strerror(code))])
        }
    }
}
