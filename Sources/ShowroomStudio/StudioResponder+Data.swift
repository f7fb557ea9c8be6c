import Foundation
import HTTPTypes
import Hummingbird
import ShowroomCore

extension StudioResponder {
    /// The folder of the shared data the table screen edits.
    static let dataFolder = "shared/data"

    /// A path the browser names as a data file: inside the workspace (as every path), under `shared/data/`, YAML.
    private func dataPath(_ file: String) throws(WorkspacePath.Refusal) -> WorkspacePath {
        let path = try WorkspacePath.resolve(file, in: options.workspace)
        guard path.relative.hasPrefix(Self.dataFolder + "/"), path.relative.hasSuffix(".yaml") || path.relative.hasSuffix(".yml") else {
            throw WorkspacePath.Refusal(path: file, reason: "the data tables edit the YAML files of shared/data/ only; pick one from the list")
        }
        return path
    }

    /// `GET /_studio/data`: the shared data files.
    func dataFiles(_ visit: Visit) -> Response {
        let folder = options.workspace.appendingPathComponent(Self.dataFolder)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { !$0.hasPrefix(".") && ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) }.sorted()
        return Self.html(.ok, visit.page.dataFiles(names.map { "\(Self.dataFolder)/\($0)" }))
    }

    /// `GET /_studio/data/edit?file=…`: the file's tables.
    func dataTables(_ visit: Visit) -> Response {
        do {
            let path = try dataPath(visit.query("file") ?? "")
            let stored = try StoredFile.read(path)
            let table = try DataTable.read(stored.text, file: path.relative)
            return Self.html(.ok, visit.page.data(.init(file: path.relative, table: table, version: stored.version)))
        } catch {
            return refusal(error, page: visit.page)
        }
    }

    /// `POST /_studio/data/preview`: the fleet built with the changed values, the sites and pages they reach, and a
    /// preview of one changed page per site; nothing is written to the workspace.
    func dataPreview(_ visit: Visit, form: FormFields) async -> Response {
        await dataChange(visit, form: form, saving: false)
    }

    /// `POST /_studio/data/save`: the changed values written in place when the file is unchanged on disk since it
    /// was opened (409 with both versions otherwise) and every value fits its cell (422 with the cells marked).
    func dataSave(_ visit: Visit, form: FormFields) async -> Response {
        await dataChange(visit, form: form, saving: true)
    }

    /// What a change of a data file starts from: the file the form names, as it is on disk, the version the form was
    /// made from, the values it sent, and the table screen showing them.
    private struct DataRequest {
        var path: WorkspacePath
        var onDisk: StoredFile
        var version: String
        var entered: [String: String]
        var screen: StudioPage.DataScreen
    }

    private func dataRequest(_ form: FormFields) throws -> DataRequest {
        let path = try dataPath(form["file"] ?? "")
        let onDisk = try StoredFile.read(path)
        let version = form["version"] ?? ""
        let entered = form.all.filter { $0.key.hasPrefix("cell.") }
        let table = try DataTable.read(onDisk.text, file: path.relative)
        return DataRequest(path: path, onDisk: onDisk, version: version, entered: entered,
                           screen: StudioPage.DataScreen(file: path.relative, table: table, version: version, entered: entered))
    }

    private func dataChange(_ visit: Visit, form: FormFields, saving: Bool) async -> Response {
        let page = visit.page
        do {
            let request = try dataRequest(form)
            let (path, onDisk, version, entered) = (request.path, request.onDisk, request.version, request.entered)
            var screen = request.screen
            guard onDisk.version == version else {
                let yours = (try? DataTable.edit(onDisk.text, file: path.relative, fields: entered).text) ?? onDisk.text
                return Self.html(.conflict, page.conflict(site: "", file: path.relative, onDisk: onDisk.text, yours: yours))
            }
            let edit = try DataTable.edit(onDisk.text, file: path.relative, fields: entered)
            guard edit.problems.isEmpty else {
                screen.problems = edit.problems
                screen.message = saving ? page.strings.savedCellsBlocked : nil
                return Self.html(.unprocessableContent, page.data(screen))
            }
            let reach = await reach(of: path.relative, text: edit.text)
            screen.reach = await kept(reach)
            let errors = reach.diagnostics.errors.filter { $0.location?.file == path.relative }
            screen.failures = errors.map { "\($0.location?.description ?? path.relative): \($0.message)" + ($0.hint.map { "; fix: \($0)" } ?? "") }
            guard saving else { return Self.html(.ok, page.data(screen)) }
            guard errors.isEmpty else {
                screen.message = page.strings.savedCellsBlocked
                return Self.html(.unprocessableContent, page.data(screen))
            }
            let saved = try StoredFile.save(edit.text, to: path, expected: version)
            options.log("Saved \(path.relative): \(edit.changed.map { "\($0.key) = \($0.value)" }.joined(separator: ", "))")
            rebuild(reach.pages.keys.sorted())
            screen.table = try DataTable.read(saved.text, file: path.relative)
            screen.version = saved.version
            screen.entered = [:]
            screen.message = page.strings.saved
            return Self.html(.ok, page.data(screen))
        } catch {
            return refusal(error, page: page)
        }
    }

    /// `POST /_studio/data/rows`: a row added to a table (a copy of its last row, `add=<table>`) or removed from it
    /// (`remove=<table>.<row>`), written when the file is unchanged on disk since it was opened (409 otherwise) and no
    /// value of the form was changed (422: those are saved or undone first, so no edit is lost). Every site is rebuilt.
    func dataRows(_ visit: Visit, form: FormFields) async -> Response {
        let page = visit.page
        do {
            let request = try dataRequest(form)
            let (path, onDisk, version, entered) = (request.path, request.onDisk, request.version, request.entered)
            var screen = request.screen
            guard onDisk.version == version else {
                return Self.html(.conflict, page.conflict(site: "", file: path.relative, onDisk: onDisk.text, yours: onDisk.text))
            }
            guard (try DataTable.edit(onDisk.text, file: path.relative, fields: entered)).changed.isEmpty else {
                screen.failures = [page.strings.rowsAfterSaving]
                return Self.html(.unprocessableContent, page.data(screen))
            }
            let change: DataTable.RowChange
            if let add = form["add"].flatMap(Int.init) {
                change = .add(table: add)
            } else if let parts = form["remove"]?.split(separator: ".").compactMap({ Int($0) }), parts.count == 2 {
                change = .remove(table: parts[0], row: parts[1])
            } else {
                return Self.html(.badRequest, page.refusal(title: "Refused", explanation: "The form did not say which row to add or remove; reload the page."))
            }
            let text: String
            do {
                text = try DataTable.change(onDisk.text, file: path.relative, change)
            } catch {
                screen.failures = [error.description]
                return Self.html(.unprocessableContent, page.data(screen))
            }
            let saved = try StoredFile.save(text, to: path, expected: version)
            options.log("\(form["add"] != nil ? "Added a row to" : "Removed a row from") \(path.relative)")
            rebuild(siteIDs)
            screen = StudioPage.DataScreen(file: path.relative, table: try DataTable.read(saved.text, file: path.relative), version: saved.version)
            screen.message = form["add"] != nil ? page.strings.rowAdded : page.strings.rowRemoved
            return Self.html(.ok, page.data(screen))
        } catch {
            return refusal(error, page: page)
        }
    }

    /// Which pages of the fleet `text` at `file` changes, on a thread of its own (a build of every site).
    private func reach(of file: String, text: String) async -> PreviewWorkspace.Reach {
        let preview = self.preview
        let output = self.output
        return await StudioServer.onThread { preview.reach(file: file, text: text, comparedWith: output) }
    }

    /// The reach as the screen shows it, one changed page of each site kept as a preview frame.
    private func kept(_ reach: PreviewWorkspace.Reach) async -> StudioPage.DataScreen.Reach {
        var frames: [String: (path: String, frame: String)] = [:]
        for (site, page) in reach.preview {
            let number = await state.keep(site: site, html: page.html)
            frames[site] = (page.path, "/_studio/frame/\(number)")
        }
        return .init(pages: reach.pages, frames: frames)
    }

    /// A refused or failed request to the data screens, as a page saying why.
    private func refusal(_ error: any Error, page: StudioPage) -> Response {
        switch error {
        case let refusal as WorkspacePath.Refusal:
            return Self.html(.forbidden, page.refusal(title: "Refused", explanation: refusal.description + "; nothing was changed"))
        case let unreadable as DataTable.Unreadable:
            return Self.html(.unprocessableContent, page.refusal(title: "Cannot show as a table", explanation: unreadable.description))
        case let failure as StoredFile.Failure:
            switch failure {
            case .unreadable(let reason), .unwritable(let reason):
                return Self.html(.unprocessableContent, page.refusal(title: "Not saved", explanation: reason))
            case .changedOnDisk(let current):
                return Self.html(.conflict, page.conflict(site: "", file: current.path.relative, onDisk: current.text, yours: ""))
            }
        default:
            return Self.html(.internalServerError, page.refusal(title: "Not saved", explanation: "\(error)"))
        }
    }
}
