import Foundation
import ShowroomCore

/// A template file as written: its lookup name (file name without `.mustache`), where it is, its text.
public struct TemplateSource: Sendable {
    /// The lookup name: the file name without `.mustache`.
    public var name: String
    /// The file's path relative to the workspace root, for messages.
    public var file: String
    /// The template's text.
    public var text: String

    /// A template `name` read from `file`.
    public init(name: String, file: String, text: String) {
        self.name = name
        self.file = file
        self.text = text
    }
}

/// Everything a build reads, loaded and checked: fleet settings, sites, shared data, templates and assets.
///
/// Loading never stops at the first problem: it returns what could be read plus every diagnostic.
public struct Workspace: Sendable {
    /// The workspace's root folder.
    public var root: URL
    /// The fleet-wide settings from `showroom.yaml`.
    public var fleet: FleetConfig
    /// Sites by id, sorted.
    public var sites: [SiteConfig]
    /// Shared data files by name: `shared/data/models.yaml` is `models`.
    public var data: [String: YAMLNode]
    /// Template sets by name (`base`, `brand`, `product`, `store`), each template by name.
    public var templateSets: [String: [String: TemplateSource]]
    /// The shared asset library.
    public var catalog: AssetCatalog
    /// Translated template strings by locale: `shared/i18n/zh-CN.yaml` is `zh-CN`.
    public var i18n: [String: YAMLNode]

    /// Where the shared pages are that sites mount, relative to the root.
    public static let sharedContentFolder = "shared/content"
    /// Where the shared data files are, relative to the root.
    package static let sharedDataFolder = "shared/data"

    /// The site with `id`; nil when the workspace has none (or it was not loaded).
    public func site(_ id: String) -> SiteConfig? { sites.first { $0.id == id } }

    /// Loads the workspace at `root`. `siteIDs` limits which sites are read (all when nil).
    public static func load(root: URL, siteIDs: [String]? = nil) -> (Workspace, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let root = root.standardizedFileURL

        let (fleet, fleetDiagnostics) = FleetConfig.load(root: root)
        diagnostics += fleetDiagnostics

        let (sites, siteDiagnostics) = loadSites(root: root, only: siteIDs)
        diagnostics += siteDiagnostics

        var data: [String: YAMLNode] = [:]
        let dataRoot = root.appendingPathComponent(sharedDataFolder)
        let dataFiles = WorkspaceFiles.list(under: dataRoot, inside: root)
        diagnostics += dataFiles.diagnostics(folder: sharedDataFolder)
        for path in dataFiles.paths where path.hasSuffix(".yaml") || path.hasSuffix(".yml") {
            let file = "\(sharedDataFolder)/\(path)"
            do {
                let name = (path as NSString).deletingPathExtension.replacingOccurrences(of: "/", with: ".")
                data[name] = try YAMLNode.load(dataRoot.appendingPathComponent(path), relativePath: file)
            } catch {
                diagnostics.append(error)
            }
        }

        var templateSets: [String: [String: TemplateSource]] = [:]
        let templatesRoot = root.appendingPathComponent("templates")
        for set in (try? FileManager.default.contentsOfDirectory(atPath: templatesRoot.path))?.sorted() ?? []
        where WorkspaceFiles.isDirectory(templatesRoot.appendingPathComponent(set)) && !set.hasPrefix(".") {
            let (templates, found) = loadTemplates(root: root, folder: "templates/\(set)")
            templateSets[set] = templates
            diagnostics += found
        }
        if templateSets["base"] == nil {
            diagnostics.append(.error(at: SourceLocation(file: "templates/base"), "the base template set is missing",
                                      hint: "create templates/base with home.mustache, section.mustache, page.mustache and 404.mustache"))
        }

        let (catalog, catalogDiagnostics) = AssetCatalog.load(root: root)
        diagnostics += catalogDiagnostics

        var i18n: [String: YAMLNode] = [:]
        let i18nRoot = root.appendingPathComponent("shared/i18n")
        let i18nFiles = WorkspaceFiles.list(under: i18nRoot, withExtension: "yaml", inside: root)
        diagnostics += i18nFiles.diagnostics(folder: "shared/i18n")
        for path in i18nFiles.paths {
            do {
                let file = "shared/i18n/\(path)"
                i18n[(path as NSString).deletingPathExtension] = try YAMLNode.load(i18nRoot.appendingPathComponent(path), relativePath: file)
            } catch {
                diagnostics.append(error)
            }
        }

        diagnostics += SharedDataCheck.diagnostics(data: data, catalog: catalog, i18n: i18n, sites: sites)

        let workspace = Workspace(root: root, fleet: fleet, sites: sites, data: data, templateSets: templateSets, catalog: catalog,
                                  i18n: i18n)
        return (workspace, diagnostics)
    }

    /// Reads every `sites/*/site.yaml` (or only `siteIDs`), sorted by id.
    public static func loadSites(root: URL, only siteIDs: [String]?) -> ([SiteConfig], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var sites: [SiteConfig] = []
        let sitesRoot = root.appendingPathComponent("sites")
        let folders = ((try? FileManager.default.contentsOfDirectory(atPath: sitesRoot.path)) ?? [])
            .filter { !$0.hasPrefix(".") && !$0.hasPrefix("_") && WorkspaceFiles.isDirectory(sitesRoot.appendingPathComponent($0)) }
            .sorted()
        if folders.isEmpty {
            diagnostics.append(.error(at: SourceLocation(file: "sites"), "there are no sites to build",
                                      hint: "create one with `showroom new site <id> --kind brand`"))
        }
        for id in siteIDs ?? [] where !folders.contains(id) {
            diagnostics.append(.error(at: nil, "there is no site `\(id)`",
                                      hint: "the sites are: \(folders.joined(separator: ", "))"))
        }
        for folder in folders where siteIDs == nil || siteIDs!.contains(folder) {
            let file = "sites/\(folder)/site.yaml"
            let url = root.appendingPathComponent(file)
            guard FileManager.default.fileExists(atPath: url.path) else {
                diagnostics.append(.error(at: SourceLocation(file: "sites/\(folder)"), "the site folder has no site.yaml",
                                          hint: "add sites/\(folder)/site.yaml with at least `title:`, `kind:` and `baseURL:`"))
                continue
            }
            if let target = WorkspaceFiles.targetOutside(url.path, inside: root) {
                diagnostics.append(WorkspaceFiles.outsideLinkError(file, target: target))
                continue
            }
            do {
                let node = try YAMLNode.load(url, relativePath: file)
                let (config, found) = SiteConfig.read(node, folderName: folder, file: file)
                diagnostics += found
                if let config { sites.append(config) }
            } catch {
                diagnostics.append(error)
            }
        }
        return (sites, diagnostics)
    }

    /// Every `.mustache` file below `folder`, by file name without extension (sub-folders only organise).
    public static func loadTemplates(root: URL, folder: String) -> ([String: TemplateSource], [Diagnostic]) {
        var templates: [String: TemplateSource] = [:]
        var diagnostics: [Diagnostic] = []
        let url = root.appendingPathComponent(folder)
        let files = WorkspaceFiles.list(under: url, withExtension: "mustache", inside: root)
        diagnostics += files.diagnostics(folder: folder)
        for path in files.paths {
            let file = "\(folder)/\(path)"
            let name = Self.templateName(path)
            do {
                let text = try SourceText.read(url.appendingPathComponent(path), relativePath: file, maxBytes: InputLimits.templateBytes)
                if let existing = templates[name] {
                    diagnostics.append(.error(at: SourceLocation(file: file), "a template named `\(name)` already exists at \(existing.file)",
                                              hint: "template names must be unique within a set; rename one of them"))
                }
                templates[name] = TemplateSource(name: name, file: file, text: text)
            } catch {
                diagnostics.append(error)
            }
        }
        return (templates, diagnostics)
    }

    /// A template's name: its file name without the extension (sub-folders only organise), except below a
    /// `shortcodes/` folder, where it is `shortcodes/<name>`, so a shortcode never takes the place of a partial.
    static func templateName(_ path: String) -> String {
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        return path.split(separator: "/").dropLast().contains("shortcodes") ? "shortcodes/" + name : name
    }

    /// Reads and parses every Markdown file below `folder` (relative to the root), using both cores.
    /// A page as read from its file, kept by `PageCache` while the file is unchanged.
    package struct ParsedPage: Sendable {
        var page: PageSource?
        var diagnostics: [Diagnostic]
    }

    /// Pages already read, by file, for a process that builds again and again (serve): a rebuild then reads and
    /// parses only the pages whose files changed.
    package typealias PageCache = FileCache<ParsedPage>

    /// Every page below `folder` (relative to the root), read and parsed, with the problems found.
    public func loadPages(under folder: String) -> ([PageSource], [Diagnostic]) {
        loadPages(under: folder, cache: nil)
    }

    /// The pages below `folder`, read afresh or, with `cache`, from it where their files are unchanged.
    package func loadPages(under folder: String, cache: PageCache?) -> ([PageSource], [Diagnostic]) {
        let url = root.appendingPathComponent(folder)
        let listing = WorkspaceFiles.list(under: url, inside: root)
        let paths = listing.paths.filter { $0.hasSuffix(".md") }
        let resources = listing.paths.filter { !$0.hasSuffix(".md") }
        // Folders holding Markdown: a bundle's files stop where another page's folder starts.
        let pageFolders = Set(paths.map { ($0 as NSString).deletingLastPathComponent })
        let base = url.standardizedFileURL.path + "/"
        let results = ConcurrentMap.map(paths) { path -> (PageSource?, [Diagnostic]) in
            let file = "\(folder)/\(path)"
            do throws(Diagnostic) {
                let read = { () throws(Diagnostic) -> ParsedPage in
                    let text = try SourceText.read(path: base + path, relativePath: file, maxBytes: InputLimits.pageBytes)
                    let (page, diagnostics) = PageSource.parse(text: text, file: file, contentPath: path)
                    return ParsedPage(page: page, diagnostics: diagnostics)
                }
                let parsed: ParsedPage
                if let cache { parsed = try cache.value(forPath: base + path, key: file, make: read) } else { parsed = try read() }
                var (page, diagnostics) = (parsed.page, parsed.diagnostics)
                if page?.isBundle == true {
                    let folder = (path as NSString).deletingLastPathComponent
                    let prefix = folder.isEmpty ? "" : folder + "/"
                    page?.bundleFiles = resources.filter { resource in
                        guard resource.hasPrefix(prefix) else { return false }
                        var folder = (resource as NSString).deletingLastPathComponent
                        while folder + "/" != prefix, !folder.isEmpty {
                            if pageFolders.contains(folder) { return false }
                            folder = (folder as NSString).deletingLastPathComponent
                        }
                        return true
                    }.map { String($0.dropFirst(prefix.count)) }
                }
                return (page, diagnostics)
            } catch {
                return (nil, [error])
            }
        }
        return (results.compactMap { $0.0 }, listing.diagnostics(folder: folder) + results.flatMap { $0.1 })
    }
}
