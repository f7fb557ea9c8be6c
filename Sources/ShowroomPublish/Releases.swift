import Foundation

/// The releases of one site in a publish folder:
///
/// ```
/// DIR/<site>/releases/20260528T101530.123Z-4f1c2a/                one complete copy of the site per publish
/// DIR/<site>/releases/20260528T101530.123Z-4f1c2a.manifest.json   marks it as made by publish: its files, sizes, SHA-256
/// DIR/<site>/current -> releases/20260528T101530.123Z-4f1c2a
/// DIR/<site>/.publish.lock                                        held while a publish or rollback runs
/// ```
///
/// A web server's document root is `DIR/<site>/current`. The link is replaced with `rename(2)`, so a reader
/// sees the old release or the new one, never a mix and never a missing root. Only folders with publish's
/// name and a manifest beside them are releases: anything else in `releases/` is never pruned or rolled back to.
public struct Releases: Sendable {
    /// The site id, which names its folder.
    public var site: String
    /// `DIR/<site>`.
    public var folder: URL

    /// Refuses a `site` that is not a plain id, so it cannot name a folder outside `publishFolder`.
    public init(site: String, publishFolder: URL) throws {
        guard Self.isValidSiteID(site) else { throw Publisher.Failure.invalidSiteID(site) }
        self.site = site
        folder = publishFolder.appendingPathComponent(site)
    }

    /// 1 to 64 ASCII letters, digits, `-` and `_`: one folder name, never `..`, a path or a hidden name.
    static func isValidSiteID(_ site: String) -> Bool {
        site.wholeMatch(of: /[A-Za-z0-9_\-]{1,64}/) != nil
    }

    /// `DIR/<site>/releases`, where every release is.
    package var releasesFolder: URL { folder.appendingPathComponent("releases") }
    /// `DIR/<site>/current`, the link to the live release: the web server's document root.
    package var currentLink: URL { folder.appendingPathComponent("current") }
    var lockFile: URL { folder.appendingPathComponent(".publish.lock") }

    /// The manifest beside the release `name`, which marks it as one publish made.
    func manifestFile(of name: String) -> URL { releasesFolder.appendingPathComponent("\(name).manifest.json") }

    /// Release names, oldest first (their names sort by time): folders with publish's name pattern and a
    /// manifest beside them. Unfinished copies (`.incoming-…`) and folders put there by hand are not releases.
    public func names() throws -> [String] {
        guard FileManager.default.fileExists(atPath: releasesFolder.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: releasesFolder.path).filter { name in
            ReleaseName.isValid(name) && Self.kind(of: releasesFolder.appendingPathComponent(name)) == .folder
                && Self.kind(of: manifestFile(of: name)) == .file
        }.sorted()
    }

    /// The release `current` points at; nil when there is no `current` yet. A `current` that is not a link to a
    /// folder in `releases/` (a file, a folder, a link to somewhere else) is an error that names what is there.
    public func current() throws -> String? {
        switch Self.kind(of: currentLink) {
        case nil:
            return nil
        case .link:
            let destination = (try? FileManager.default.destinationOfSymbolicLink(atPath: currentLink.path)) ?? ""
            let name = (destination as NSString).lastPathComponent
            let pointsIntoReleases = destination == "releases/\(name)" || destination == releasesFolder.appendingPathComponent(name).path
            guard pointsIntoReleases, !name.hasPrefix("."), Self.kind(of: releasesFolder.appendingPathComponent(name)) == .folder else {
                throw Publisher.Failure.unexpectedCurrent(link: currentLink, found: .link(to: destination), releases: releasesFolder)
            }
            return name
        case .folder:
            throw Publisher.Failure.unexpectedCurrent(link: currentLink, found: .folder, releases: releasesFolder)
        case .file, .other:
            throw Publisher.Failure.unexpectedCurrent(link: currentLink, found: .file, releases: releasesFolder)
        }
    }

    /// Checks, without writing anything, that what is already in the publish folder is what publish makes:
    /// folders where it keeps folders, and a `current` that is missing or a link to a release.
    func checkLayout() throws {
        for place in [folder.deletingLastPathComponent(), folder, releasesFolder] {
            guard let kind = Self.kind(of: place, followingLinks: true) else {
                if Self.kind(of: place) != nil { throw Publisher.Failure.notAFolder(place) }  // a link to nothing
                break
            }
            guard kind == .folder else { throw Publisher.Failure.notAFolder(place) }
        }
        _ = try current()
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

    enum Kind { case file, folder, link, other }

    /// What is at `url` (nil: nothing), looking at a link itself unless `followingLinks`.
    static func kind(of url: URL, followingLinks: Bool = false) -> Kind? {
        var info = stat()
        guard (followingLinks ? stat(url.path, &info) : lstat(url.path, &info)) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        case S_IFLNK: return .link
        default: return .other
        }
    }
}
