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

    /// The files every site may be made from (`templates/`, `shared/`, showroom.yaml, the catalogue), hashed by
    /// their bytes: few and small next to the sites' own pages, and a hash of contents needs no rule for files
    /// changed moments ago.
    static func sharedStamps(root: URL) -> StableHash {
        var files: [String] = []
        for entry in ["templates", "shared"] {
            files += WorkspaceFiles.stamps(under: root.appendingPathComponent(entry), inside: root).keys.map { entry + "/" + $0 }
        }
        files += ["showroom.yaml", "assets/catalog.yaml"]
        var hasher = StableHasher()
        for path in files.sorted() {
            hasher.combine(path)
            if let bytes = try? PosixFile.read(path: root.appendingPathComponent(path).path) { hasher.combine(bytes) } else { hasher.combine(false) }
        }
        return hasher.finalize()
    }

    /// What the site's output depends on beyond the files: the engine, the shared files' stamps, the tracking
    /// snippet (which names every site's host), `--baseURL` and `--drafts`.
    static func siteKey(_ site: SiteConfig, inputs: FleetInputs, sharedStamps: StableHash) -> StableHash {
        var hasher = StableHasher()
        hasher.combineBuild(of: site, inputs: inputs,
                            snippet: PageWriter(site: site, inputs: inputs, files: SiteFiles(site: site.id, folder: "", inspector: nil)).snippet)
        hasher.combine(sharedStamps)
        return hasher.finalize()
    }

    /// The files' stamps hashed together, except the files in `byContent`, hashed by their bytes: those changed
    /// within `ReuseRules.trustedAge` of the recording, whose stamps cannot tell a second save in the same tick.
    struct Stamps: Equatable {
        var hash: StableHash
        var byContent: [String]
    }

    /// The stamps of every file in the site's own folder. Recording (`byContent` nil), recently changed files are
    /// hashed by content and named; checking, the recorded names are hashed the same way.
    static func folderStamps(folder: String, root: URL, byContent: Set<String>? = nil) -> Stamps? {
        var stamps: [String: FileStamp] = [:]
        for (path, stamp) in WorkspaceFiles.stamps(under: root.appendingPathComponent(folder), inside: root) {
            stamps[folder + "/" + path] = stamp
        }
        return hash(stamps, root: root, byContent: byContent)
    }

    /// The stamps of `files` (workspace paths), as `folderStamps`, from `known` stamps where given; nil when one
    /// is missing.
    static func fileStamps(_ files: [String], root: URL, byContent: Set<String>? = nil, known: [String: FileStamp] = [:]) -> Stamps? {
        var stamps: [String: FileStamp] = [:]
        for file in files {
            guard let stamp = known[file] ?? FileStamp(path: root.appendingPathComponent(file).path) else { return nil }
            stamps[file] = stamp
        }
        return hash(stamps, root: root, byContent: byContent)
    }

    /// Both together: what a site's record keeps.
    static func combined(folder: Stamps?, files: Stamps?) -> Stamps? {
        guard let folder, let files else { return nil }
        var hasher = StableHasher()
        hasher.combine(folder.hash)
        hasher.combine(files.hash)
        return Stamps(hash: hasher.finalize(), byContent: folder.byContent + files.byContent)
    }

    private static func hash(_ stamps: [String: FileStamp], root: URL, byContent: Set<String>?) -> Stamps? {
        var hasher = StableHasher()
        var named: [String] = []
        for path in stamps.keys.sorted() {
            let stamp = stamps[path]!
            hasher.combine(path)
            if byContent?.contains(path) ?? stamp.isRecent(within: ReuseRules.trustedAge) {
                guard let bytes = try? PosixFile.read(path: root.appendingPathComponent(path).path) else { return nil }
                hasher.combine(bytes)
                named.append(path)
            } else {
                hasher.combine(stamp)
            }
        }
        return Stamps(hash: hasher.finalize(), byContent: named)
    }

    /// The site's previous result when the whole site can be kept; nil when it must build.
    static func unchangedResult(of site: SiteConfig, previous: ReuseRecord, siteKey: StableHash, root: URL, output: URL,
                                now: Date, hashes: SourceHashes) -> SiteResult? {
        guard previous.siteKey == siteKey, let recorded = previous.stamps, previous.builtAt <= now, previous.validUntil.map({ now < $0 }) ?? true,
              FileManager.default.fileExists(atPath: output.appendingPathComponent(site.id).path),
              FileManager.default.fileExists(atPath: BuildRecordPaths.siteRecord(site.id, in: output).path)
        else { return nil }
        let byContent = Set(previous.byContent)
        // The stamps taken before the build serve when they were taken the same way (no file hashed by content).
        let taken = hashes.folders[site.id]
        let folder = previous.byContent.isEmpty && taken?.byContent.isEmpty == true
            ? taken : folderStamps(folder: site.folder, root: root, byContent: byContent)
        guard combined(folder: folder, files: fileStamps(previous.assetFiles, root: root, byContent: byContent, known: hashes.assetFiles))?.hash
                == recorded
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
    static func record(of result: SiteResult, siteKey: StableHash, hashes: SourceHashes, workspace: Workspace,
                       now: Date) -> ReuseRecord {
        let assetFiles = result.assetFiles.keys.sorted().compactMap { id in
            workspace.catalog[id].map { "\(workspace.catalog.filesFolder)/\($0.file)" }
        }
        var record = ReuseRecord(siteKey: siteKey, builtAt: now, validUntil: result.validUntil, pageCount: result.pages, files: result.files,
                                 stamps: nil, assetFiles: assetFiles,
                                 warnings: result.diagnostics, pages: Dictionary(result.pageRecords) { first, _ in first })
        let stamps = combined(folder: hashes.folders[result.siteID], files: fileStamps(assetFiles, root: workspace.root, known: hashes.assetFiles))
        record.stamps = stamps?.hash
        record.byContent = stamps?.byContent ?? []
        record.outputs = result.outputs.sorted()
        return record
    }
}
