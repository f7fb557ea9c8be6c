import Foundation
import ShowroomCore

/// The HTML the preview server adds or writes itself; none of it ever reaches the built files.
package enum PreviewPages {
    /// The path open tabs long-poll: `GET /_showroom/events?since=<version>` answers with the site's version
    /// once it is newer (or after 25 s); the page reloads when the number changed.
    static let eventsPath = "/_showroom/events"

    /// The live-reload script for a page of a site at `version`.
    static func reloadScript(version: Int) -> String {
        """
        <script data-showroom-preview>(function(){var v=\(version);function poll(){fetch("\(eventsPath)?since="+v,{cache:"no-store"})\
        .then(function(r){return r.text()}).then(function(t){var n=parseInt(t,10);if(n>v){location.reload()}else{poll()}})\
        .catch(function(){setTimeout(poll,1000)})}poll()})();</script>
        """
    }

    /// `html` with the reload script before its last `</body>` (or at the end).
    package static func injecting(_ script: String, into html: String) -> String {
        guard let close = html.range(of: "</body>", options: [.backwards, .caseInsensitive]) else { return html + script }
        return html.replacingCharacters(in: close.lowerBound..<close.lowerBound, with: script)
    }

    /// The page shown instead of any page of a site whose latest build failed.
    static func errorPage(site: String, errors: [Diagnostic], version: Int) -> String {
        let items = errors.map { diagnostic in
            "<li><code>\(escape(diagnostic.location?.description ?? site))</code><p>\(escape(diagnostic.message))</p>"
                + (diagnostic.hint.map { "<p class=\"fix\">fix: \(escape($0))</p>" } ?? "") + "</li>"
        }.joined()
        return """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Build error: \(escape(site))</title>
            <style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem}h1{color:#b00020}\
            li{margin:1rem 0}code{background:#f3f3f3;padding:.1rem .3rem}.fix{color:#555}</style></head>
            <body><h1>\(escape(site)) did not build</h1><p>Fix the problem below and save; this page reloads by itself.</p>
            <ul>\(items)</ul>\(reloadScript(version: version))</body></html>
            """
    }

    /// The fleet's index: one link per site, each at its own host name on the one port (or through the cookie path).
    static func index(sites: [(id: String, url: String, failing: Bool)]) -> String {
        let rows = sites.map { site in
            "<li><a href=\"\(escape(site.url))\">\(escape(site.id))</a> <small>\(escape(site.url))</small>"
                + (site.failing ? " <strong>build error</strong>" : "") + "</li>"
        }.joined()
        return """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Showroom preview</title>
            <style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:40rem}strong{color:#b00020}</style></head>
            <body><h1>Showroom preview</h1><ul>\(rows)</ul></body></html>
            """
    }

    static func escape(_ text: String) -> String { HTMLEscaping.escape(text) }

    package static let contentTypes: [String: String] = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "json": "application/json", "xml": "application/xml; charset=utf-8", "txt": "text/plain; charset=utf-8",
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp",
        "avif": "image/avif", "svg": "image/svg+xml", "ico": "image/x-icon", "pdf": "application/pdf",
        "woff2": "font/woff2", "woff": "font/woff", "mp4": "video/mp4",
    ]
}
