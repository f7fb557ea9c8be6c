import ShowroomCore

/// `sitemap.xml`: every page of the site, with its date.
struct Sitemap: SiteOutput {
    func write(_ build: SiteBuild) -> OutputResult {
        var result = OutputResult()
        do {
            try build.writer.files.write(Feed.sitemap(site: build.site, pages: build.pages), to: "sitemap.xml")
            result.files = 1
        } catch {
            result.diagnostics.append(.error(at: build.site.location, "cannot write sitemap.xml: \(error.message)"))
        }
        return result
    }
}

/// `robots.txt`: everything may be crawled; the sitemap's address.
struct RobotsFile: SiteOutput {
    func write(_ build: SiteBuild) -> OutputResult {
        var result = OutputResult()
        let robots = "User-agent: *\nAllow: /\n\nSitemap: \(build.site.baseURL)sitemap.xml\n"
        do {
            try build.writer.files.write(robots, to: "robots.txt")
            result.files = 1
        } catch {
            result.diagnostics.append(.error(at: build.site.location, "cannot write robots.txt: \(error.message)"))
        }
        return result
    }
}
