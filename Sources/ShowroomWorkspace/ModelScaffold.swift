import Foundation
import ShowroomCore

/// What `showroom new model` is asked for: the new model's id and brand, the existing model it starts from,
/// and optionally its name and a product site to create for it.
public struct ModelScaffoldRequest: Sendable {
    /// The new model's id (a slug: it names its spec pages folder and, by default, its product site).
    public var id: String
    /// The brand that sells it: an id in `shared/data/brands.yaml`.
    public var brand: String
    /// The existing model whose data, line-up card and spec pages are copied: an id in `shared/data/models.yaml`.
    public var like: String
    /// The model's own name without the brand (`Orbit`); made from the id when nil.
    public var name: String?
    /// The id of a product site to create for the model: nil for none, empty for the model's own id.
    public var site: String?

    /// A request for model `id` of `brand`, copied from `like`; the rest is optional.
    public init(id: String, brand: String, like: String, name: String? = nil, site: String? = nil) {
        self.id = id
        self.brand = brand
        self.like = like
        self.name = name
        self.site = site
    }
}

/// What `showroom new model` wrote, for the command's report.
public struct ModelScaffoldResult: Sendable {
    /// Every file written or changed, relative to the workspace root, in the order written.
    public var files: [String]
    /// The product site's folder, when one was asked for.
    public var site: URL?
}

/// Adds a model to the shared data from a similar one: its block in `shared/data/models.yaml` copied as text
/// (the file's comments and order stay), its line-up card and its spec pages, with the values that must differ
/// per model marked `FILL IN`. Every problem with the request is reported at once, and nothing is written
/// unless everything could be.
public enum ModelScaffold {
    /// Where the models are, relative to the root.
    static let modelsFile = "\(Workspace.sharedDataFolder)/models.yaml"

    /// Adds the model (and its site, when asked) and says what was written, or returns every problem found.
    public static func create(_ request: ModelScaffoldRequest, in root: URL) -> Result<ModelScaffoldResult, ScaffoldFailure> {
        let root = root.standardizedFileURL
        let (plan, diagnostics) = self.plan(request, in: root)
        guard let plan, !diagnostics.hasErrors else { return .failure(ScaffoldFailure(diagnostics: diagnostics)) }
        do throws(Diagnostic) {
            let written = try write(plan, in: root)
            guard let siteID = plan.siteID else { return .success(ModelScaffoldResult(files: written, site: nil)) }
            switch SiteScaffold.create(SiteScaffoldRequest(id: siteID, kind: SiteKind.product.rawValue, model: request.id), in: root) {
            case .success(let folder):
                return .success(ModelScaffoldResult(files: written + ["sites/\(siteID)/"], site: folder))
            case .failure(let failure):
                undo(plan, in: root)
                return .failure(failure)
            }
        } catch {
            return .failure(ScaffoldFailure(diagnostics: [error]))
        }
    }

    /// Everything the new model adds: the whole new text of `models.yaml`, the new content files, the site to create.
    struct Plan {
        var modelsText: String
        var originalModelsText: String
        /// New files relative to the root, with their bytes.
        var files: [(path: String, bytes: Data)]
        /// Existing files the model is added to (the shared sections' tags), with their new and their old text.
        var changed: [(path: String, text: String, original: String)]
        /// The spec pages folder, relative to the root, written as one staged folder.
        var specsFolder: String
        var siteID: String?
    }

    /// The names the new model takes, and those of the model it copies, for rewriting copied text.
    struct Names {
        var id: String
        var name: String
        var shortName: String
        var brand: String
        var brandShortName: String
        var brandNameZh: String?
        var website: String
        var likeID: String
        var likeName: String
        var likeShortName: String
        var likeBrand: String
        var likeBrandShortName: String
    }

    static func plan(_ request: ModelScaffoldRequest, in root: URL) -> (Plan?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let id = request.id
        if !SiteConfig.isValidID(id) {
            diagnostics.append(.error(at: nil, "`\(id)` is not a valid model id",
                                      hint: "use lowercase letters, digits and dashes, starting with a letter or digit, e.g. `orbit`"))
        }
        let modelsURL = root.appendingPathComponent(modelsFile)
        let modelsText: String
        let models: [YAMLNode]
        do throws(Diagnostic) {
            modelsText = try SourceText.read(path: modelsURL.path, relativePath: modelsFile, maxBytes: InputLimits.yamlFileBytes)
            models = try YAMLNode.parse(modelsText, file: modelsFile).items ?? []
        } catch {
            return (nil, diagnostics + [error])
        }
        let (brands, brandDiagnostics) = SiteScaffold.records(in: root, file: "brands")
        diagnostics += brandDiagnostics

        if let existing = models.first(where: { $0["id"]?.scalarText == id }) {
            diagnostics.append(.error(at: existing["id"]?.location, "a model `\(id)` already exists",
                                      hint: "choose another id, or edit the model `\(id)` in \(modelsFile)"))
        } else if SiteConfig.isValidID(id) {
            diagnostics += existingPages(of: id, in: root)
        }
        let brand = brands.first { $0["id"]?.scalarText == request.brand }
        if brand == nil {
            diagnostics.append(.error(at: SourceLocation(file: "\(Workspace.sharedDataFolder)/brands.yaml"),
                                      "there is no brand `\(request.brand)` in the shared brand data",
                                      hint: "use --brand with one of: \(SiteScaffold.ids(brands))"))
        }
        let likeIndex = models.firstIndex { $0["id"]?.scalarText == request.like }
        if likeIndex == nil {
            diagnostics.append(.error(at: SourceLocation(file: modelsFile), "there is no model `\(request.like)` to copy",
                                      hint: "use --like with one of: \(SiteScaffold.ids(models))"))
        }
        var siteID: String?
        if let site = request.site {
            let chosen = site.isEmpty ? id : site
            siteID = chosen
            if !SiteConfig.isValidID(chosen) {
                diagnostics.append(.error(at: nil, "`\(chosen)` is not a valid site id",
                                          hint: "use lowercase letters, digits and dashes after --site, e.g. `--site \(id)-launch`"))
            } else if FileManager.default.fileExists(atPath: root.appendingPathComponent("sites/\(chosen)").path) {
                diagnostics.append(.error(at: SourceLocation(file: "sites/\(chosen)"), "a site `\(chosen)` already exists",
                                          hint: "name another site with --site <site-id>, or leave out --site and mount the new model in sites/\(chosen)/site.yaml"))
            }
        }
        guard let brand, let likeIndex, !diagnostics.hasErrors else { return (nil, diagnostics) }

        let like = models[likeIndex]
        let names = self.names(request, brand: brand, like: like, brands: brands, siteID: siteID)
        let newText: String
        do throws(Diagnostic) {
            newText = try copiedModelsText(modelsText, models: models, likeIndex: likeIndex, names: names)
        } catch {
            return (nil, [error])
        }
        let (files, specsFolder) = copiedPages(in: root, names: names)
        return (Plan(modelsText: newText, originalModelsText: modelsText, files: files, changed: taggedSections(in: root, id: id),
                     specsFolder: specsFolder, siteID: siteID),
                diagnostics)
    }

    /// A model's pages that exist already though the model does not: refused rather than overwritten.
    static func existingPages(of id: String, in root: URL) -> [Diagnostic] {
        ["lineup/\(id).md", "models/\(id)"].compactMap { page in
            let path = "\(Workspace.sharedContentFolder)/\(page)"
            guard FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) else { return nil }
            return .error(at: SourceLocation(file: path), "\(path) already exists, though there is no model `\(id)`",
                          hint: "choose another id, or move \(path) out of the way first")
        }
    }

    /// The new model's names and address (its product site's, `https://<site>.<brand's domain>/`).
    static func names(_ request: ModelScaffoldRequest, brand: YAMLNode, like: YAMLNode, brands: [YAMLNode], siteID: String?) -> Names {
        let brandShortName = brand["shortName"]?.scalarText ?? brand["name"]?.scalarText ?? request.brand
        var shortName = request.name?.trimmingCharacters(in: .whitespaces) ?? ""
        if shortName.hasPrefix(brandShortName + " ") { shortName = String(shortName.dropFirst(brandShortName.count + 1)) }
        if shortName.isEmpty { shortName = SiteScaffold.defaultTitle(request.id) }
        let likeID = like["id"]?.scalarText ?? request.like
        let likeBrand = like["brand"]?.scalarText ?? request.brand
        let likeBrandRecord = brands.first { $0["id"]?.scalarText == likeBrand }
        let host = siteID ?? request.id
        var website = "https://\(host).example/"
        if let brandSite = brand["website"]?.scalarText, let brandHost = URL(string: brandSite)?.host, brandHost.hasPrefix("www.") {
            website = "https://\(host).\(brandHost.dropFirst(4))/"
        }
        return Names(
            id: request.id, name: "\(brandShortName) \(shortName)", shortName: shortName, brand: request.brand,
            brandShortName: brandShortName, brandNameZh: brand["nameZh"]?.scalarText, website: website,
            likeID: likeID, likeName: like["name"]?.scalarText ?? likeID, likeShortName: like["shortName"]?.scalarText ?? likeID,
            likeBrand: likeBrand,
            likeBrandShortName: likeBrandRecord?["shortName"]?.scalarText ?? likeBrandRecord?["name"]?.scalarText ?? likeBrand)
    }

    /// Writes every new content file under a hidden name, then renames each into place and `models.yaml` last, so
    /// a failure part-way leaves the workspace as it was. Returns the paths written.
    static func write(_ plan: Plan, in root: URL) throws(Diagnostic) -> [String] {
        let fileManager = FileManager.default
        let token = UUID().uuidString.prefix(8)
        var staged: [(from: URL, to: URL)] = []
        var moved: [URL] = []
        let specsTarget = root.appendingPathComponent(plan.specsFolder)
        let specsStaging = specsTarget.deletingLastPathComponent().appendingPathComponent(".new-\(specsTarget.lastPathComponent)-\(token)")
        do {
            for file in plan.files {
                let target = root.appendingPathComponent(file.path)
                let inSpecs = file.path.hasPrefix(plan.specsFolder + "/")
                let stagingURL = inSpecs
                    ? specsStaging.appendingPathComponent(String(file.path.dropFirst(plan.specsFolder.count + 1)))
                    : target.deletingLastPathComponent().appendingPathComponent(".new-\(target.lastPathComponent)-\(token)")
                try fileManager.createDirectory(at: stagingURL.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.bytes.write(to: stagingURL)
                if !inSpecs { staged.append((stagingURL, target)) }
            }
            if fileManager.fileExists(atPath: specsStaging.path) { staged.append((specsStaging, specsTarget)) }
            var replaced = [root.appendingPathComponent(modelsFile)]
            for file in plan.changed {
                let target = root.appendingPathComponent(file.path)
                let stagingURL = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent)-\(token)")
                try Data(file.text.utf8).write(to: stagingURL)
                staged.append((stagingURL, target))
                replaced.append(target)
            }
            let modelsURL = root.appendingPathComponent(modelsFile)
            let modelsStaging = modelsURL.deletingLastPathComponent().appendingPathComponent(".models.yaml-\(token)")
            try Data(plan.modelsText.utf8).write(to: modelsStaging)
            staged.append((modelsStaging, modelsURL))

            for (from, to) in staged {
                if replaced.contains(to) {
                    try renameOver(from, to)
                } else {
                    try fileManager.moveItem(at: from, to: to)
                    moved.append(to)
                }
            }
        } catch {
            for url in moved { try? fileManager.removeItem(at: url) }
            restore(plan.changed, in: root)
            for (from, _) in staged { try? fileManager.removeItem(at: from) }
            try? fileManager.removeItem(at: specsStaging)
            throw .error(at: SourceLocation(file: Workspace.sharedContentFolder), "the new model could not be written: \(error.localizedDescription)",
                         hint: "check that the shared folder exists and is writable; nothing was changed")
        }
        var written = [modelsFile]
        written += plan.files.map(\.path).filter { !$0.hasPrefix(plan.specsFolder + "/") }
        written += plan.changed.map(\.path)
        if plan.files.contains(where: { $0.path.hasPrefix(plan.specsFolder + "/") }) { written.append(plan.specsFolder + "/") }
        return written
    }

    /// Takes back what `write` did: `models.yaml` and the sections' tags as they were, the new content files removed.
    static func undo(_ plan: Plan, in root: URL) {
        let fileManager = FileManager.default
        for file in plan.files { try? fileManager.removeItem(at: root.appendingPathComponent(file.path)) }
        try? fileManager.removeItem(at: root.appendingPathComponent(plan.specsFolder))
        restore(plan.changed + [(modelsFile, plan.modelsText, plan.originalModelsText)], in: root)
    }

    /// Puts back each file's original text, whole.
    private static func restore(_ files: [(path: String, text: String, original: String)], in root: URL) {
        for file in files {
            let target = root.appendingPathComponent(file.path)
            let staging = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent)-\(UUID().uuidString.prefix(8))")
            guard (try? String(contentsOf: target, encoding: .utf8)) != file.original,
                  (try? Data(file.original.utf8).write(to: staging)) != nil else { continue }
            try? renameOver(staging, target)
        }
    }

    /// Moves `from` over `to` with `rename(2)`: readers see the old file or the new one, never a part of either.
    static func renameOver(_ from: URL, _ to: URL) throws {
        guard rename(from.path, to.path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }
}
