import Foundation
import ShowroomCore
import ShowroomWorkspace

/// Writes the records a build leaves next to the sites (`BuildRecordPaths` lists them; their types live in
/// ShowroomWorkspace, below every module that reads them).
enum BuildRecords {
    /// Writes the record files of a site that built and was swapped in: its record and its share of the index,
    /// before its reuse record, so that a site kept whole by a later build always has records of its live output.
    static func writeSiteFiles(of result: SiteResult, site: SiteConfig, workspace: Workspace, output: URL) -> [Diagnostic] {
        do {
            try FileManager.default.createDirectory(at: BuildRecordPaths.sitesFolder(in: output), withIntermediateDirectories: true)
            guard let data = encodeRecord(of: result, site: site, workspace: workspace) else {
                return [.error(at: nil, "cannot encode the build record of \(result.siteID)")]
            }
            try data.write(to: BuildRecordPaths.siteRecord(result.siteID, in: output), options: .atomic)
            let usage = SiteUsage(site: result.siteID, baseURL: site.baseURL, assetFiles: result.assetFiles, uses: result.uses)
            try Data(usage.encoded()).write(to: SiteUsage.url(result.siteID, in: output), options: .atomic)
            return []
        } catch {
            return [.error(at: nil, "cannot write the build record of \(result.siteID) in \(output.path): \(error.localizedDescription)")]
        }
    }

    /// Remakes the fleet-wide index and manifest from every site's share: those of `built` (just written) and,
    /// for the sites this build left alone or that failed, from their files (their records where an older
    /// build left no share). The index entries are encoded on every core; only the final join is serial.
    static func writeIndex(built: [SiteResult], workspace: Workspace, output: URL) -> [Diagnostic] {
        let folder = BuildRecordPaths.folder(in: output)
        let sitesFolder = BuildRecordPaths.sitesFolder(in: output)
        do {
            try FileManager.default.createDirectory(at: sitesFolder, withIntermediateDirectories: true)
            let fresh = built.compactMap { result in
                workspace.site(result.siteID).map { SiteUsage(site: result.siteID, baseURL: $0.baseURL, assetFiles: result.assetFiles, uses: result.uses) }
            }
            let builtNames = Set(fresh.map { "\($0.site).json" })
            let others = try FileManager.default.contentsOfDirectory(atPath: sitesFolder.path)
                .filter { $0.hasSuffix(".json") && !builtNames.contains($0) }
            let loaded = ConcurrentMap.map(others) { name -> SiteUsage? in
                let site = String(name.dropLast(5))
                return SiteUsage.read(site: site, from: SiteUsage.url(site, in: output))
                    ?? (try? SiteRecord.read(path: sitesFolder.appendingPathComponent(name).path)).map(SiteUsage.init(record:))
            }
            let shares = (fresh + loaded.compactMap { $0 }).sorted { $0.site < $1.site }

            var ids = Set(workspace.catalog.assets.keys)
            var manifest = AssetManifest()
            for share in shares {
                ids.formUnion(share.rows.keys)
                for (id, file) in share.assetFiles {
                    manifest.assets[id, default: .init(file: file, sites: [:])].sites[share.site] = share.baseURL + "assets/" + file
                    manifest.assets[id]?.file = file
                }
            }
            try encodeUsage(ids: ids.sorted(), shares: shares, workspace: workspace).write(to: BuildRecordPaths.usageIndex(in: output), options: .atomic)
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

    /// A site's record as its JSON file holds it.
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
    private static func encodeUsage(ids: [String], shares: [SiteUsage], workspace: Workspace) throws -> Data {
        let entries = ConcurrentMap.map(ids) { id in
            UsageIndex.Entry.encodedJSON(title: workspace.catalog[id]?.title, rows: shares.compactMap { $0.rows[id] })
        }
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
