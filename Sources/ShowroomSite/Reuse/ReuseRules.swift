import ShowroomCore
import ShowroomWorkspace

/// Which build of Showroom made an output: its version and its executable's stamp, so that a changed engine
/// (a new release, or a developer's rebuild) reuses nothing an older one wrote.
enum EngineIdentity {
    static let hash: StableHash = {
        var hasher = StableHasher()
        hasher.combine(ShowroomVersion.current)
        if let stamp = FileStamp(path: "/proc/self/exe") ?? CommandLine.arguments.first.flatMap(FileStamp.init(path:)) {
            hasher.combine(stamp)
        }
        return hasher.finalize()
    }()
}

/// The rules reuse follows.
enum ReuseRules {
    /// A file changed more recently than this may change again within one tick of the file system's clock
    /// without its stamp changing, so its stamp is not trusted to say it is unchanged.
    static let trustedAge: Duration = .seconds(2)
}

extension StableHasher {
    /// Mixes in a file's stamp (size, times, inode, device).
    mutating func combine(_ stamp: FileStamp) {
        combine(stamp.size)
        combine(stamp.modified)
        combine(stamp.changed)
        combine(stamp.inode)
        combine(stamp.device)
    }
}

extension StableHasher {
    /// Mixes in what a build of `site` is asked for beyond its files: the engine, the tracking snippet (which
    /// names every site's host), the site's address, `--baseURL`'s changes and `--drafts`. Both the site's key
    /// and its pages' keys start from this.
    mutating func combineBuild(of site: SiteConfig, inputs: FleetInputs, snippet: String) {
        combine(EngineIdentity.hash)
        combine(snippet)
        combine(site.baseURL)
        for change in inputs.addressChanges { combine(String(describing: change)) }
        combine(inputs.includeDrafts)
    }
}
