import Foundation
import HTTPTypes
import Hummingbird
import ShowroomCore
import ShowroomPreview

/// Answers every request to the studio's port. The studio's screens are under `/_studio/`; every other path is a
/// file of the site being previewed (the preview frame's pages link root-relatively, like the published site),
/// picked by the `studio-site` cookie the frame sets. Before anything is answered: the Host must be this
/// machine's (on loopback, against DNS rebinding), the browser must be logged in (beyond loopback), and a
/// request that changes anything must come from the studio's own origin with the session's CSRF token.
struct StudioResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let options: StudioOptions
    let sessions: StudioSessions
    let state: StudioState
    let preview: PreviewWorkspace
    /// Where the studio's build of the fleet is, one folder per site (for the preview frame's files).
    let output: URL
    /// Rebuilds sites into `output` after a save, so the frame's links and pictures follow.
    let rebuild: @Sendable ([String]) -> Void

    /// The cookie that says which site's files the paths outside `/_studio/` are.
    static let siteCookie = "studio-site"
    /// The largest body the studio reads: a page file plus its form's other fields.
    static let maxBody = StoredFile.maxBytes + 64 * 1024
    /// The largest upload into the asset library (a press photo, a brochure, a short film), with its form.
    static let maxUpload = 50 * 1024 * 1024
    /// Where the upload form posts.
    static let uploadPath = "/_studio/assets/add"

    /// What a request brings along once it has passed the checks.
    struct Visit: Sendable {
        var request: Request
        var page: StudioPage
        var sessionID: String
        var csrf: String
        /// Set-Cookie headers to send with the answer (a new session, the language).
        var cookies: [String] = []
        /// The file of an upload form, when one was sent.
        var upload: [UInt8]?
        var path: String { request.uri.path }
        func query(_ name: String) -> String? { request.uri.queryParameters.get(name) }
    }

    func respond(to request: Request, context: Context) async throws -> Response {
        let hostName = PreviewRouting.hostName(request.head.authority)
        let language = StudioLanguage.chosen(cookie: StudioSessions.cookieValue(StudioLanguage.cookie, in: request.headers[.cookie]),
                                             acceptLanguage: request.headers[.acceptLanguage])
        let path = request.uri.path
        var cookies: [String] = []
        var chosenLanguage = language
        if let picked = request.uri.queryParameters.get("lang").flatMap({ StudioLanguage(rawValue: String($0)) }) {
            chosenLanguage = picked
            cookies.append("\(StudioLanguage.cookie)=\(picked.rawValue); Path=/; SameSite=Strict; Max-Age=31536000")
        }
        let strings = chosenLanguage.strings
        let here = request.uri.string
        let anonymous = StudioPage(strings: strings, language: chosenLanguage, csrf: nil, here: here)

        if !sessionsNeedLogin, !PreviewRouting.isThisMachine(hostName) || hostName.hasSuffix(".localhost") {
            return Self.html(.misdirectedRequest, anonymous.refusal(
                title: "Wrong address", explanation: "The studio answers at http://localhost:\(options.port)/ only; open that address."))
        }
        if let file = StudioFiles.served[path] { return Self.response(.ok, type: file.type, body: Data(file.body.utf8)) }
        let changes = request.method != .get && request.method != .head
        if changes, !Self.sameOrigin(request) {
            return Self.html(.forbidden, anonymous.refusal(
                title: "Refused", explanation: "This request did not come from the studio's own page, so nothing was changed. Use the studio's forms."))
        }

        var session = await sessions.session(cookieHeader: request.headers[.cookie])
        if session == nil && sessionsNeedLogin {
            if path == "/_studio/login" { return try await login(request, page: anonymous, cookies: cookies) }
            var response = Self.response(.seeOther, body: Data())
            response.headers[.location] = "/_studio/login"
            return response
        }
        if session == nil {
            let opened = await sessions.open()
            session = opened
            cookies.append(Self.sessionCookie(opened.id))
        }
        guard let session else { return Self.response(.internalServerError, body: Data()) }
        let page = StudioPage(strings: strings, language: chosenLanguage, csrf: session.session.csrf, here: here)
        var visit = Visit(request: request, page: page, sessionID: session.id, csrf: session.session.csrf, cookies: cookies)

        var form = FormFields([])!
        if changes {
            let uploading = path == Self.uploadPath
            guard let bytes = try? await request.body.collect(upTo: uploading ? Self.maxUpload : Self.maxBody) else {
                return Self.html(.contentTooLarge, page.refusal(title: "Too big", explanation: uploading
                    ? "The asset library takes files of up to 50 MB; nothing was added. Make the file smaller (a lower resolution, a shorter film) and try again."
                    : "The studio edits files of up to 4 MB."))
            }
            if uploading, let upload = UploadForm(Array(buffer: bytes), contentType: request.headers[.contentType] ?? "") {
                form = FormFields(fields: upload.fields)
                visit.upload = upload.file
            } else if let fields = FormFields(Array(buffer: bytes)) {
                form = fields
            } else {
                return Self.html(.badRequest, page.refusal(title: "Refused", explanation: "The form's data could not be read; reload the page and try again."))
            }
            let token = request.headers[HTTPField.Name("X-Studio-CSRF")!] ?? form["csrf"] ?? ""
            guard StudioSessions.sameSecret(token, session.session.csrf) else {
                return Self.html(.forbidden, page.refusal(
                    title: "Refused", explanation: "This form is out of date (its security token does not match), so nothing was changed. Reload the page and try again."))
            }
        }

        var response = try await route(&visit, form: form)
        for cookie in visit.cookies { response.headers.append(HTTPField(name: .setCookie, value: cookie)) }
        return response
    }

    private var sessionsNeedLogin: Bool { sessions.needsLogin }

    /// Sends the request to the screen or file it asks for.
    private func route(_ visit: inout Visit, form: FormFields) async throws -> Response {
        switch (visit.request.method, visit.path) {
        case (.get, "/"): return Self.redirect("/_studio/")
        case (.get, "/_studio/"), (.head, "/_studio/"): return await fleet(visit)
        case (.get, "/_studio/site"): return await site(visit)
        case (.get, "/_studio/edit"): return edit(visit)
        case (.post, "/_studio/save"): return await save(visit, form: form)
        case (.post, "/_studio/api/preview"): return await previewAnswer(visit, form: form)
        case (.get, "/_studio/publish"): return publishing(visit, message: nil, failure: nil)
        case (.post, "/_studio/commit"): return commit(visit, form: form)
        case (.post, "/_studio/push"): return await push(visit)
        case (.get, "/_studio/new"): return newPageForm(visit)
        case (.post, "/_studio/new"): return createPage(visit, form: form)
        case (.get, "/_studio/new-site"): return newSiteForm(visit)
        case (.post, "/_studio/new-site"): return await createSite(visit, form: form)
        case (.get, "/_studio/new-model"): return newModelForm(visit)
        case (.post, "/_studio/new-model"): return await createModel(visit, form: form)
        case (.get, "/_studio/assets"): return await assetLibrary(visit)
        case (.get, "/_studio/assets/file"): return assetFile(visit)
        case (.post, Self.uploadPath): return await addAsset(visit, form: form)
        case (.get, "/_studio/data"): return dataFiles(visit)
        case (.get, "/_studio/data/edit"): return dataTables(visit)
        case (.post, "/_studio/data/preview"): return await dataPreview(visit, form: form)
        case (.post, "/_studio/data/save"): return await dataSave(visit, form: form)
        case (.post, "/_studio/data/rows"): return await dataRows(visit, form: form)
        case (.get, "/_studio/login"): return Self.redirect("/_studio/")
        case (.get, let path) where path.hasPrefix("/_studio/frame/"): return await frame(&visit)
        case (.get, let path) where !path.hasPrefix("/_studio/"), (.head, let path) where !path.hasPrefix("/_studio/"):
            return siteFile(visit)
        default:
            return Self.html(.notFound, visit.page.refusal(title: "Not found", explanation: "The studio has no such screen."))
        }
    }

    /// `POST /_studio/login`: a session for the right token, the form again for a wrong one.
    private func login(_ request: Request, page: StudioPage, cookies: [String]) async throws -> Response {
        guard request.method == .post else { return Self.html(.ok, page.login(refused: false)) }
        guard let bytes = try? await request.body.collect(upTo: 4096), let form = FormFields(Array(buffer: bytes)),
              await sessions.acceptsLogin(form["token"] ?? "") else {
            return Self.html(.unauthorized, page.login(refused: true))
        }
        let opened = await sessions.open()
        var response = Self.redirect("/_studio/")
        for cookie in cookies + [Self.sessionCookie(opened.id)] { response.headers.append(HTTPField(name: .setCookie, value: cookie)) }
        options.log("A browser logged in to the studio.")
        return response
    }

    /// Whether a state-changing request came from a page of the studio itself: its `Origin` is the address the
    /// request was sent to. A request without `Origin` is refused (every current browser sends it with a POST).
    static func sameOrigin(_ request: Request) -> Bool {
        guard let origin = request.headers[.origin], let host = request.head.authority else { return false }
        return origin == "http://\(host)"
    }

    private static func sessionCookie(_ id: String) -> String {
        "\(StudioSessions.cookie)=\(id); Path=/; HttpOnly; SameSite=Strict"
    }

    /// The policy of the studio's own screens: only its own stylesheet, script, frames and forms.
    static let screenPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-src 'self'; "
        + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'"

    static func html(_ status: HTTPResponse.Status, _ page: String) -> Response {
        var response = response(status, type: "text/html; charset=utf-8", body: Data(page.utf8))
        response.headers[.contentSecurityPolicy] = screenPolicy
        return response
    }

    static func redirect(_ location: String) -> Response {
        var response = response(.seeOther, body: Data())
        response.headers[.location] = location
        return response
    }

    static func response(_ status: HTTPResponse.Status, type: String? = nil, body: Data) -> Response {
        var response = Response(status: status, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
        if let type { response.headers[.contentType] = type }
        response.headers[.cacheControl] = "no-store"
        response.headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        return response
    }
}
