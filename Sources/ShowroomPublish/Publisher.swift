import Foundation

/// Publishes built sites as atomic releases and rolls them back (`showroom publish`).
///
/// A publish or rollback holds the site's lock (`DIR/<site>/.publish.lock`) from start to end, so two of them
/// never work on one site at once. Publishing copies `public/<site>` into a hidden folder beside the
/// releases, checks the copy against the built site file by file, writes that manifest beside it (the mark
/// of a release publish made), renames it into place, then swaps the `current` link; only after that are
/// old releases pruned. Any failure before the swap leaves `current`, and every other site's folder, as
/// they were.
public struct Publisher: Sendable {
    /// Copies one file; tests replace it to make a publish fail halfway.
    package var copyFile: @Sendable (_ from: URL, _ to: URL) throws -> Void
    /// The clock release names are made from; tests step it.
    public var now: @Sendable () -> Date
    /// How long to wait for another publish of the same site to finish before giving up.
    public var lockWait: Duration

    /// A publisher that copies with `copyFile`, names releases by `now` and waits `lockWait` for a busy site.
    public init(copyFile: @escaping @Sendable (URL, URL) throws -> Void = { try FileManager.default.copyItem(at: $0, to: $1) },
                now: @escaping @Sendable () -> Date = Date.init, lockWait: Duration = .seconds(120)) {
        self.copyFile = copyFile
        self.now = now
        self.lockWait = lockWait
    }

    /// What one publish or rollback did.
    public struct Outcome: Sendable {
        /// The site published or rolled back.
        public var site: String
        /// The release `current` points at now.
        public var release: String
        /// The release it pointed at before, if any.
        public var previous: String?
        /// What the release changed against the one live before it.
        public var diff: ReleaseDiff
        /// Old releases deleted to keep the last N.
        public var pruned: [String]
        /// Old releases that could not be deleted, with why: the new release is live all the same.
        public var notPruned: [String] = []
    }

    /// Publishes the built site in `built` (e.g. `public/aurora`) as a new release of `site` under `publishFolder`,
    /// keeping the newest `keep` releases (and always the live one). Anything unexpected in the publish folder
    /// is an error before anything is written.
    public func publish(site: String, from built: URL, to publishFolder: URL, keep: Int = 5) throws -> Outcome {
        guard keep >= 1 else { throw Failure.keepTooSmall }
        let releases = try Releases(site: site, publishFolder: publishFolder)
        guard Releases.kind(of: built, followingLinks: true) == .folder else { throw Failure.notBuilt(site: site, folder: built) }
        try releases.checkLayout()
        try FileManager.default.createDirectory(at: releases.folder, withIntermediateDirectories: true)
        return try PublishLock.holding(releases.lockFile, site: site, wait: lockWait) {
            try releases.checkLayout()  // again: another publish may have run while this one waited
            try FileManager.default.createDirectory(at: releases.releasesFolder, withIntermediateDirectories: true)
            let name = try makeRelease(of: built, in: releases)
            let previous = try releases.current()
            let diff = try ReleaseDiff.between(old: previous.map { releases.releasesFolder.appendingPathComponent($0) },
                                               new: releases.releasesFolder.appendingPathComponent(name))
            try releases.point(at: name)
            // The new release is live from here on: a failure to delete an old one is reported, not thrown.
            let (pruned, notPruned) = prune(releases, keep: keep)
            return Outcome(site: site, release: name, previous: previous, diff: diff, pruned: pruned, notPruned: notPruned)
        }
    }

    /// Points `current` back at the release before it, once that release still matches its manifest.
    public func rollback(site: String, in publishFolder: URL) throws -> Outcome {
        let releases = try Releases(site: site, publishFolder: publishFolder)
        guard Releases.kind(of: releases.folder, followingLinks: true) == .folder else { throw Failure.noPreviousRelease(site: site) }
        return try PublishLock.holding(releases.lockFile, site: site, wait: lockWait) {
            let names = try releases.names()
            guard let current = try releases.current(), let index = names.firstIndex(of: current), index > 0 else {
                throw Failure.noPreviousRelease(site: site)
            }
            let target = names[index - 1]
            let folder = releases.releasesFolder.appendingPathComponent(target)
            let differences: [String]
            if let manifest = try? ReleaseManifest.read(from: releases.manifestFile(of: target)) {
                differences = try manifest.differences(in: folder)
            } else {
                differences = ["its manifest \(releases.manifestFile(of: target).lastPathComponent) cannot be read"]
            }
            guard differences.isEmpty else { throw Failure.damagedRelease(site: site, release: folder, differences: differences) }
            let diff = try ReleaseDiff.between(old: releases.releasesFolder.appendingPathComponent(current), new: folder)
            try releases.point(at: target)
            return Outcome(site: site, release: target, previous: current, diff: diff, pruned: [])
        }
    }

    /// Copies `built` into a new release and returns its name. The copy is made in a hidden folder, checked
    /// against the built site's manifest, marked with that manifest and only then renamed into place; on any
    /// failure nothing of it is left.
    private func makeRelease(of built: URL, in releases: Releases) throws -> String {
        let expected = try ReleaseManifest.of(built)
        let name = ReleaseName.new(at: now(), after: try releases.names().last)
        let incoming = releases.releasesFolder.appendingPathComponent(".incoming-\(name)")
        let manifest = releases.manifestFile(of: name)
        do {
            try copyTree(from: built, to: incoming)
            let differences = try expected.differences(in: incoming)
            guard differences.isEmpty else { throw Failure.incompleteRelease(site: releases.site, from: built, differences: differences) }
            try expected.write(to: manifest)
            try FileManager.default.moveItem(at: incoming, to: releases.releasesFolder.appendingPathComponent(name))
        } catch {
            try? FileManager.default.removeItem(at: incoming)
            try? FileManager.default.removeItem(at: manifest)
            throw error
        }
        return name
    }

    private func copyTree(from source: URL, to destination: URL) throws {
        try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: false)
        for path in try FileTree.files(under: source) {
            let target = destination.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try copyFile(source.appendingPathComponent(path), target)
        }
    }

    /// Deletes the oldest releases beyond `keep`, never the live one, and only releases publish made (with a
    /// manifest beside them): a folder someone put in `releases/` is never touched.
    private func prune(_ releases: Releases, keep: Int) -> (pruned: [String], notPruned: [String]) {
        guard let live = try? releases.current(), let names = try? releases.names() else {
            return ([], ["the releases folder could not be listed, so no old release was removed"])
        }
        var pruned: [String] = []
        var notPruned: [String] = []
        for name in names.dropLast(keep) where name != live {
            do {
                try FileManager.default.removeItem(at: releases.releasesFolder.appendingPathComponent(name))
                try FileManager.default.removeItem(at: releases.manifestFile(of: name))
                pruned.append(name)
            } catch {
                notPruned.append("\(name): \(error.localizedDescription)")
            }
        }
        return (pruned, notPruned)
    }
}
