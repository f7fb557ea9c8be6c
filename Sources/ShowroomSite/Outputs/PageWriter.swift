import ShowroomCore
import ShowroomHTML
import ShowroomWorkspace

/// Post-processes a rendered HTML page (the tracking snippet, image sizes, download attributes, asset
/// references) and writes it into the site's files.
struct PageWriter: Sendable {
    let library: AssetLibrary
    let collector: String
    /// The tracking snippet's `<script>` element for this site, made once.
    let snippet: String
    /// Where the site's files go.
    let files: SiteFiles
    /// Built sites' addresses replaced by `--baseURL`, for links between them.
    let addressChanges: [BaseURLOverride.Change]

    init(site: SiteConfig, inputs: FleetInputs, files: SiteFiles) {
        library = inputs.library
        collector = inputs.workspace.fleet.collector
        self.files = files
        addressChanges = inputs.addressChanges
        let attributes = ([
            ("data-site", site.id), ("data-collector", inputs.workspace.fleet.collector), ("data-consent", site.consent),
            ("data-fleet", inputs.fleetHosts.joined(separator: ",")),
        ] + (inputs.workspace.fleet.clickIDs.isEmpty ? [] : [("data-click-ids", inputs.workspace.fleet.clickIDs.joined(separator: ","))])).map { " \($0.0)=\"\(HTMLEscaping.escape($0.1))\"" }.joined()
        snippet = "<script \(HTMLRewriter.snippetMarker)\(attributes)>\(inputs.trackingScript)</script>"
    }

    struct Outcome {
        var ok: Bool
        /// The library assets the written page refers to.
        var assets: Set<String>
        var diagnostics: [Diagnostic]
    }

    func write(_ html: [UInt8], url: String, outputPath: String, sourceFile: String, templateFile: String) -> Outcome {
        guard LinkRules.staysInside(relativePath: outputPath) else {
            return Outcome(ok: false, assets: [], diagnostics: [.error(
                at: SourceLocation(file: sourceFile), "the page's address \(url) would be written outside the site's output folder",
                hint: "give the page a `url:` or `slug:` without `..` segments")])
        }
        let library = self.library
        let collector = self.collector
        let rewriter = HTMLRewriter(
            snippet: snippet,
            imageSize: { src in
                guard src.hasPrefix("/assets/"), let id = library.idsByOutputName[String(src.dropFirst(8))],
                      let asset = library.prepared[id], let width = asset.width, let height = asset.height
                else { return nil }
                return (width, height)
            },
            linkAttributes: { href in
                guard href.hasPrefix("\(collector)/dl/") else { return [] }
                let rest = href.dropFirst(collector.count + 4)
                let id = rest.prefix { $0 != "?" && $0 != "/" }
                return [("data-asset", String(id))]
            },
            markers: AssetLibrary.referenceMarkers(collector: collector))
        let html = addressChanges.isEmpty ? html : Array(BaseURLOverride.repointLinks(in: String(decoding: html, as: UTF8.self), addressChanges).utf8)
        switch rewriter.rewrite(bytes: html) {
        case .failure(.noHead):
            return Outcome(ok: false, assets: [], diagnostics: [.error(
                at: SourceLocation(file: sourceFile), "the page \(url) has no <head>, so the tracking snippet cannot be added",
                hint: "make the layout \(templateFile) (or its parent) start with <html><head>…</head>")])
        case .failure(.duplicateSnippet(let count)):
            return Outcome(ok: false, assets: [], diagnostics: [.error(
                at: SourceLocation(file: sourceFile), "the page \(url) carries the tracking snippet \(count) times",
                hint: "remove the snippet from \(templateFile); the build adds it to every page")])
        case .success(let final):
            let assets = library.assetIDs(fromReferences: final.references)
            do {
                try files.write(final.bytes, to: outputPath)
                return Outcome(ok: true, assets: assets, diagnostics: [])
            } catch {
                return Outcome(ok: false, assets: assets, diagnostics: [.error(
                    at: SourceLocation(file: sourceFile), "cannot write \(outputPath): \(error.message)")])
            }
        }
    }
}
