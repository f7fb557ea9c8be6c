import Foundation
import ShowroomCore

/// What `showroom new site` is asked for: the site id and kind, the model a product site sells, and the
/// optional brand, title and locale.
public struct SiteScaffoldRequest: Sendable {
    /// The new site's id (its folder under `sites/`); checked by `SiteScaffold.create`.
    public var id: String
    /// `brand`, `product` or `store`, as typed; checked by `SiteScaffold.create`.
    public var kind: String
    /// The model a product site sells (required for product sites): an id in `shared/data/models.yaml`.
    public var model: String?
    /// An id in `shared/data/brands.yaml`; a product site takes its model's brand when this is nil.
    public var brand: String?
    /// The site's title; defaults to the model's or brand's name.
    public var title: String?
    /// The site's BCP 47 language tag (`en` by default).
    public var locale: String

    /// A request for a site `id` of `kind`; the rest is optional.
    public init(id: String, kind: String, model: String? = nil, brand: String? = nil, title: String? = nil, locale: String = "en") {
        self.id = id
        self.kind = kind
        self.model = model
        self.brand = brand
        self.title = title
        self.locale = locale
    }
}

/// Creates a new site folder (`sites/<id>/` with `site.yaml` and starter content) that the next build renders
/// without further edits. Every problem with the request is reported at once, and nothing is written unless
/// the whole folder could be created.
public enum SiteScaffold {
    /// Creates the site and returns its folder, or returns every problem with the request.
    public static func create(_ request: SiteScaffoldRequest, in root: URL) -> Result<URL, ScaffoldFailure> {
        let root = root.standardizedFileURL
        let (plan, diagnostics) = self.plan(request, in: root)
        guard let plan, !diagnostics.hasErrors else { return .failure(ScaffoldFailure(diagnostics: diagnostics)) }
        do throws(Diagnostic) {
            return .success(try write(plan, in: root))
        } catch {
            return .failure(ScaffoldFailure(diagnostics: [error]))
        }
    }

    /// The files of the new site, relative to its folder, with their text.
    struct Plan {
        var id: String
        var files: [(path: String, text: String)]
    }

    static func plan(_ request: SiteScaffoldRequest, in root: URL) -> (Plan?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let sitesFolder = root.appendingPathComponent("sites")
        let id = request.id

        if !SiteConfig.isValidID(id) {
            diagnostics.append(.error(at: nil, "`\(id)` is not a valid site id",
                                      hint: "use lowercase letters, digits and dashes, starting with a letter or digit, e.g. `aurora-ev`"))
        } else if FileManager.default.fileExists(atPath: sitesFolder.appendingPathComponent(id).path) {
            diagnostics.append(.error(at: SourceLocation(file: "sites/\(id)"), "a site `\(id)` already exists",
                                      hint: "choose another id, or edit sites/\(id)/site.yaml"))
        }
        let kind = SiteKind(rawValue: request.kind)
        if kind == nil {
            diagnostics.append(.error(at: nil, "`\(request.kind)` is not a site kind",
                                      hint: "use --kind \(SiteKind.allCases.map(\.rawValue).joined(separator: ", --kind "))"))
        }
        if !["en", "zh-CN"].contains(request.locale) {
            diagnostics.append(.error(at: nil, "`\(request.locale)` is not a supported locale",
                                      hint: "use --locale en or --locale zh-CN"))
        }

        let (models, modelDiagnostics) = records(in: root, file: "models")
        let (brands, brandDiagnostics) = records(in: root, file: "brands")
        diagnostics += modelDiagnostics + brandDiagnostics

        var model: YAMLNode?
        if let modelID = request.model {
            model = models.first { $0["id"]?.scalarText == modelID }
            if model == nil {
                diagnostics.append(.error(at: SourceLocation(file: "\(Workspace.sharedDataFolder)/models.yaml"),
                                          "there is no model `\(modelID)` in the shared model data",
                                          hint: "use one of: \(ids(models)); or add the model to shared/data/models.yaml first"))
            }
        } else if kind == .product {
            diagnostics.append(.error(at: nil, "a product site needs the model it sells",
                                      hint: "add --model <model-id>; the models are: \(ids(models))"))
        }

        let brandID = request.brand ?? model?["brand"]?.scalarText
        var brand: YAMLNode?
        if let brandID {
            brand = brands.first { $0["id"]?.scalarText == brandID }
            if brand == nil {
                diagnostics.append(.error(at: SourceLocation(file: "\(Workspace.sharedDataFolder)/brands.yaml"),
                                          "there is no brand `\(brandID)` in the shared brand data",
                                          hint: "use one of: \(ids(brands)); or add the brand to shared/data/brands.yaml first"))
            }
        }
        guard let kind, !diagnostics.hasErrors else { return (nil, diagnostics) }

        let starter = Starter(
            id: id, kind: kind, locale: request.locale, root: root,
            title: request.title ?? model?["name"]?.scalarText ?? brand?["name"]?.scalarText ?? defaultTitle(id),
            modelID: request.model, model: model, brandID: brand == nil ? nil : brandID, brand: brand)
        return (Plan(id: id, files: starter.files()), diagnostics)
    }

    /// Writes the plan into a hidden staging folder, then moves it into place in one step.
    static func write(_ plan: Plan, in root: URL) throws(Diagnostic) -> URL {
        let fileManager = FileManager.default
        let sitesFolder = root.appendingPathComponent("sites")
        let staging = sitesFolder.appendingPathComponent(".new-\(plan.id)-\(UUID().uuidString)")
        let target = sitesFolder.appendingPathComponent(plan.id)
        do {
            for file in plan.files {
                let url = staging.appendingPathComponent(file.path)
                try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.text.utf8).write(to: url)
            }
            try fileManager.moveItem(at: staging, to: target)
            return target
        } catch {
            try? fileManager.removeItem(at: staging)
            throw .error(at: SourceLocation(file: "sites/\(plan.id)"), "the site folder could not be written: \(error.localizedDescription)",
                         hint: "check that the sites folder exists and is writable")
        }
    }

    /// The list entries of `shared/data/<file>.yaml` (none when the file does not exist).
    static func records(in root: URL, file: String) -> ([YAMLNode], [Diagnostic]) {
        let path = "\(Workspace.sharedDataFolder)/\(file).yaml"
        let url = root.appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: url.path) else { return ([], []) }
        do throws(Diagnostic) {
            let node = try YAMLNode.load(url, relativePath: path)
            return (node.items ?? [], [])
        } catch {
            return ([], [error])
        }
    }

    static func ids(_ records: [YAMLNode]) -> String {
        let list = records.compactMap { $0["id"]?.scalarText }
        return list.isEmpty ? "(none yet)" : list.joined(separator: ", ")
    }

    /// `aurora-ev` → `Aurora Ev`.
    static func defaultTitle(_ id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }
}

/// Why `showroom new site` created nothing: every problem found with the request.
public struct ScaffoldFailure: Error, Sendable {
    /// Every problem with the request, each with a fix.
    public var diagnostics: [Diagnostic]
}

/// The starter files of one new site, chosen by kind so that the kind's templates have what they read.
private struct Starter {
    var id: String
    var kind: SiteKind
    var locale: String
    var root: URL
    var title: String
    var modelID: String?
    var model: YAMLNode?
    var brandID: String?
    var brand: YAMLNode?

    func files() -> [(path: String, text: String)] {
        switch kind {
        case .product: return productFiles()
        case .brand: return brandFiles()
        case .store: return storeFiles()
        }
    }

    private func productFiles() -> [(path: String, text: String)] {
        let modelID = modelID ?? id
        let hasSpecs = sharedFolderExists("models/\(modelID)")
        var menu = [("Overview", "/")]
        if hasSpecs { menu.append(("Specifications", "/specs/")) }
        menu.append(("Colours", "/#paint"))
        let mounts = hasSpecs ? [(from: "models/\(modelID)", into: "specs", tags: [String]())] : []
        let tagline = model?["tagline"]?.scalarText ?? ""
        let home = page(title: title, description: tagline, body: """
            \(tagline.isEmpty ? "" : tagline + " ")Pick a colour, compare the trims and book a test drive: your nearest dealer calls you back.
            """)
        return [("site.yaml", siteYAML(menu: menu, mounts: mounts, extra: "model: \(modelID)\n")), ("content/_index.md", home)]
    }

    private func brandFiles() -> [(path: String, text: String)] {
        var mounts: [(from: String, into: String, tags: [String])] = []
        if let brandID {
            if sharedFolderExists("lineup") { mounts.append(("lineup", "models", [brandID])) }
            if sharedFolderExists("news") { mounts.append(("news", "news", [brandID])) }
        }
        let about = brand?["about"]?.scalarText ?? "Tell visitors who you are in a sentence or two."
        return [
            ("site.yaml", siteYAML(menu: [("About", "/about/")], mounts: mounts, extra: "booking: true\n")),
            ("content/_index.md", page(title: title, description: brand?["tagline"]?.scalarText ?? "", body: about)),
            ("content/about.md", page(title: "About \(title)", description: "", body: about)),
        ]
    }

    private func storeFiles() -> [(path: String, text: String)] {
        let home = page(title: title, description: "Every model with its trims, prices and colours.", body: "",
                        layout: "storefront")
        let compare = page(title: "Compare models", description: "Every model side by side.", body: "", layout: "compare")
        return [
            ("site.yaml", siteYAML(menu: [("Shop", "/"), ("Compare", "/compare/")], mounts: [],
                                   extra: "booking: true\n")),
            ("content/_index.md", home),
            ("content/compare.md", compare),
        ]
    }

    private func siteYAML(menu: [(String, String)], mounts: [(from: String, into: String, tags: [String])], extra: String) -> String {
        var text = """
            # Created by `showroom new site`. The fields are described in docs/workspace.md.
            title: \(quoted(title))
            kind: \(kind.rawValue)
            baseURL: \(baseURL())
            locale: \(locale)

            """
        if let brandID { text += "brand: \(brandID)\n" }
        text += extra
        text += "theme:\n"
        text += "  primary: \(quoted(brand?["primary"]?.scalarText ?? "#111827"))\n"
        text += "  accent: \(quoted(brand?["accent"]?.scalarText ?? "#c8102e"))\n"
        if let logo = brand?["logo"]?.scalarText { text += "  logo: \(logo)\n" }
        text += "menus:\n  main:\n"
        for (title, url) in menu { text += "    - title: \(quoted(title))\n      url: \(url)\n" }
        if !mounts.isEmpty {
            text += "mounts:\n"
            for mount in mounts {
                text += "  - from: \(mount.from)\n    into: \(mount.into)\n"
                if !mount.tags.isEmpty { text += "    tags: [\(mount.tags.joined(separator: ", "))]\n" }
            }
        }
        if kind == .product, let name = model?["shortName"]?.scalarText { text += "params:\n  logoText: \(quoted(name))\n" }
        return text
    }

    private func page(title: String, description: String, body: String, layout: String? = nil) -> String {
        var text = "---\ntitle: \(quoted(title))\n"
        if !description.isEmpty { text += "description: \(quoted(description))\n" }
        if let layout { text += "layout: \(layout)\n" }
        return text + "---\n" + (body.isEmpty ? "" : body + "\n")
    }

    /// `https://<id>.<brand domain>/` when the brand's site is `https://www.<domain>/`, else `https://<id>.example/`.
    private func baseURL() -> String {
        if let website = brand?["website"]?.scalarText, let host = URL(string: website)?.host, host.hasPrefix("www.") {
            return "https://\(id).\(host.dropFirst(4))/"
        }
        return "https://\(id).example/"
    }

    private func sharedFolderExists(_ folder: String) -> Bool {
        WorkspaceFiles.isDirectory(root.appendingPathComponent("\(Workspace.sharedContentFolder)/\(folder)"))
    }

    private func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
