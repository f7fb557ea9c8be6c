import Foundation
import Hummingbird

/// Answers the requests of one site's port from its preview output, like a static web server, plus the
/// live-reload endpoint; HTML gets the reload script, and a failing site answers with its errors. Only
/// regular files whose real path is inside the site's output folder are sent; anything else is a 404.
struct SiteResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    var site: String
    /// `<preview output>/<site>`.
    var folder: URL
    var state: PreviewState

    func respond(to request: Request, context: Context) async throws -> Response {
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
            data = Data(PreviewPages.injecting(PreviewPages.reloadScript(version: version), into: String(decoding: data, as: UTF8.self)).utf8)
        }
        return Self.response(status, type: type, body: data)
    }

    /// What may be served at `url`.
    enum Servable {
        case folder
        /// A regular file, at its real path.
        case file(URL)

        var file: URL? {
            if case .file(let real) = self { return real }
            return nil
        }
    }

    /// A regular file or folder whose real path (every link resolved) is inside the real path of the site's
    /// output folder; nil for anything else, so a link in the output never serves a file from elsewhere on
    /// the machine, and a pipe or device is never read.
    func servable(_ url: URL) -> Servable? {
        guard let root = Self.realPath(folder), let real = Self.realPath(url), real == root || real.hasPrefix(root + "/") else { return nil }
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

/// Answers the fleet index port: a page linking every site's own port.
struct IndexResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    var sites: [(id: String, url: String)]
    var state: PreviewState

    func respond(to request: Request, context: Context) async throws -> Response {
        let failing = Set(await state.failingSites())
        let page = PreviewPages.index(sites: sites.map { ($0.id, $0.url, failing.contains($0.id)) })
        return SiteResponder.response(.ok, type: PreviewPages.contentTypes["html"], body: Data(page.utf8))
    }
}
