import ShowroomCore
import ShowroomWorkspace

/// Keeps a content page's previous output when nothing it reads has changed: the page's key (`PageKeys`) and
/// the fingerprints of the assets it used must equal those the previous build recorded, and the previous
/// files must still be in the live output, from which they are hard-linked into the staging folder. Its usage
/// rows and warnings come back from the record, placed as a rendering would place them now.
final class PageReuse: Sendable {
    /// The record's entry that stands for the asset catalogue, for pages whose Markdown shows images by path
    /// (the catalogue decides which of those are library files written the wrong way).
    static let catalogEntry = "#catalog"

    let keys: PageKeys
    /// The previous build's record; nil for a cold build, which still records keys for the next one.
    let previous: ReuseRecord?
    /// The live output folder the previous files are linked from.
    let live: String?
    /// The hash of assets/catalog.yaml's text.
    let catalogHash: StableHash

    init(keys: PageKeys, previous: ReuseRecord?, live: String?, catalogHash: StableHash) {
        self.keys = keys
        self.previous = previous
        self.live = live
        self.catalogHash = catalogHash
    }

    /// The page's output kept from the previous build, or nil when it must be rendered.
    func reuse(_ page: SitePage, key: StableHash, in build: SiteBuild) -> OutputResult? {
        guard let previous, let live, let old = previous.pages[page.outputPath], old.key == key else { return nil }
        for (id, fingerprint) in old.assets {
            let current = id == Self.catalogEntry ? catalogHash : build.inputs.library.fingerprints[id]
            guard current == fingerprint else { return nil }
        }
        let files = ContentPages.files(of: page)
        guard build.writer.files.reuse(files, from: live) else { return nil }
        var result = OutputResult()
        result.files = files.count
        result.diagnostics = old.diagnostics
        for (id, own) in old.written { result.uses.append(ContentPages.use(of: id, on: page, namedAt: own, in: build)) }
        result.reused = 1
        result.pageRecords = [(page.outputPath, old)]
        return result
    }
}
