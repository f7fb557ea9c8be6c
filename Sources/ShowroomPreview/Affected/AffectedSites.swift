import Foundation
import ShowroomCore
import ShowroomSite
import ShowroomWorkspace

/// Which sites a set of changed workspace files touches, from the build's dependency records.
///
/// A changed file affects:
/// 1. the site whose folder it is in (`sites/<id>/…`);
/// 2. every site whose build record lists it as an input (pages, mounted shared pages, templates of its
///    lookup chain, shared data, used asset files);
/// 3. when no record lists it, the sites that would read it if it were new: `templates/base/…` every
///    site, `templates/<kind>/…` the sites of that kind, `shared/data/…` every site,
///    `shared/content/<folder>/….md` the sites whose mounts take the page (folder and tags),
///    `shared/i18n/<locale>.yaml` the sites in that locale (and `en` the sites without a file of their own);
/// 4. fleet-wide settings (`showroom.yaml`, `assets/catalog.yaml`) every site.
///
/// Anything else (an asset file no site uses, docs, code) affects no site.
public enum AffectedSites {
    /// Site id → the changed files that affect it.
    public static func map(changed: [String], records: [String: SiteRecord], workspace: Workspace) -> [String: [String]] {
        let siteIDs = Set(workspace.sites.map(\.id))
        var readers: [String: Set<String>] = [:]
        for record in records.values where siteIDs.contains(record.site) {
            for input in record.inputs { readers[input, default: []].insert(record.site) }
        }
        var affected: [String: [String]] = [:]
        for file in Set(changed).sorted() {
            var sites = readers[file] ?? []
            let parts = file.split(separator: "/").map(String.init)
            if parts.count >= 3, parts[0] == "sites", siteIDs.contains(parts[1]) { sites.insert(parts[1]) }
            if readers[file] == nil { sites.formUnion(unrecordedReaders(of: parts, workspace: workspace)) }
            for site in sites { affected[site, default: []].append(file) }
        }
        return affected
    }

    /// The sites that read a file no build record lists (a new or fleet-wide file).
    private static func unrecordedReaders(of parts: [String], workspace: Workspace) -> Set<String> {
        let all = Set(workspace.sites.map(\.id))
        let path = parts.joined(separator: "/")
        if path == "showroom.yaml" || path == "assets/catalog.yaml" { return all }
        guard parts.count >= 3 else { return [] }
        switch (parts[0], parts[1]) {
        case ("templates", "base"):
            return all
        case ("templates", let set):
            return Set(workspace.sites.filter { $0.kind.rawValue == set }.map(\.id))
        case ("shared", "data"):
            return all
        case ("shared", "content"):
            // A page no site showed: the sites whose mounts now take it (folder and tags), if it exists.
            let url = workspace.root.appendingPathComponent(path)
            guard let text = try? SourceText.read(url, relativePath: path, maxBytes: InputLimits.pageBytes),
                  let page = PageSource.parse(text: text, file: path, contentPath: parts.dropFirst(2).joined(separator: "/")).0
            else { return [] }
            let folders = parts.dropFirst(2).dropLast().joined(separator: "/")
            return Set(workspace.sites.filter { site in
                site.mounts.contains { mount in
                    let from = mount.from.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
                    return (folders == from || folders.hasPrefix(from + "/"))
                        && (mount.tags.isEmpty || !Set(page.tags).isDisjoint(with: mount.tags))
                }
            }.map(\.id))
        case ("shared", "i18n"):
            let locale = (parts[2] as NSString).deletingPathExtension
            let i18n = workspace.root.appendingPathComponent("shared/i18n")
            return Set(workspace.sites.filter { site in
                let hasOwn = FileManager.default.fileExists(atPath: i18n.appendingPathComponent("\(site.locale).yaml").path)
                return site.locale == locale || (locale == "en" && !hasOwn)
            }.map(\.id))
        default:
            return []
        }
    }
}

/// What `showroom affected` found.
public struct AffectedReport: Sendable {
    /// Affected site ids, sorted.
    public var sites: [String]
    /// Site id → the changed files that affect it.
    package var reasons: [String: [String]]
    /// Every changed file (relative to the workspace), affecting a site or not.
    public var changed: [String]
    /// Whether the fleet had to be built first because there were no build records.
    public var builtFirst: Bool
    /// Problems of that first build (its records are written for the sites that built).
    public var buildDiagnostics: [Diagnostic]
    /// Sites the last build made whose folder is gone from `sites/`: their output is stale (the next
    /// whole-fleet build removes it) and their published release should be withdrawn.
    public var removed: [String] = []
}

extension AffectedReport {
    private struct Document: Encodable {
        var sites: [String]
        var reasons: [String: [String]]
        var changed: [String]
        var builtFirst: Bool
        var removed: [String]
    }

    /// `{"sites": [...], "reasons": {site: [files]}, "changed": [...], "builtFirst": false, "removed": [...]}`.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Document(sites: sites, reasons: reasons, changed: changed, builtFirst: builtFirst,
                                                             removed: removed))) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}

extension AffectedSites {
    /// Why the affected sites cannot be worked out: git could not be run, or failed.
    public struct Failure: Error, CustomStringConvertible {
        /// What went wrong, and what to do.
        public var description: String
    }

    /// Lists the workspace files changed since `revision` (committed, staged, unstaged and untracked, relative to
    /// the workspace) and maps them to sites, building the fleet first when there are no build records.
    public static func run(workspace root: URL, since revision: String, now: Date = Date()) throws -> AffectedReport {
        let root = root.standardizedFileURL
        let changed = try Git.changedFiles(since: revision, in: root)
        let (workspace, _) = Workspace.load(root: root)
        let output = root.appendingPathComponent(workspace.fleet.output)
        var records = SiteRecord.readAll(in: output)
        var builtFirst = false
        var diagnostics: [Diagnostic] = []
        if records.isEmpty {
            let report = FleetBuilder.build(BuildOptions(workspace: root, now: now))
            builtFirst = true
            diagnostics = report.allDiagnostics
            records = SiteRecord.readAll(in: output)
        }
        let generated = [workspace.fleet.output + "/", ".showroom/"]
        let sources = changed.filter { file in !generated.contains { file.hasPrefix($0) } }
        let reasons = map(changed: sources, records: records, workspace: workspace)
        return AffectedReport(sites: reasons.keys.sorted(), reasons: reasons, changed: sources, builtFirst: builtFirst,
                              buildDiagnostics: diagnostics, removed: FleetBuilder.deletedSites(recorded: records.keys, workspace: workspace))
    }
}

/// The few git commands `showroom affected` needs.
enum Git {
    /// Files changed between `revision` and the working tree, plus untracked files, relative to `folder`.
    static func changedFiles(since revision: String, in folder: URL) throws -> [String] {
        let changed = try run(["diff", "--name-only", "--no-renames", "--relative", revision, "--"], in: folder)
        let untracked = try run(["ls-files", "--others", "--exclude-standard"], in: folder)
        return Set((changed + "\n" + untracked).split(separator: "\n").map(String.init).filter { !$0.isEmpty }).sorted()
    }

    private static func run(_ arguments: [String], in folder: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "core.quotePath=false"] + arguments
        process.currentDirectoryURL = folder
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw AffectedSites.Failure(description: "cannot run git: \(error.localizedDescription); install git")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw AffectedSites.Failure(description: "git \(arguments.joined(separator: " ")) failed: \(text)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
