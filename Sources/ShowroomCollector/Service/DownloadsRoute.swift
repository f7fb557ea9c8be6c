import Foundation
import Hummingbird
import ShowroomStorage

/// `GET /dl/<asset-id>?site=<site-id>&page=<path>&v=<visitor id>`: counts one download and redirects to the
/// asset's fingerprinted URL on that site, as the build's asset manifest records it.
///
/// The redirect target only ever comes from the manifest, so an unknown id, an id for another site, or a crafted
/// id is a 404 and never a redirect anywhere else.
struct DownloadsRoute: Sendable {
    let store: any Store
    let manifest: AssetManifestFile
    let metrics: CollectorMetrics
    /// The same visitor fetching the same asset again within this many seconds counts once.
    let dedupeWindow: TimeInterval

    func download(_ request: Request, context: CollectorRequestContext) async throws -> Response {
        let asset = try context.parameters.require("asset")
        guard EventRules.isValidAssetID(asset) else {
            metrics.rejected(reason: "bad_asset")
            throw HTTPError(.notFound, message: "there is no such asset")
        }
        let query = request.uri.queryParameters
        let site = query["site"].map(String.init) ?? ""
        guard let target = url(of: asset, on: site) else {
            metrics.rejected(reason: "unknown_asset")
            throw HTTPError(.notFound, message: "asset `\(asset)` is not published on site `\(site.prefix(64))`")
        }

        let agent = UserAgentClass(userAgent: request.headers[.userAgent])
        if agent == .bot {
            metrics.downloadsNotCounted.increment()
        } else {
            // A malformed page or visitor id must not cost the visitor their file: they are dropped, not refused.
            let page = query["page"].map(String.init).flatMap { EventRules.isValidPage($0) ? $0 : nil } ?? ""
            let visitor = query["v"].map(String.init).flatMap { EventRules.isValidVisitor($0) ? $0 : nil }
            let download = Download(asset: asset, site: site, page: page, at: Date(), visitor: visitor, agent: agent)
            let outcome = try await StoreRefusal.storing("download", metrics: metrics, logger: context.logger) {
                try await store.record(download, dedupeWindow: dedupeWindow)
            }
            switch outcome {
            case .counted: metrics.downloadsCounted.increment()
            case .duplicate: metrics.downloadsNotCounted.increment()
            }
        }
        var response = Response(status: .found)
        response.headers[.location] = target + (target.contains("?") ? "&" : "?") + "via=dl"
        response.headers[.cacheControl] = "no-store"
        return response
    }

    /// The asset's URL on `site`; on a miss, looks at the manifest file once more in case a build just finished.
    private func url(of asset: String, on site: String) -> String? {
        if let url = manifest.current().url(of: asset, on: site) { return url }
        manifest.expire()
        return manifest.current().url(of: asset, on: site)
    }
}
