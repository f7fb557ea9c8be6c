import Foundation
import Hummingbird

/// Answers the requests of one site's port from its preview output, like a static web server, plus the
/// live-reload endpoint; HTML gets the reload script, and a failing site answers with its errors. Only
/// regular files whose real path is inside the site's output folder are sent; anything else is a 404.
package struct SiteResponder: HTTPResponder {
    package typealias Context = BasicRequestContext

    var site: String
    /// `<preview output>/<site>`.
    var folder: URL
    var state: PreviewState
    /// The collection service's address the pages were built with (`http://127.0.0.1:8090`). A phone that reached
    /// the preview at `http://192.168.1.20:8080/` cannot post to the phone's own 127.0.0.1, so pages sent to
    /// another device get the preview machine's address instead (the preview's collection service listens there).
    var collector: String?

    package func respond(to request: Request, context: Context) async throws -> Response {
        let path = request.uri.path.removingPercentEncoding ?? request.uri.path
        if path == PreviewPages.eventsPath {
            let known = request.uri.queryParameters.get("since").flatMap { Int($0) } ?? 0
            let version = await state.wait(for: site, newerThan: known, timeout: .seconds(25))
            return Self.response(.ok, type: "text/plain; charset=utf-8", body: Data("\(version)".utf8))
        }
        guard request.method == .get || request.method == .head else { return Self.response(.methodNotAllowed, body: Data()) }
        guard !path.split(separator: "/").contains(".."), !path.contains("\0") else { return Self.response(.badRequest, body: Data()) }

        let relative = String(path.drop { $0 == "/" })
        let version = await state.version(of: site)
        let errors = await state.errors(of: site)
        let isPage = relative.isEmpty || relative.hasSuffix("/") || relative.hasSuffix(".html") || !relative.contains(".")
        if !errors.isEmpty, isPage {
            let page = PreviewPages.errorPage(site: site, errors: errors, version: version)
            return Self.response(.internalServerError, type: PreviewPages.contentTypes["html"], body: Data(page.utf8))
        }

        let requested = folder.appendingPathComponent(relative)
        var file: URL?
        switch servable(requested) {
        case .folder:
            guard relative.isEmpty || relative.hasSuffix("/") else {
                var response = Self.response(.movedPermanently, body: Data())
                response.headers[.location] = path + "/"
                return response
            }
            file = servable(requested.appendingPathComponent("index.html"))?.file
        case .file(let real):
            file = real
        case nil:
            file = nil
        }
        var status = HTTPResponse.Status.ok
        if file == nil {
            status = .notFound
            file = servable(folder.appendingPathComponent("404.html"))?.file
        }
        guard let file, var data = try? Data(contentsOf: file) else { return Self.response(.notFound, body: Data("not found\n".utf8)) }
        let type = PreviewPages.contentTypes[file.pathExtension.lowercased()] ?? "application/octet-stream"
        if file.pathExtension == "html" {
            var html = PreviewPages.injecting(PreviewPages.reloadScript(version: version), into: String(decoding: data, as: UTF8.self))
            if let collector, let local = Self.collectorAddress(collector, for: request.head.authority) {
                html = html.replacingOccurrences(of: collector, with: local)
            }
            data = Data(html.utf8)
        }
        return Self.response(status, type: type, body: data)
    }

    /// The collection service's address as a browser that reached the preview as `host` must write it: nil (keep
    /// it) on this machine or when the service is not on this machine, else the same port on the preview's host.
    static func collectorAddress(_ collector: String, for host: String?) -> String? {
        let name = PreviewRouting.hostName(host)
        guard !PreviewRouting.isThisMachine(name), let components = URLComponents(string: collector),
              PreviewRouting.isThisMachine(components.host ?? "-") || components.host == "::1" else { return nil }
        return "\(components.scheme ?? "http")://\(name)\(components.port.map { ":\($0)" } ?? "")"
    }

    /// What may be served at `url`.
    package enum Servable {
        case folder
        /// A regular file, at its real path.
        case file(URL)

        package var file: URL? {
            if case .file(let real) = self { return real }
            return nil
        }
    }

    /// What of the site's output may be served at `url` (see `servable(_:inside:)`).
    func servable(_ url: URL) -> Servable? { Self.servable(url, inside: folder) }

    /// A regular file or folder whose real path (every link resolved) is inside the real path of `folder`; nil
    /// for anything else, so a link in the output never serves a file from elsewhere on the machine, and a
    /// pipe or device is never read.
    package static func servable(_ url: URL, inside folder: URL) -> Servable? {
        guard let root = realPath(folder), let real = realPath(url), real == root || real.hasPrefix(root + "/") else { return nil }
        var info = stat()
        guard stat(real, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFREG: return .file(URL(fileURLWithPath: real))
        default: return nil
        }
    }

    private static func realPath(_ url: URL) -> String? {
        guard let resolved = realpath(url.path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func response(_ status: HTTPResponse.Status, type: String? = nil, body: Data) -> Response {
        var response = Response(status: status, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
        if let type { response.headers[.contentType] = type }
        response.headers[.cacheControl] = "no-store"
        return response
    }
}

/// Answers every request to the preview's port: routes it to its site by host name or cookie
/// (`PreviewRouting`), or answers with the fleet's index.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    var routing: PreviewRouting
    var sites: [String: SiteResponder]
    var state: PreviewState

    func respond(to request: Request, context: Context) async throws -> Response {
        let host = request.head.authority
        switch routing.target(host: host, cookie: request.headers[.cookie], path: request.uri.path) {
        case .site(let site):
            guard let responder = sites[site] else { return try await index(host: host, status: .notFound) }
            return try await responder.respond(to: request, context: context)
        case .index:
            return try await index(host: host, status: .ok)
        case .unknown:
            return try await index(host: host, status: .notFound)
        case .choose(let site):
            var response = SiteResponder.response(.seeOther, body: Data())
            response.headers[.location] = "/"
            response.headers[.setCookie] = site.map { "\(PreviewRouting.cookie)=\($0); Path=/; SameSite=Lax" }
                ?? "\(PreviewRouting.cookie)=; Path=/; Max-Age=0"
            return response
        }
    }

    private func index(host: String?, status: HTTPResponse.Status) async throws -> Response {
        let failing = Set(await state.failingSites())
        let page = PreviewPages.index(sites: routing.sites.map { ($0, routing.url(of: $0, requestHost: host), failing.contains($0)) })
        return SiteResponder.response(status, type: PreviewPages.contentTypes["html"], body: Data(page.utf8))
    }
}
