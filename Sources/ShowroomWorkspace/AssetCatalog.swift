import Foundation
import ShowroomCore

/// What an asset is, for reports and for how pages use it.
public enum AssetKind: String, Sendable, CaseIterable {
    case photo, brochure, video, logo, other
}

/// One record of the shared asset library (`assets/catalog.yaml`).
public struct Asset: Sendable {
    /// The id pages reference it by (`asset:<id>`), unique in the library.
    public var id: String
    /// Path under `assets/files/`.
    public var file: String
    /// The title reports show and the last fallback for alt text.
    public var title: String
    /// What the asset is (photo, brochure, video, logo, other).
    public var kind: AssetKind
    /// The model it shows (an id in `shared/data/models.yaml`), if any.
    public var model: String?
    /// Free tags for finding and grouping assets in reports.
    public var tags: [String]
    /// Who answers for the asset (a team or a person), for the reports.
    public var owner: String?
    /// What the asset cost to make or license, in `currency` (0 when not given).
    public var cost: Double
    /// The currency of `cost` (`CNY` when not given).
    public var currency: String
    /// The day its licence ends: using it after that is a build error, and shortly before it a warning.
    public var licenceExpiry: Date?
    /// Alt text per locale (`en`, `zh-CN`); `en` is the fallback.
    package var alt: [String: String]
    /// Whether pages offer it as a counted download (brochures, press photos, wallpapers).
    public var downloadable: Bool
    /// Where the record is written in `assets/catalog.yaml`.
    public var location: SourceLocation

    /// Alt text for `locale`, falling back to the language, then English, then the title.
    public func altText(for locale: String) -> String {
        if let text = alt[locale] { return text }
        if let language = locale.split(separator: "-").first, let text = alt[String(language)] { return text }
        return alt["en"] ?? title
    }
}

/// The shared asset library: every record, by id.
public struct AssetCatalog: Sendable {
    /// Every record, by id.
    public var assets: [String: Asset]
    /// `assets/files`, relative to the workspace root.
    public var filesFolder: String

    /// A catalogue of `assets` whose files are under `filesFolder`.
    public init(assets: [String: Asset] = [:], filesFolder: String = "assets/files") {
        self.assets = assets
        self.filesFolder = filesFolder
    }

    /// The record with `id`; nil when the library has none.
    public subscript(id: String) -> Asset? { assets[id] }

    static let idPattern = #"^[a-z0-9][a-z0-9._-]*$"#

    /// Reads the catalogue and checks it against the files on disk: a record without its file and a file
    /// without a record are both reported.
    public static func load(root: URL) -> (AssetCatalog, [Diagnostic]) {
        let file = "assets/catalog.yaml"
        let url = root.appendingPathComponent(file)
        guard FileManager.default.fileExists(atPath: url.path) else { return (AssetCatalog(), []) }
        if let target = WorkspaceFiles.targetOutside(url.path, inside: root) {
            return (AssetCatalog(), [WorkspaceFiles.outsideLinkError(file, target: target)])
        }
        let node: YAMLNode
        do {
            node = try YAMLNode.load(url, relativePath: file)
        } catch {
            return (AssetCatalog(), [error])
        }
        var diagnostics: [Diagnostic] = []
        guard let pairs = node.pairs else {
            if node.isNull { return (AssetCatalog(), []) }
            return (AssetCatalog(), [.error(at: node.location, "the catalogue must map asset ids to records, found \(node.kindName)",
                                            hint: "write `aurora-hero:` then indented `file:`, `title:`, `kind:` lines")])
        }
        var assets: [String: Asset] = [:]
        let filesRoot = root.appendingPathComponent("assets/files")
        for (id, record) in pairs {
            if id.range(of: idPattern, options: .regularExpression) == nil {
                diagnostics.append(.error(at: record.location, "`\(id)` is not a valid asset id",
                                          hint: "use lowercase letters, digits, dots and dashes, e.g. `aurora-hero`"))
                continue
            }
            var reader = FieldReader(record, what: "asset `\(id)`")
            let path = reader.string("file", required: true, example: "photos/\(id).jpg")
            let title = reader.string("title", required: true, example: "Aurora on the coast road")
            let kind = reader.oneOf("kind", AssetKind.allCases.map(\.rawValue), required: true).flatMap(AssetKind.init(rawValue:))
            let model = reader.string("model")
            let tags = reader.strings("tags")
            let owner = reader.string("owner")
            let cost = reader.decimal("cost") ?? 0
            let currency = reader.string("currency") ?? "CNY"
            let expiry = reader.date("licenceExpiry")
            var alt: [String: String] = [:]
            if let altNode = reader.field("alt") {
                if let text = altNode.scalarText {
                    alt["en"] = text
                } else if let altPairs = altNode.pairs {
                    for (locale, value) in altPairs { alt[locale] = value.scalarText ?? "" }
                } else {
                    reader.report(.error(at: altNode.location, "`alt` must be text or a mapping of locales to text",
                                         hint: "write `alt: {en: \"…\", zh-CN: \"…\"}`"))
                }
            }
            let downloadable = reader.bool("downloadable") ?? false
            var escapes = false
            if cost < 0 {
                reader.report(.error(at: record["cost"]?.location, "`cost` cannot be negative", hint: "write the amount paid, e.g. `cost: 1000000`"))
            }
            if let path, path.hasPrefix("/") || path.split(separator: "/").contains("..") {
                reader.report(.error(at: record["file"]?.location, "`file` must be a path inside assets/files, found `\(path)`",
                                     hint: "write the path relative to assets/files, e.g. `photos/\(id).jpg`"))
            } else if let path, !FileManager.default.fileExists(atPath: filesRoot.appendingPathComponent(path).path) {
                reader.report(.error(at: record["file"]?.location, "asset `\(id)` names the file `assets/files/\(path)`, which does not exist",
                                     hint: "add the file, or correct the path in the catalogue"))
            } else if let path, let target = WorkspaceFiles.targetOutside(filesRoot.appendingPathComponent(path).path, inside: root) {
                escapes = true
                reader.report(.error(at: record["file"]?.location, "asset `\(id)`'s file `assets/files/\(path)` is a link to \(target), which is outside the workspace",
                                     hint: "copy the file into assets/files instead of linking to it"))
            }
            diagnostics += reader.finish()
            if let path, let title, let kind, !escapes {
                assets[id] = Asset(id: id, file: path, title: title, kind: kind, model: model, tags: tags, owner: owner,
                                   cost: cost, currency: currency, licenceExpiry: expiry, alt: alt,
                                   downloadable: downloadable, location: record.location)
            }
        }
        let recorded = Set(assets.values.map(\.file))
        let files = WorkspaceFiles.list(under: filesRoot, inside: root)
        let named = Set(pairs.compactMap { $0.value["file"]?.scalarText })
        var unnamed = files
        unnamed.linksOutside.removeAll { named.contains($0.link) }  // reported with their record
        diagnostics += unnamed.diagnostics(folder: "assets/files")
        for path in files.paths where !recorded.contains(path) && !pairs.contains(where: { $0.value["file"]?.scalarText == path }) {
            diagnostics.append(.warning(at: SourceLocation(file: "assets/files/\(path)"), "the file has no record in assets/catalog.yaml",
                                        hint: "add a record for it (id, file, title, kind, cost), or delete the file"))
        }
        return (AssetCatalog(assets: assets), diagnostics)
    }
}
