import ShowroomCore

/// `<section>/index.xml` (Atom) for every section whose `_index.md` says `feed: true`: its 50 newest pages.
struct SectionFeeds: SiteOutput {
    func write(_ build: SiteBuild) -> OutputResult {
        var result = OutputResult()
        for page in build.pages where page.kind == .section && page.source.feed {
            let members = (build.scope.pagesBySection[page.section] ?? []).map { build.pages[$0] }
            let entries = members.enumerated().sorted { a, b in
                let dayA = a.element.source.date.map(SiteValues.isoDay) ?? "", dayB = b.element.source.date.map(SiteValues.isoDay) ?? ""
                return dayA != dayB ? dayA > dayB : a.offset < b.offset
            }.map(\.element)
            let summaries = Dictionary(uniqueKeysWithValues: build.pages.indices.map { (build.pages[$0].url, build.scope.summaries[$0]) })
            let xml = Feed.atom(site: build.site, section: page, entries: Array(entries.prefix(50)).map { entry in
                var summary = ""
                if case .map(let map)? = summaries[entry.url], case .string(let text, _)? = map["summary"] { summary = text }
                return (entry, summary)
            })
            do {
                try PosixFile.write(xml, toPath: build.writer.folder + page.url + "index.xml")
                result.files += 1
            } catch {
                result.diagnostics.append(.error(at: SourceLocation(file: page.source.file), "cannot write the feed: \(error.message)"))
            }
        }
        return result
    }
}
