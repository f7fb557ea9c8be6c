import Foundation
import ShowroomCore

/// One site's record, `<output>/.showroom/sites/<site>.json`: written by the build when the site built, read
/// back by the next build (for the fleet-wide index), by `affected`, `check` and `serve`.
public struct SiteRecord: Codable, Sendable, Hashable {
    /// The site's id.
    public var site: String
    /// The site's `baseURL` when it was built.
    public var baseURL: String
    /// How many pages the build wrote.
    public var pages: Int
    /// Every place the site's pages use a library asset.
    public var uses: [UsageIndex.Use]
    /// Asset id → the fingerprinted file name the site publishes it as.
    public var assetFiles: [String: String]
    /// Every workspace file the site was built from, relative to the workspace.
    public var inputs: [String]
    /// The workspace folder the site was built from, so that a build into a shared output folder only ever
    /// withdraws the sites of its own workspace (nil in records of older builds).
    public var workspace: String?

    /// A record with every field given.
    public init(site: String, baseURL: String, pages: Int, uses: [UsageIndex.Use], assetFiles: [String: String], inputs: [String],
                workspace: String?) {
        self.site = site
        self.baseURL = baseURL
        self.pages = pages
        self.uses = uses
        self.assetFiles = assetFiles
        self.inputs = inputs
        self.workspace = workspace
    }

    /// The record in the file at `path`, as last read while the file stays unchanged (`serve` reads the
    /// records after every change).
    public static func read(path: String) throws -> SiteRecord {
        try files.value(forPath: path) { () throws -> SiteRecord in
            try JSONDecoder().decode(SiteRecord.self, from: Data(PosixFile.read(path: path)))
        }
    }

    /// Every site record in `output`, by site id; empty when nothing was built there yet. Unreadable files
    /// are left out.
    public static func readAll(in output: URL) -> [String: SiteRecord] {
        let folder = BuildRecordPaths.sitesFolder(in: output)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var records: [String: SiteRecord] = [:]
        for name in names where name.hasSuffix(".json") {
            guard let record = try? read(path: folder.appendingPathComponent(name).path) else { continue }
            records[record.site] = record
        }
        return records
    }

    /// The file's bytes as the build writes them: JSON with sorted keys, one line per use (a large site has
    /// thousands), written by hand (`RecordJSON`), since Foundation's encoder was a noticeable part of a build.
    public func encoded() throws -> Data {
        var output: [UInt8] = []
        output.reserveCapacity(256 + uses.count * 128 + inputs.count * 48)
        RecordJSON.appendMember("assetFiles", after: "{", to: &output) { RecordJSON.append(assetFiles, to: &$0) }
        RecordJSON.appendMember("baseURL", after: ",\n", to: &output) { RecordJSON.append(baseURL, to: &$0) }
        RecordJSON.appendMember("inputs", after: ",\n", to: &output) { RecordJSON.append(inputs, to: &$0) }
        RecordJSON.appendMember("pages", after: ",\n", to: &output) { RecordJSON.append(pages, to: &$0) }
        RecordJSON.appendMember("site", after: ",\n", to: &output) { RecordJSON.append(site, to: &$0) }
        RecordJSON.appendMember("uses", after: ",\n", to: &output) { output in
            output.append(UInt8(ascii: "["))
            for (index, use) in uses.enumerated() {
                output.append(contentsOf: (index == 0 ? "\n" : ",\n").utf8)
                use.appendJSON(to: &output)
            }
            output.append(contentsOf: (uses.isEmpty ? "]" : "\n]").utf8)
        }
        if let workspace {
            RecordJSON.appendMember("workspace", after: ",\n", to: &output) { RecordJSON.append(workspace, to: &$0) }
        }
        output.append(contentsOf: Array("}\n".utf8))
        return Data(output)
    }

    private static let files = FileCache<SiteRecord>()
}
