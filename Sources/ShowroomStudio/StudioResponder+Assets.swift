import Foundation
import HTTPTypes
import Hummingbird
import ShowroomCore
import ShowroomPreview
import ShowroomReports
import ShowroomStorage
import ShowroomWorkspace

extension StudioResponder {
    /// `GET /_studio/assets`: the library with the upload form.
    func assetLibrary(_ visit: Visit) async -> Response {
        Self.html(.ok, visit.page.library(await libraryScreen(LibraryFilter(query: visit.query))))
    }

    /// Every asset of the catalogue as the asset report lines it up: uses from the studio's last build of the fleet,
    /// downloads of the last 30 days from the collector's store, or no downloads and why, when it cannot be reached.
    private func libraryScreen(_ filter: LibraryFilter = LibraryFilter(query: { _ in nil })) async -> StudioPage.LibraryScreen {
        let (catalog, _) = AssetCatalog.load(root: options.workspace)
        let usage = (try? UsageIndex.load(publicFolder: output)) ?? UsageIndex()
        let calendar = ReportCalendar.local
        let period = (try? calendar.period(since: nil, until: nil)) ?? ReportPeriod(since: Date().addingTimeInterval(-30 * 86_400), until: Date())
        var downloads: [SourcedDownloadCount] = []
        var problem: String?
        let database = options.database
        if database.hasPrefix("sqlite:"), !FileManager.default.fileExists(atPath: options.workspace.appendingPathComponent(String(database.dropFirst(7))).path) {
            problem = "there is no store at \(database.dropFirst(7)) (start `showroom collector`, or start the studio with --database)"
        } else {
            do {
                downloads = try await ReportStore.with(database: database, workspace: options.workspace) { try await $0.downloadCountsBySource(in: period) }
            } catch {
                problem = "\(error)"
            }
        }
        let report = AssetReport.compile(.init(catalog: Array(catalog.assets.values), usage: usage, downloads: downloads, daily: [], lastDownloads: []),
                                         period: period, calendar: calendar, site: nil, kind: nil, asOf: Date())
        let neverUsed = Set(report.neverUsed)
        let modelOf = catalog.assets.compactMapValues(\.model)
        let soonDay = LibraryFilter.soonDay(from: Date())
        let shown = report.assets.filter { asset in
            filter.admits(kind: asset.kind, model: modelOf[asset.id], licenceExpiry: asset.licenceExpiry, neverUsed: neverUsed.contains(asset.id), soonDay: soonDay)
        }
        return StudioPage.LibraryScreen(assets: shown.sorted { $0.id < $1.id }, neverUsed: neverUsed, storeProblem: problem, filter: filter,
                                        models: ScaffoldForm.choices(in: options.workspace).models, modelOf: modelOf, total: report.assets.count)
    }

    /// `GET /_studio/assets/file?id=…`: an asset's file from the library, for its thumbnail (only files the catalogue names).
    func assetFile(_ visit: Visit) -> Response {
        let (catalog, _) = AssetCatalog.load(root: options.workspace)
        guard let asset = visit.query("id").flatMap({ catalog.assets[$0] }) else { return Self.response(.notFound, body: Data()) }
        let folder = options.workspace.appendingPathComponent(catalog.filesFolder)
        guard let file = SiteResponder.servable(folder.appendingPathComponent(asset.file), inside: folder)?.file,
              let data = try? Data(contentsOf: file) else { return Self.response(.notFound, body: Data()) }
        return Self.response(.ok, type: PreviewPages.contentTypes[file.pathExtension.lowercased()] ?? "application/octet-stream", body: data)
    }

    /// `POST /_studio/assets/add`: the uploaded file, its type read from its bytes, put into the library by the
    /// engine's own `assets add` (which checks every field and writes nothing on a refusal).
    func addAsset(_ visit: Visit, form: FormFields) async -> Response {
        var screen = await libraryScreen()
        screen.entered = form.all.filter { $0.key != "csrf" }
        guard let bytes = visit.upload else {
            screen.problems = ["Choose the file to add; nothing was added."]
            return Self.html(.unprocessableContent, visit.page.library(screen))
        }
        guard let type = UploadType(bytes) else {
            screen.problems = [UploadType.looksLikeSVG(bytes)
                ? "SVG drawings are not taken: they can carry scripts. Export the drawing as PNG and add that; nothing was added."
                : "This file is not a PNG, JPEG, WebP, PDF or MP4 (read from its contents, not its name); nothing was added. Save it in one of those formats and try again."]
            return Self.html(.unsupportedMediaType, visit.page.library(screen))
        }
        let folder = options.folder.appendingPathComponent("uploads/\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("upload.\(type.rawValue)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(bytes).write(to: source)
        } catch {
            screen.problems = ["The upload could not be kept for adding (\(error.localizedDescription)); nothing was added."]
            return Self.html(.internalServerError, visit.page.library(screen))
        }
        func field(_ name: String) -> String? { form[name].flatMap { $0.isEmpty ? nil : $0 } }
        let request = NewAsset(source: source, id: field("id"), title: field("title"), kind: field("kind"), cost: field("cost"),
                               currency: field("currency"), owner: field("owner"), licenceExpiry: field("licenceExpiry"),
                               model: field("model"), alt: ["en": field("altEn"), "zh-CN": field("altZh")].compactMapValues { $0 },
                               tags: PageDocument.listItems(form["tags"] ?? ""), downloadable: form["downloadable"] == "true")
        let (added, problems) = await StudioServer.onThread { AssetCatalog.add(request, workspace: self.options.workspace) }
        guard let added else {
            // The engine names its command-line options (`--cost`); the form's labels say the same.
            screen.problems = problems.map { "\($0.message)" + ($0.hint.map { "; fix: \($0)" } ?? "") }
            return Self.html(.unprocessableContent, visit.page.library(screen))
        }
        options.log("Added \(added.record.id) to the asset library (assets/files/\(added.record.file))")
        var done = await libraryScreen()
        done.message = "\(visit.page.strings.added) \(added.reference) (assets/files/\(added.record.file))"
        return Self.html(.ok, visit.page.library(done))
    }
}
