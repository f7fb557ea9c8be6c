import Foundation
import ShowroomHTML
import ShowroomWorkspace

/// `sitemap.xml` and Atom feeds, written with libxml2 so every value is escaped and the XML is well-formed.
enum Feed {
    static func sitemap(site: SiteConfig, pages: [SitePage]) -> String {
        let writer = XMLWriter()
        writer.start("urlset", namespace: "http://www.sitemaps.org/schemas/sitemap/0.9")
        for page in pages {
            writer.start("url")
            writer.element("loc", SitePage.permalink(site: site, url: page.url))
            if let date = page.source.date { writer.element("lastmod", SiteValues.isoDay(date)) }
            writer.end()
        }
        writer.end()
        return writer.finish()
    }

    /// The Atom feed of `section`: `entries` are its pages (newest first) with their summaries.
    /// `now` (the build's moment) dates a feed whose pages have no date.
    static func atom(site: SiteConfig, section: SitePage, now: Date, entries: [(page: SitePage, summary: String)]) -> String {
        let writer = XMLWriter()
        writer.start("feed", namespace: "http://www.w3.org/2005/Atom")
        writer.element("title", "\(section.source.title) – \(site.title)")
        writer.element("id", SitePage.permalink(site: site, url: section.url))
        writer.start("link")
        writer.attribute("href", SitePage.permalink(site: site, url: section.url))
        writer.end()
        writer.start("link")
        writer.attribute("rel", "self")
        writer.attribute("href", SitePage.permalink(site: site, url: section.url) + "index.xml")
        writer.end()
        let newest = entries.compactMap { $0.page.source.date.map(SiteValues.isoDay) }.max() ?? SiteValues.isoDay(now)
        writer.element("updated", "\(newest)T00:00:00Z")
        for entry in entries {
            let url = entry.page.url
            writer.start("entry")
            writer.element("title", entry.page.source.title)
            writer.element("id", SitePage.permalink(site: site, url: url))
            writer.start("link")
            writer.attribute("href", SitePage.permalink(site: site, url: url))
            writer.end()
            writer.element("updated", "\(entry.page.source.date.map(SiteValues.isoDay) ?? newest)T00:00:00Z")
            writer.element("summary", entry.summary)
            writer.start("author")
            writer.element("name", site.title)
            writer.end()
            writer.end()
        }
        writer.end()
        return writer.finish()
    }

}
