import Foundation
import ShowroomCore
import ShowroomWorkspace

/// The records a build leaves next to the sites, in `<output>/.showroom/` (never published):
///
/// - `sites/<site>.json`: that site's asset uses and input files, replaced only when the site built;
/// - `usage.json`: the usage index of every site (asset → site, page, source file and line);
/// - `assets.json`: the asset manifest the collection service redirects downloads with.
enum BuildRecords {
    struct SiteRecord: Codable {
        var site: String
        var baseURL: String
        var pages: Int
        var uses: [AssetUse]
        var assetFiles: [String: String]
        var inputs: [String]
    }

    struct UsageIndex: Codable {
        struct Entry: Codable {
            var title: String?
            var uses: [AssetUse]
        }
        var assets: [String: Entry]
    }

    struct Manifest: Codable {
        struct Entry: Codable {
            var file: String
            var sites: [String: String]
        }
        var assets: [String: Entry]
    }

    static func write(results: [SiteResult], workspace: Workspace, library: AssetLibrary, output: URL) -> [Diagnostic] {
        let folder = output.appendingPathComponent(FleetBuilder.recordsFolder)
        let sitesFolder = folder.appendingPathComponent("sites")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        do {
            try FileManager.default.createDirectory(at: sitesFolder, withIntermediateDirectories: true)
            for result in results {
                guard let site = workspace.site(result.siteID) else { continue }
                let record = SiteRecord(site: site.id, baseURL: site.baseURL, pages: result.pages, uses: result.uses,
                                        assetFiles: result.assetFiles, inputs: result.inputs)
                try encoder.encode(record).write(to: sitesFolder.appendingPathComponent("\(site.id).json"), options: .atomic)
            }
            var records: [SiteRecord] = []
            for name in try FileManager.default.contentsOfDirectory(atPath: sitesFolder.path).sorted() where name.hasSuffix(".json") {
                let data = try Data(contentsOf: sitesFolder.appendingPathComponent(name))
                if let record = try? JSONDecoder().decode(SiteRecord.self, from: data) { records.append(record) }
            }
            var usage = UsageIndex(assets: [:])
            for id in workspace.catalog.assets.keys { usage.assets[id] = .init(title: workspace.catalog[id]?.title, uses: []) }
            var manifest = Manifest(assets: [:])
            for record in records {
                for use in record.uses { usage.assets[use.asset, default: .init(title: nil, uses: [])].uses.append(use) }
                for (id, file) in record.assetFiles {
                    manifest.assets[id, default: .init(file: file, sites: [:])].sites[record.site] = record.baseURL + "assets/" + file
                    manifest.assets[id]?.file = file
                }
            }
            try encoder.encode(usage).write(to: folder.appendingPathComponent("usage.json"), options: .atomic)
            try encoder.encode(manifest).write(to: folder.appendingPathComponent("assets.json"), options: .atomic)
            return []
        } catch {
            return [.error(at: nil, "cannot write the build records in \(folder.path): \(error.localizedDescription)")]
        }
    }
}
