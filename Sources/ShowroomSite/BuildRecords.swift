import Foundation
import ShowroomCore
import ShowroomWorkspace

/// Writes the records a build leaves next to the sites (`BuildRecordPaths` lists them; their types live in
/// ShowroomWorkspace, below every module that reads them).
enum BuildRecords {
    /// Writes the records of the sites in `results` (those that built) and remakes the fleet-wide index and
    /// manifest from every site's record, including sites this build left alone. The per-site records and the
    /// index entries are encoded on every core; only the final join is serial.
    static func write(results: [SiteResult], workspace: Workspace, library: AssetLibrary, output: URL) -> [Diagnostic] {
        let folder = BuildRecordPaths.folder(in: output)
        let sitesFolder = BuildRecordPaths.sitesFolder(in: output)
        do {
            try FileManager.default.createDirectory(at: sitesFolder, withIntermediateDirectories: true)
            let built = results.compactMap { result -> SiteRecord? in
                workspace.site(result.siteID).map { record(of: result, site: $0, workspace: workspace) }
            }
            for result in results {
                guard let site = workspace.site(result.siteID) else { continue }
                guard let data = result.record ?? encodeRecord(of: result, site: site, workspace: workspace) else {
                    return [.error(at: nil, "cannot encode the build record of \(result.siteID)")]
                }
                try data.write(to: BuildRecordPaths.siteRecord(result.siteID, in: output), options: .atomic)
            }

            // Records of sites this build did not build (or that failed) come from their files.
            let builtNames = Set(built.map { "\($0.site).json" })
            let others = try FileManager.default.contentsOfDirectory(atPath: sitesFolder.path)
                .filter { $0.hasSuffix(".json") && !builtNames.contains($0) }
            let loaded = ConcurrentMap.map(others) { name -> SiteRecord? in
                try? SiteRecord.read(path: sitesFolder.appendingPathComponent(name).path)
            }
            let records = (built + loaded.compactMap { $0 }).sorted { $0.site < $1.site }

            var usage: [String: UsageIndex.Entry] = [:]
            for id in workspace.catalog.assets.keys { usage[id] = .init(title: workspace.catalog[id]?.title, uses: []) }
            var manifest = AssetManifest()
            for record in records {
                for use in record.uses { usage[use.asset, default: .init(title: nil, uses: [])].uses.append(use) }
                for (id, file) in record.assetFiles {
                    manifest.assets[id, default: .init(file: file, sites: [:])].sites[record.site] = record.baseURL + "assets/" + file
                    manifest.assets[id]?.file = file
                }
            }
            try encodeUsage(usage).write(to: BuildRecordPaths.usageIndex(in: output), options: .atomic)
            try manifest.encoded().write(to: BuildRecordPaths.assetManifest(in: output), options: .atomic)
            return []
        } catch {
            return [.error(at: nil, "cannot write the build records in \(folder.path): \(error.localizedDescription)")]
        }
    }

    private static func record(of result: SiteResult, site: SiteConfig, workspace: Workspace) -> SiteRecord {
        SiteRecord(site: site.id, baseURL: site.baseURL, pages: result.pages, uses: result.uses, assetFiles: result.assetFiles,
                   inputs: result.inputs, workspace: workspace.root.standardizedFileURL.path)
    }

    /// The workspace folder a site record names, if it can be read.
    static func workspaceFolder(ofRecordAt url: URL) -> String? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return (try? JSONDecoder().decode(SiteRecord.self, from: data))?.workspace
    }

    /// A site's record as its JSON file holds it; the fleet build calls this as soon as the site is swapped in.
    static func encodeRecord(of result: SiteResult, site: SiteConfig, workspace: Workspace) -> Data? {
        try? record(of: result, site: site, workspace: workspace).encoded()
    }

    private static func compactEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// `{"assets":{…}}` with the assets in id order, each entry encoded on its own core and one line per asset:
    /// the index of a large fleet holds a row per page and asset, and one encoder pass over it was serial.
    private static func encodeUsage(_ usage: [String: UsageIndex.Entry]) throws -> Data {
        let ids = usage.keys.sorted()
        let entries = ConcurrentMap.map(ids) { id in usage[id]!.encodedJSON() }
        var data = Data("{\"assets\":{\n".utf8)
        let keyEncoder = compactEncoder()
        for (number, id) in ids.enumerated() {
            data.append(try keyEncoder.encode(id))
            data.append(UInt8(ascii: ":"))
            data.append(contentsOf: entries[number])
            data.append(contentsOf: Array((number + 1 < ids.count ? ",\n" : "\n").utf8))
        }
        data.append(contentsOf: Array("}}\n".utf8))
        return data
    }
}
