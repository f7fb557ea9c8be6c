import Foundation

/// Publishes built sites as atomic releases and rolls them back (`showroom publish`).
///
/// A publish or rollback holds the site's lock (`DIR/<site>/.publish.lock`) from start to end, so two of them
/// never work on one site at once. Publishing copies `public/<site>` into a hidden folder beside the
/// releases, checks the copy against the built site file by file, renames it into place, then swaps the
/// `current` link; only after that are old releases pruned. Any failure before the swap leaves `current`,
/// and every other site's folder, as they were.
public struct Publisher: Sendable {
    /// Copies one file; tests replace it to make a publish fail halfway.
    public var copyFile: @Sendable (_ from: URL, _ to: URL) throws -> Void
    public var now: @Sendable () -> Date
    /// How long to wait for another publish of the same site to finish before giving up.
    public var lockWait: Duration

    public init(copyFile: @escaping @Sendable (URL, URL) throws -> Void = { try FileManager.default.copyItem(at: $0, to: $1) },
                now: @escaping @Sendable () -> Date = Date.init, lockWait: Duration = .seconds(120)) {
        self.copyFile = copyFile
        self.now = now
        self.lockWait = lockWait
    }

    /// What one publish or rollback did.
    public struct Outcome: Sendable {
        public var site: String
        /// The release `current` points at now.
        public var release: String
        /// The release it pointed at before, if any.
        public var previous: String?
        public var diff: ReleaseDiff
        /// Old releases deleted to keep the last N.
        public var pruned: [String]
    }

    /// Publishes the built site in `built` (e.g. `public/aurora`) as a new release of `site` under `publishFolder`,
    /// keeping the newest `keep` releases (and always the live one).
    public func publish(site: String, from built: URL, to publishFolder: URL, keep: Int = 5) throws -> Outcome {
        guard keep >= 1 else { throw Failure.keepTooSmall }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: built.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw Failure.notBuilt(site: site, folder: built)
        }
        let releases = Releases(site: site, publishFolder: publishFolder)
        try FileManager.default.createDirectory(at: releases.folder, withIntermediateDirectories: true)
        return try PublishLock.holding(releases.lockFile, site: site, wait: lockWait) {
            try FileManager.default.createDirectory(at: releases.releasesFolder, withIntermediateDirectories: true)
            let expected = try ReleaseManifest.of(built)
            let newest = try releases.names().last
            let name = ReleaseName.new(at: now(), after: newest)
            let incoming = releases.releasesFolder.appendingPathComponent(".incoming-\(name)")
            let release = releases.releasesFolder.appendingPathComponent(name)
            do {
                try copyTree(from: built, to: incoming)
                let differences = try expected.differences(in: incoming)
                guard differences.isEmpty else { throw Failure.incompleteRelease(site: site, from: built, differences: differences) }
                try FileManager.default.moveItem(at: incoming, to: release)
            } catch {
                try? FileManager.default.removeItem(at: incoming)
                throw error
            }

            let previous = releases.current()
            let diff = try ReleaseDiff.between(old: previous.map { releases.releasesFolder.appendingPathComponent($0) }, new: release)
            try releases.point(at: name)
            let pruned = try prune(releases, keep: keep)
            return Outcome(site: site, release: name, previous: previous, diff: diff, pruned: pruned)
        }
    }

    /// Points `current` back at the release before it.
    public func rollback(site: String, in publishFolder: URL) throws -> Outcome {
        let releases = Releases(site: site, publishFolder: publishFolder)
        guard FileManager.default.fileExists(atPath: releases.folder.path) else { throw Failure.noPreviousRelease(site: site) }
        return try PublishLock.holding(releases.lockFile, site: site, wait: lockWait) {
            let names = try releases.names()
            guard let current = releases.current(), let index = names.firstIndex(of: current), index > 0 else {
                throw Failure.noPreviousRelease(site: site)
            }
            let target = names[index - 1]
            let diff = try ReleaseDiff.between(old: releases.releasesFolder.appendingPathComponent(current),
                                               new: releases.releasesFolder.appendingPathComponent(target))
            try releases.point(at: target)
            return Outcome(site: site, release: target, previous: current, diff: diff, pruned: [])
        }
    }

    private func copyTree(from source: URL, to destination: URL) throws {
        try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: false)
        for path in try FileTree.files(under: source) {
            let target = destination.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try copyFile(source.appendingPathComponent(path), target)
        }
    }

    /// Deletes the oldest releases beyond `keep`, never the live one.
    private func prune(_ releases: Releases, keep: Int) throws -> [String] {
        let live = releases.current()
        let names = try releases.names()
        let doomed = names.dropLast(keep).filter { $0 != live }
        for name in doomed { try FileManager.default.removeItem(at: releases.releasesFolder.appendingPathComponent(name)) }
        return Array(doomed)
    }
}
