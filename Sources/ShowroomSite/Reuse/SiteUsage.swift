import Foundation
import ShowroomCore
import ShowroomWorkspace

/// One site's share of the fleet's usage index and asset manifest, kept beside its build record
/// (`.showroom/sites/<site>.usage`) so that remaking the index after a build that left most sites alone
/// needs no decoding of their records: the index is the sites' pieces joined per asset.
///
///     showroom-usage 1
///     base <baseURL>
///     file <asset id> <output name>     each asset placed in the site's output
///     rows <asset id> <JSON rows>       the site's uses of the asset, as `usage.json` writes them
struct SiteUsage: Sendable {
    static let format = "showroom-usage 1"

    var site: String
    var baseURL: String
    var assetFiles: [String: String]
    /// The site's uses of each asset as JSON objects joined by commas, in the record's order.
    var rows: [String: [UInt8]]

    /// The file beside the site's record in `output`.
    static func url(_ site: String, in output: URL) -> URL {
        BuildRecordPaths.sitesFolder(in: output).appendingPathComponent("\(site).usage")
    }

    init(site: String, baseURL: String, assetFiles: [String: String], uses: [UsageIndex.Use]) {
        self.site = site
        self.baseURL = baseURL
        self.assetFiles = assetFiles
        var byAsset: [String: [UsageIndex.Use]] = [:]
        for use in uses { byAsset[use.asset, default: []].append(use) }
        rows = byAsset.mapValues { UsageIndex.Entry.rows(of: $0) }
    }

    init(record: SiteRecord) {
        self.init(site: record.site, baseURL: record.baseURL, assetFiles: record.assetFiles, uses: record.uses)
    }

    private init(site: String, baseURL: String) {
        self.site = site
        self.baseURL = baseURL
        assetFiles = [:]
        rows = [:]
    }

    /// The piece in `url`, or nil when there is none or it cannot be read.
    static func read(site: String, from url: URL) -> SiteUsage? {
        guard let bytes = try? PosixFile.read(path: url.path) else { return nil }
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)[...]
        guard let first = lines.popFirst(), first.elementsEqual(format.utf8) else { return nil }
        var usage = SiteUsage(site: site, baseURL: "")
        for line in lines {
            let fields = line.split(separator: UInt8(ascii: "\t"), maxSplits: 2, omittingEmptySubsequences: false)
            let kind = String(decoding: fields[0], as: UTF8.self)
            switch kind {
            case "base" where fields.count == 2:
                usage.baseURL = ReuseRecord.unescape(String(decoding: fields[1], as: UTF8.self)[...])
            case "file" where fields.count == 3:
                usage.assetFiles[ReuseRecord.unescape(String(decoding: fields[1], as: UTF8.self)[...])] =
                    ReuseRecord.unescape(String(decoding: fields[2], as: UTF8.self)[...])
            case "rows" where fields.count == 3:
                usage.rows[ReuseRecord.unescape(String(decoding: fields[1], as: UTF8.self)[...])] = Array(fields[2])
            default:
                return nil
            }
        }
        return usage
    }

    /// The piece as its file holds it. The rows are JSON on one line (control characters escaped), so they
    /// need no escaping of their own.
    func encoded() -> [UInt8] {
        var output = Array((Self.format + "\nbase\t" + ReuseRecord.escape(baseURL) + "\n").utf8)
        for id in assetFiles.keys.sorted() {
            output += Array("file\t\(ReuseRecord.escape(id))\t\(ReuseRecord.escape(assetFiles[id]!))\n".utf8)
        }
        for id in rows.keys.sorted() {
            output += Array("rows\t\(ReuseRecord.escape(id))\t".utf8)
            output += rows[id]!
            output.append(UInt8(ascii: "\n"))
        }
        return output
    }
}
