import Foundation

extension Publisher {
    /// Why a publish or rollback did nothing; each says what to do about it.
    public enum Failure: Error, CustomStringConvertible {
        case invalidSiteID(String)
        case notBuilt(site: String, folder: URL)
        case noPreviousRelease(site: String)
        case keepTooSmall
        /// Another publish or rollback of the site held its lock for all of `waited`.
        case busy(site: String, lockFile: URL, holder: Int?, waited: Duration)
        case cannotLock(site: String, file: URL, reason: String)
        /// The copy in `release` does not match the built site; it was deleted.
        case incompleteRelease(site: String, from: URL, differences: [String])
        /// `DIR/<site>/current` is not a link to a release.
        case unexpectedCurrent(link: URL, found: Found, releases: URL)
        /// A file where publish keeps a folder (the publish folder, `DIR/<site>`, `DIR/<site>/releases`).
        case notAFolder(URL)
        /// The release to roll back to no longer matches the manifest publish wrote beside it.
        case damagedRelease(site: String, release: URL, differences: [String])

        /// What was found where the `current` link should be.
        public enum Found: Sendable {
            case file, folder
            case link(to: String)
        }

        /// What went wrong, where, and what to do about it.
        public var description: String {
            switch self {
            case .invalidSiteID(let site):
                return "`\(site)` is not a site id: use 1 to 64 letters, digits, `-` or `_`, the name of the site's folder "
                    + "in sites/ (for example `aurora`); nothing was written"
            case .notBuilt(let site, let folder):
                return "there is no built output for \(site) at \(folder.path); run `showroom build --site \(site)` first"
            case .noPreviousRelease(let site):
                return "\(site) has no release before the current one to roll back to"
            case .keepTooSmall:
                return "--keep must be at least 1"
            case .busy(let site, let lockFile, let holder, let waited):
                return "another publish of \(site) is running\(holder.map { " (process \($0))" } ?? "") and held \(lockFile.path) "
                    + "for the \(waited.seconds) s this one waited; nothing was changed. Publish again when it is done, "
                    + "or give it longer with --wait SECONDS"
            case .cannotLock(let site, let file, let reason):
                return "cannot lock \(file.path) to publish \(site): \(reason); nothing was changed. Check that the publish "
                    + "folder is writable and that \(file.lastPathComponent) is a plain file"
            case .incompleteRelease(let site, let from, let differences):
                return "the copy of \(site) did not match \(from.path) (\(Self.summary(of: differences))), so it was deleted and the live site was "
                    + "not changed. Check the free space of the publish folder, and that no build wrote to \(from.path) "
                    + "meanwhile, then publish again"
            case .unexpectedCurrent(let link, let found, let releases):
                let fix = "nothing was changed. Publish only replaces a `current` link to a folder in \(releases.path)/; "
                switch found {
                case .file:
                    return "\(link.path) is a file, not the link to the live release that publish makes; " + fix
                        + "move the file elsewhere, then publish again"
                case .folder:
                    return "\(link.path) is a folder, not the link to the live release that publish makes; " + fix
                        + "move the folder elsewhere (or into releases/ and link `current` to it), then publish again"
                case .link(let destination):
                    return "\(link.path) points at \(destination.isEmpty ? "nothing" : destination), which is not a release; " + fix
                        + "point it at a release (`ln -sfn releases/<name> \(link.path)`) or remove it, then publish again"
                }
            case .notAFolder(let place):
                return "\(place.path) is not a folder, but publish keeps a folder there; nothing was changed. Move it "
                    + "elsewhere, or publish with another --to"
            case .damagedRelease(let site, let release, let differences):
                return "\(release.path) was changed since it was published (\(Self.summary(of: differences))), so \(site) was not rolled back "
                    + "to it and the live site was not changed. Publish the version you want again instead"
            }
        }
    }
}

extension Publisher.Failure {
    /// The first five differences, and how many more there are.
    private static func summary(of differences: [String]) -> String {
        differences.prefix(5).joined(separator: "; ") + (differences.count > 5 ? "; and \(differences.count - 5) more" : "")
    }
}

extension Duration {
    /// Whole seconds, for messages.
    var seconds: Int64 { components.seconds }
}
