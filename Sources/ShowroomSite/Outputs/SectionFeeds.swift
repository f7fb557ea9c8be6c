import ShowroomCore

/// `<section>/index.xml` (Atom) for every section whose `_index.md` says `feed: true`: its 50 newest pages.
struct SectionFeeds: SiteOutput {
    func write(_ build: SiteBuild) -> OutputResult {
        var result = OutputResult()
        for page in build.pages where page.kind == .section && page.source.feed {
            // Newest first; pages of one day keep their list order.
            let members = (build.scope.pagesBySection[page.section] ?? []).enumerated().sorted { a, b in
                let dayA = build.pages[a.element].source.date.map(SiteValues.isoDay) ?? ""
                let dayB = build.pages[b.element].source.date.map(SiteValues.isoDay) ?? ""
                return dayA != dayB ? dayA > dayB : a.offset < b.offset
            }.map(\.element)
            let xml = Feed.atom(site: build.site, section: page, now: build.inputs.now, entries: members.prefix(50).map { index in
                var summary = ""
                if case .map(let map) = build.scope.summaries[index], case .string(let text, _)? = map["summary"] { summary = text }
                return (build.pages[index], summary)
            })
            do {
                try build.writer.files.write(xml, to: String(page.url.dropFirst()) + "index.xml")
                result.files += 1
            } catch {
                result.diagnostics.append(.error(at: SourceLocation(file: page.source.file), "cannot write the feed: \(error.message)"))
            }
        }
        return result
    }
}
