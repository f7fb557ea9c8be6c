import Foundation
import ShowroomSite
import ShowroomWorkspace

/// One site's record as a build leaves it in `<output>/.showroom/sites/<site>.json`: the part that tools
/// after the build read (its address and the workspace files it was built from).
public struct BuildRecordFile: Sendable, Codable, Hashable {
    public var site: String
    public var baseURL: String
    /// Every workspace file the site was built from, relative to the workspace.
    public var inputs: [String]

    public init(site: String, baseURL: String, inputs: [String]) {
        self.site = site
        self.baseURL = baseURL
        self.inputs = inputs
    }

    /// The folder of the site records inside a build output.
    public static func folder(in output: URL) -> URL {
        output.appendingPathComponent(FleetBuilder.recordsFolder).appendingPathComponent("sites")
    }

    /// Every site record in `output`, by site id; empty when nothing was built there yet.
    public static func readAll(in output: URL) -> [String: BuildRecordFile] {
        let folder = folder(in: output)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var records: [String: BuildRecordFile] = [:]
        for name in names where name.hasSuffix(".json") {
            let path = folder.appendingPathComponent(name).path
            guard let record = try? files.value(forPath: path, make: { () throws -> BuildRecordFile in
                try JSONDecoder().decode(BuildRecordFile.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
            }) else { continue }
            records[record.site] = record
        }
        return records
    }

    /// Records as last read, while their files stay unchanged (`serve` reads them after every change).
    private static let files = FileCache<BuildRecordFile>()
}
