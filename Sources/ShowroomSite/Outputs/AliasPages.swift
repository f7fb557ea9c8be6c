import ShowroomCore
import ShowroomWorkspace

/// A redirect page for every `aliases:` entry: an old address that sends visitors (and search engines, with
/// a canonical link) to the page's address. `SitePages` has already left out aliases that are a page's own
/// address and refused those that another page claims, so each alias here is a path of its own.
struct AliasPages: SiteOutput {
    func write(_ build: SiteBuild) -> OutputResult {
        var result = OutputResult()
        let site = build.site
        for page in build.pages {
            for alias in page.source.aliases {
                let (path, output) = SitePage.aliasOutput(alias)
                let target = HTMLEscaping.escape(page.url)
                let title = HTMLEscaping.escape(page.source.title)
                let html = "<!DOCTYPE html><html lang=\"\(HTMLEscaping.escape(site.locale))\"><head><meta charset=\"utf-8\"><title>\(title)</title><link rel=\"canonical\" href=\"\(HTMLEscaping.escape(SitePage.permalink(site: site, url: page.url)))\"><meta name=\"robots\" content=\"noindex\"><meta http-equiv=\"refresh\" content=\"0; url=\(target)\"></head><body><p><a href=\"\(target)\">\(title)</a></p></body></html>\n"
                let written = build.writer.write(Array(html.utf8), url: path, outputPath: output, sourceFile: page.source.file, templateFile: "alias")
                result.diagnostics += written.diagnostics
                result.files += written.ok ? 1 : 0
            }
        }
        return result
    }
}
