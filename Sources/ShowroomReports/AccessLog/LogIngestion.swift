import Foundation
import ShowroomStorage
import ShowroomCore

/// Counts the downloads that bypassed the collector's counted link, from access logs, without counting any twice.
///
/// A line is a download when it is a successful `GET` (200, or 206 for a ranged part) of a fingerprinted asset file
/// (`/assets/<id>.<12 hex>.<ext>`) of a catalogue asset, by a client that is not a bot, not redirected by the counted
/// link (`?via=dl`: already counted there) and not fetched by one of the fleet's own pages (an `<img>` on the
/// page, not a download; downloads from the pages go through the counted link). One client's requests for one
/// file on one day are one download: the ranged parts of one download, and repeated ingestion of the same
/// log, share one dedupe key (a hash: no IP address is stored).
public struct LogIngestion: Sendable {
    /// Why a line was not counted; each reason is totalled in the summary.
    package enum Skip: String, Sendable, CaseIterable {
        case notAnAssetFile = "not a fingerprinted asset file"
        case notAGet = "not a GET"
        case notSuccessful = "not a successful response (200 or 206)"
        case viaCountedLink = "redirected by the counted link (via=dl), already counted"
        case bot = "a bot or scripted client"
        case fromOwnPage = "loaded by one of the fleet's own pages"
        case unknownAsset = "an asset not in the catalogue"
        case unknownSite = "no site could be told (use the vhost format or --site)"
    }

    /// What one line turned out to be.
    package enum Verdict: Sendable, Hashable {
        case download(Download)
        case skipped(Skip)
    }

    /// Asset ids that exist (the catalogue).
    package var assets: Set<String>
    /// Site ids by host name (`www.aurora.example` → `aurora`).
    package var sitesByHost: [String: String]
    /// The sites each asset is published on (from the build's asset manifest), to tell the site of a line
    /// without a host when the asset is on one site only.
    package var assetSites: [String: Set<String>]
    /// The site of every line without a host (`--site`).
    package var site: String?

    /// An ingestion that knows these assets and hosts; `assetSites` and `site` tell the site of lines without a host.
    package init(assets: Set<String>, sitesByHost: [String: String], assetSites: [String: Set<String>] = [:], site: String? = nil) {
        self.assets = assets
        self.sitesByHost = sitesByHost
        self.assetSites = assetSites
        self.site = site
    }

    static let assetPath = try! NSRegularExpression(pattern: #"^/assets/([a-z0-9][a-z0-9._-]*)\.[0-9a-f]{12}\.[A-Za-z0-9]+$"#)

    /// Decides what one parsed line is.
    package func verdict(_ line: AccessLogLine) -> Verdict {
        let path = line.path
        guard let match = Self.assetPath.firstMatch(in: path, range: NSRange(path.startIndex..., in: path)),
              let idRange = Range(match.range(at: 1), in: path)
        else { return .skipped(.notAnAssetFile) }
        let asset = String(path[idRange])
        guard line.method == "GET" else { return .skipped(.notAGet) }
        guard line.status == 200 || line.status == 206 else { return .skipped(.notSuccessful) }
        if line.query.split(separator: "&").contains(where: { $0 == "via=dl" }) { return .skipped(.viaCountedLink) }
        let agent = UserAgentClass(userAgent: line.userAgent)
        guard agent != .bot else { return .skipped(.bot) }
        if let referer = line.referer, let host = URLComponents(string: referer)?.host?.lowercased(), sitesByHost[host] != nil {
            return .skipped(.fromOwnPage)
        }
        guard assets.contains(asset) else { return .skipped(.unknownAsset) }
        let site: String?
        if let host = line.host {
            site = sitesByHost[host]
        } else if let given = self.site {
            site = given
        } else if let published = assetSites[asset], published.count == 1 {
            site = published.first
        } else {
            site = nil
        }
        guard let site else { return .skipped(.unknownSite) }
        let day = ReportCalendar(utcOffset: 0).dayText(line.time)
        var hash = SHA256()
        hash.update(Array("\(site)\n\(line.client)\n\(line.userAgent ?? "")\n\(path)\n\(day)".utf8))
        return .download(Download(
            asset: asset, site: site, page: "", at: line.time, visitor: nil, agent: agent, source: .log,
            dedupeKey: "log:" + SHA256.hex(of: hash.finalize())))
    }
}
