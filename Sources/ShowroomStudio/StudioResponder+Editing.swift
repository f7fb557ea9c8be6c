import Foundation
import HTTPTypes
import Hummingbird
import ShowroomCore
import ShowroomPreview
import ShowroomWorkspace

extension StudioResponder {
    /// Whether `id` names a site of the workspace (a valid id whose folder has a `site.yaml`); checked on every
    /// preview and every file of the frame, so it looks at one file instead of loading the workspace.
    func isSite(_ id: String) -> Bool {
        SiteConfig.isValidID(id) && FileManager.default.fileExists(atPath: options.workspace.appendingPathComponent("sites/\(id)/site.yaml").path)
    }

    /// The site a file is edited in: the one named, else the site whose folder holds the file, else the first site.
    private func siteID(_ named: String?, file: String) -> String? {
        if let named, isSite(named) { return named }
        let parts = file.split(separator: "/")
        if parts.count > 2, parts[0] == "sites", isSite(String(parts[1])) { return String(parts[1]) }
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: options.workspace.appendingPathComponent("sites").path)) ?? []
        return folders.sorted().first(where: isSite)
    }

    /// `GET /_studio/edit?site=…&file=…`: the editor with the file as it is on disk.
    func edit(_ visit: Visit) -> Response {
        let page = visit.page
        let file = visit.query("file") ?? ""
        do {
            let path = try WorkspacePath.resolve(file, in: options.workspace)
            guard let site = siteID(visit.query("site"), file: path.relative) else {
                return Self.html(.notFound, page.refusal(title: "No site", explanation: "The workspace has no site to preview this file in."))
            }
            let stored = try StoredFile.read(path)
            let saved = visit.query("saved") == "1" ? page.strings.saved : nil
            return Self.html(.ok, page.editor(.init(site: site, file: path.relative, text: stored.text, version: stored.version, message: saved,
                                                    aids: EditorAids.load(site: site, workspace: options.workspace))))
        } catch let refusal as WorkspacePath.Refusal {
            return Self.html(.forbidden, page.refusal(title: "Refused", explanation: refusal.description))
        } catch {
            return Self.html(.unprocessableContent, page.refusal(title: "Cannot open", explanation: "\(error)"))
        }
    }

    /// The file's new text from the editor's form: the whole text of a file edited whole, else the page as the
    /// fields and the body make it, composed on the file as it is on disk.
    private func composedText(_ form: FormFields, onDisk: StoredFile) -> String {
        if let text = form["text"] { return text }
        guard let document = PageDocument.parse(onDisk.text) else { return form["body"] ?? onDisk.text }
        return document.composed(fields: form.all, body: form["body"] ?? document.body)
    }

    /// `POST /_studio/api/preview`: builds the site with the form's text and answers with the placed problems
    /// and the address of the preview frame (JSON, for the editor's script).
    func previewAnswer(_ visit: Visit, form: FormFields) async -> Response {
        struct Answer: Encodable {
            var frame: String?
            var number: Int?
            var blocking: Bool
            var milliseconds: Int
            var problems: [EditorProblem]
        }
        let answer: Answer
        do {
            let path = try WorkspacePath.resolve(form["file"] ?? "", in: options.workspace)
            guard let site = siteID(form["site"], file: path.relative) else { throw WorkspacePath.Refusal(path: path.relative, reason: "no site") }
            let text = composedText(form, onDisk: try StoredFile.read(path))
            let result = await build(site: site, file: path.relative, text: text)
            let problems = EditorProblem.place(result.diagnostics, file: path.relative, text: text)
            var number: Int?
            if let html = result.html { number = await state.keep(site: site, html: html) }
            answer = Answer(frame: number.map { "/_studio/frame/\($0)" }, number: number, blocking: problems.contains(where: \.blocking),
                            milliseconds: Int((result.seconds * 1000).rounded()), problems: problems)
        } catch {
            answer = Answer(frame: nil, number: nil, blocking: true, milliseconds: 0, problems: [EditorProblem(
                field: "other", line: nil, severity: "error", place: form["file"] ?? "", message: "\(error)", fix: nil, blocking: true)])
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(answer)) ?? Data("{}".utf8)
        return Self.response(.ok, type: "application/json", body: data)
    }

    /// A preview build on a thread of its own (the build is synchronous and uses both cores).
    private func build(site: String, file: String, text: String) async -> PreviewWorkspace.Result {
        let preview = self.preview
        return await StudioServer.onThread { preview.preview(site: site, file: file, text: text) }
    }

    /// `POST /_studio/save`: writes the file when the engine finds no error in it and it is unchanged on disk
    /// since it was opened; 409 with both versions when it changed, 422 with the problems when it has errors.
    func save(_ visit: Visit, form: FormFields) async -> Response {
        let page = visit.page
        do {
            let path = try WorkspacePath.resolve(form["file"] ?? "", in: options.workspace)
            guard let site = siteID(form["site"], file: path.relative) else { throw WorkspacePath.Refusal(path: path.relative, reason: "no site") }
            let onDisk = try StoredFile.read(path)
            let version = form["version"] ?? ""
            let text = composedText(form, onDisk: onDisk)
            guard onDisk.version == version else {
                return Self.html(.conflict, page.conflict(site: site, file: path.relative, onDisk: onDisk.text, yours: text))
            }
            let result = await build(site: site, file: path.relative, text: text)
            let problems = EditorProblem.place(result.diagnostics, file: path.relative, text: text)
            guard !problems.contains(where: \.blocking) else {
                return Self.html(.unprocessableContent, page.editor(.init(site: site, file: path.relative, text: text, version: version,
                                                                         problems: problems, message: page.strings.savedNothingBlocked,
                                                                         aids: EditorAids.load(site: site, workspace: options.workspace))))
            }
            _ = try StoredFile.save(text, to: path, expected: version)
            options.log("Saved \(path.relative)")
            rebuild([site])
            return Self.redirect(StudioPage.link("/_studio/edit", [("site", site), ("file", path.relative), ("saved", "1")]))
        } catch let refusal as WorkspacePath.Refusal {
            return Self.html(.forbidden, page.refusal(title: "Refused", explanation: refusal.description + "; nothing was saved"))
        } catch let failure as StoredFile.Failure {
            switch failure {
            case .changedOnDisk(let current):
                return Self.html(.conflict, page.conflict(site: form["site"] ?? "", file: current.path.relative, onDisk: current.text,
                                                          yours: form["text"] ?? form["body"] ?? ""))
            case .unreadable(let reason), .unwritable(let reason):
                return Self.html(.unprocessableContent, page.refusal(title: "Not saved", explanation: reason))
            }
        } catch {
            return Self.html(.internalServerError, page.refusal(title: "Not saved", explanation: "\(error)"))
        }
    }

    /// `GET /_studio/frame/<number>`: a kept preview's HTML, the page exactly as the engine built it. It sets the
    /// site cookie, so the page's root-relative stylesheets, pictures and links come from that site's output.
    func frame(_ visit: inout Visit) async -> Response {
        guard let number = Int(visit.path.dropFirst("/_studio/frame/".count)), let kept = await state.preview(number) else {
            return Self.html(.notFound, visit.page.refusal(title: "Not found", explanation: "This preview is no longer kept; edit the page to make a new one."))
        }
        visit.cookies.append("\(Self.siteCookie)=\(kept.site); Path=/; SameSite=Strict")
        var response = Self.response(.ok, type: "text/html; charset=utf-8", body: Data(kept.html.utf8))
        response.headers[.contentSecurityPolicy] = "frame-ancestors 'self'"
        return response
    }

    /// Any other path: a file of the previewed site's output, as a static web server would answer it.
    func siteFile(_ visit: Visit) -> Response {
        guard let site = StudioSessions.cookieValue(Self.siteCookie, in: visit.request.headers[.cookie]),
              isSite(site) else { return Self.redirect("/_studio/") }
        let folder = output.appendingPathComponent(site)
        let path = visit.path.removingPercentEncoding ?? visit.path
        guard !path.split(separator: "/").contains(".."), !path.contains("\0") else { return Self.response(.badRequest, body: Data()) }
        var target = folder.appendingPathComponent(String(path.drop { $0 == "/" }))
        if case .folder? = SiteResponder.servable(target, inside: folder) { target.appendPathComponent("index.html") }
        guard let file = SiteResponder.servable(target, inside: folder)?.file, let data = try? Data(contentsOf: file) else {
            return Self.response(.notFound, type: "text/plain; charset=utf-8", body: Data("not found\n".utf8))
        }
        var response = Self.response(.ok, type: PreviewPages.contentTypes[file.pathExtension.lowercased()] ?? "application/octet-stream", body: data)
        response.headers[.contentSecurityPolicy] = "frame-ancestors 'self'"
        return response
    }
}
