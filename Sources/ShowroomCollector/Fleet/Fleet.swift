import Foundation
import ShowroomCore
import ShowroomWorkspace

/// The sites the collector accepts events for, and the browser origins their pages are served from.
package struct Fleet: Sendable {
    /// Site ids, as in `sites/<id>`.
    package let siteIDs: Set<String>
    /// Origins (`https://host[:port]`) of the sites' `baseURL`s: the only pages allowed to send events.
    package let origins: Set<String>
    /// The host names of those origins, for telling a visit from another fleet site; read once here, as every
    /// landing asks.
    package let hosts: Set<String>
    /// Models, dealers and site addresses for the booking endpoint; empty unless read from a workspace.
    package var booking: BookingDirectory
    /// The zone lead exports write their times in (`timezone:` in `showroom.yaml`).
    package var timeZone: TimeZone

    /// The fleet of `sites`, with their booking data and the zone lead exports are written in; without a booking
    /// directory it takes no bookings.
    package init(sites: [(id: String, baseURL: String)], booking: BookingDirectory = .empty,
                 timeZone: TimeZone = FleetConfig.defaultTimeZone) {
        siteIDs = Set(sites.map(\.id))
        origins = Set(sites.compactMap { Self.origin(of: $0.baseURL) })
        hosts = Set(origins.compactMap { URLComponents(string: $0)?.host })
        self.booking = booking
        self.timeZone = timeZone
    }

    /// Reads the sites of the workspace at `root`. Problems elsewhere in the workspace (templates, data)
    /// do not concern the collector; an unreadable `site.yaml` does, and so does a fleet without sites.
    package static func load(workspace root: URL) throws -> Fleet {
        let (workspace, diagnostics) = Workspace.load(root: root)
        let siteProblems = diagnostics.errors.filter { $0.location?.file.hasPrefix("sites") ?? false }
        guard siteProblems.isEmpty, !workspace.sites.isEmpty else {
            let found = siteProblems.isEmpty ? "there are no sites under \(root.path)/sites" : siteProblems.map(\.description).joined(separator: "\n")
            throw CollectorError("the collector needs the fleet's sites to know which events to accept:\n\(found)")
        }
        return Fleet(sites: workspace.sites.map { ($0.id, $0.baseURL) }, booking: BookingDirectory(workspace: workspace),
                     timeZone: workspace.fleet.timeZone)
    }

    /// Whether a page at `origin` is one of the fleet's sites, as the browser names it in the `Origin` header.
    package func allows(origin: String) -> Bool {
        origins.contains(origin)
    }

    /// `scheme://host[:port]` of a URL, lower-cased, the way browsers send the `Origin` header.
    static func origin(of url: String) -> String? {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              let host = components.host?.lowercased(), !host.isEmpty
        else { return nil }
        let defaultPort = scheme == "https" ? 443 : 80
        if let port = components.port, port != defaultPort { return "\(scheme)://\(host):\(port)" }
        return "\(scheme)://\(host)"
    }
}
