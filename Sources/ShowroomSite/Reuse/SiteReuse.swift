import Foundation
import ShowroomCore
import ShowroomWorkspace

/// Whether a whole site can keep its previous output: nothing in its folder, in the shared templates, content,
/// data and strings, in showroom.yaml, the catalogue or the files of the assets it uses has changed (by their
/// stamps), the build is asked for the same things by the same engine, and no scheduled page or licence has
/// changed the output since. Otherwise the site builds, and each page is judged on its own (`PageReuse`).
enum SiteReuse {
    /// The site's reuse record in `output`.
    static func recordURL(_ site: String, in output: URL) -> URL {
        BuildRecordPaths.sitesFolder(in: output).appendingPathComponent("\(site).reuse")
    }

    /// The files every site may be made from, hashed by their stamps; a random hash when one changed too
    /// recently for its stamp to be trusted (then no site is kept whole).
    static func sharedStamps(root: URL) -> StableHash {
        var stamps: [String: FileStamp] = [:]
        for entry in ["templates", "shared"] {
            for (path, stamp) in WorkspaceFiles.stamps(under: root.appendingPathComponent(entry), inside: root) { stamps[entry + "/" + path] = stamp }
        }
        for file in ["showroom.yaml", "assets/catalog.yaml"] { stamps[file] = FileStamp(path: root.appendingPathComponent(file).path) }
        var hasher = StableHasher()
        for path in stamps.keys.sorted() {
            guard let stamp = stamps[path] else { continue }
            if stamp.isRecent(within: ReuseRules.trustedAge) { return StableHasher.hash(UUID().uuidString) }
            hasher.combine(path)
            hasher.combine(stamp)
        }
        return hasher.finalize()
    }

    /// What the site's output depends on beyond the files: the engine, the shared files' stamps, the tracking
    /// snippet (which names every site's host), `--baseURL` and `--drafts`.
    static func siteKey(_ site: SiteConfig, inputs: FleetInputs, sharedStamps: StableHash) -> StableHash {
        var hasher = StableHasher()
        hasher.combine(EngineIdentity.hash)
        hasher.combine(sharedStamps)
        hasher.combine(PageWriter(site: site, inputs: inputs, files: SiteFiles(site: site.id, folder: "", inspector: nil)).snippet)
        for change in inputs.addressChanges { hasher.combine(String(describing: change)) }
        hasher.combine(inputs.includeDrafts)
        hasher.combine(site.baseURL)
        return hasher.finalize()
    }

    /// The hash of the stamps of every file in the site's own folder, or nil when one changed too recently to be
    /// trusted.
    static func folderStamps(of site: SiteConfig, root: URL) -> StableHash? {
        stampHash(WorkspaceFiles.stamps(under: root.appendingPathComponent(site.folder), inside: root))
    }

    /// The hash of the stamps of `files` (workspace paths), or nil when one is missing or too recent.
    static func fileStamps(_ files: [String], root: URL) -> StableHash? {
        var stamps: [String: FileStamp] = [:]
        for file in files {
            guard let stamp = FileStamp(path: root.appendingPathComponent(file).path) else { return nil }
            stamps[file] = stamp
        }
        return stampHash(stamps)
    }

    /// Both hashes together: what a site's record keeps.
    static func combined(folder: StableHash?, files: StableHash?) -> StableHash? {
        guard let folder, let files else { return nil }
        var hasher = StableHasher()
        hasher.combine(folder)
        hasher.combine(files)
        return hasher.finalize()
    }

    private static func stampHash(_ stamps: [String: FileStamp]) -> StableHash? {
        var hasher = StableHasher()
        for path in stamps.keys.sorted() {
            let stamp = stamps[path]!
            guard !stamp.isRecent(within: ReuseRules.trustedAge) else { return nil }
            hasher.combine(path)
            hasher.combine(stamp)
        }
        return hasher.finalize()
    }

    /// The site's previous result when the whole site can be kept; nil when it must build.
    static func unchangedResult(of site: SiteConfig, previous: ReuseRecord, siteKey: StableHash, root: URL, output: URL,
                                now: Date) -> SiteResult? {
        guard previous.siteKey == siteKey, let recorded = previous.stamps, previous.builtAt <= now, previous.validUntil.map({ now < $0 }) ?? true,
              FileManager.default.fileExists(atPath: output.appendingPathComponent(site.id).path),
              FileManager.default.fileExists(atPath: BuildRecordPaths.siteRecord(site.id, in: output).path)
        else { return nil }
        guard combined(folder: folderStamps(of: site, root: root), files: fileStamps(previous.assetFiles, root: root)) == recorded
        else { return nil }
        // Its uses, asset files and inputs stay in its build record, which the fleet's index is made from.
        var result = SiteResult(siteID: site.id, pages: previous.pageCount, files: previous.files, diagnostics: previous.warnings,
                                uses: [], assetFiles: [:], inputs: [], seconds: 0)
        result.baseURL = site.baseURL
        result.reused = previous.pageCount
        result.unchanged = true
        return result
    }

    /// The record a built site leaves for the next build. `folderStamps` were taken before the build read anything.
    static func record(of result: SiteResult, siteKey: StableHash, folderStamps: StableHash?, workspace: Workspace,
                       now: Date) -> ReuseRecord {
        let assetFiles = result.assetFiles.keys.sorted().compactMap { id in
            workspace.catalog[id].map { "\(workspace.catalog.filesFolder)/\($0.file)" }
        }
        var record = ReuseRecord(siteKey: siteKey, builtAt: now, validUntil: result.validUntil, pageCount: result.pages, files: result.files,
                                 stamps: combined(folder: folderStamps, files: fileStamps(assetFiles, root: workspace.root)), assetFiles: assetFiles,
                                 warnings: result.diagnostics, pages: Dictionary(result.pageRecords) { first, _ in first })
        record.outputs = result.outputs.sorted()
        return record
    }
}
