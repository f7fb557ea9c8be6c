import Foundation

/// Which site a request to the preview's one port is for. Built pages link root-relatively, so each site needs
/// a root of its own: on this machine that root is a host name of its own, `http://aurora.localhost:8080/`
/// (browsers resolve every `*.localhost` name to loopback); from another device, which cannot resolve those
/// names, the index sets a cookie that picks the site for the whole browser instead.
package struct PreviewRouting: Sendable {
    /// The sites served, sorted.
    var sites: [String]
    /// When only one site is served it answers on every host name, `http://localhost:8080/` included.
    var single: String?
    /// The preview's port, for the addresses it hands out.
    var port: Int

    /// The cookie that picks a site for requests whose host name does not.
    static let cookie = "showroom-site"
    /// `GET /_showroom/site/<id>` sets the cookie and goes to the site's home; `/_showroom/site/` clears it.
    static let choosePath = "/_showroom/site/"
    /// The fleet's index, on every host name.
    static let indexPath = "/_showroom/"

    /// What a request asks for.
    enum Target: Equatable {
        case site(String)
        case index
        /// Pick this site (nil: none) for this browser.
        case choose(String?)
        /// A `<name>.localhost` host that is not a served site.
        case unknown(String)
    }

    func target(host: String?, cookie: String?, path: String) -> Target {
        if path.hasPrefix(Self.choosePath) {
            let id = String(path.dropFirst(Self.choosePath.count))
            return .choose(sites.contains(id) ? id : nil)
        }
        if path == Self.indexPath { return .index }
        if let single { return .site(single) }
        let name = Self.hostName(host)
        if name.hasSuffix(".localhost") {
            let id = String(name.dropLast(".localhost".count))
            return sites.contains(id) ? .site(id) : .unknown(id)
        }
        if let chosen = Self.cookieValue(cookie), sites.contains(chosen) { return .site(chosen) }
        return .index
    }

    /// The address of `site` for a browser that reached the preview as `host`: its own `*.localhost` name on
    /// this machine, the cookie-setting path from anywhere else.
    func url(of site: String, requestHost host: String?) -> String {
        Self.isThisMachine(Self.hostName(host)) ? "http://\(site).localhost:\(port)/" : Self.choosePath + site
    }

    /// The address of `site` to print when the preview starts.
    func startURL(of site: String) -> String { single == nil ? "http://\(site).localhost:\(port)/" : "http://localhost:\(port)/" }

    /// `aurora.localhost` of a `Host` header `Aurora.localhost:8080` (lower case, no port, IPv6 brackets kept).
    package static func hostName(_ host: String?) -> String {
        guard var name = host?.lowercased() else { return "" }
        if name.hasPrefix("[") {
            if let close = name.firstIndex(of: "]") { name = String(name[...close]) }
        } else if let colon = name.lastIndex(of: ":") {
            name = String(name[..<colon])
        }
        return name
    }

    /// Whether a browser that used the host name `name` runs on this machine.
    package static func isThisMachine(_ name: String) -> Bool {
        ["localhost", "127.0.0.1", "[::1]", ""].contains(name) || name.hasSuffix(".localhost")
    }

    /// The site the `Cookie` header picks.
    static func cookieValue(_ header: String?) -> String? {
        guard let header else { return nil }
        for pair in header.split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, parts[0] == cookie { return parts[1] }
        }
        return nil
    }
}
