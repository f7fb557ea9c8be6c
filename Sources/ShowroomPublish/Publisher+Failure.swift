import Foundation

extension Publisher {
    /// Why a publish or rollback did nothing; each says what to do about it.
    public enum Failure: Error, CustomStringConvertible {
        case notBuilt(site: String, folder: URL)
        case noPreviousRelease(site: String)
        case keepTooSmall
        /// Another publish or rollback of the site held its lock for all of `waited`.
        case busy(site: String, lockFile: URL, holder: Int?, waited: Duration)
        case cannotLock(site: String, file: URL, reason: String)
        /// The copy in `release` does not match the built site; it was deleted.
        case incompleteRelease(site: String, from: URL, differences: [String])

        public var description: String {
            switch self {
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
                let shown = differences.prefix(5).joined(separator: "; ") + (differences.count > 5 ? "; and \(differences.count - 5) more" : "")
                return "the copy of \(site) did not match \(from.path) (\(shown)), so it was deleted and the live site was "
                    + "not changed. Check the free space of the publish folder, and that no build wrote to \(from.path) "
                    + "meanwhile, then publish again"
            }
        }
    }
}

extension Duration {
    /// Whole seconds, for messages.
    var seconds: Int64 { components.seconds }
}
