extension AssetReport {
    static let linkColor = "#4f46e5"
    static let logColor = "#f59e0b"

    /// One self-contained page: headline tiles, three charts, the sections, and every asset in a sortable table.
    func htmlPage() -> String {
        let sunk = neverUsed.isEmpty ? "nothing" : Figures.money(moneySunk)
        var body = HTML.tiles([
            ("Assets", Figures.count(totals.assets), Figures.money(totals.cost)),
            ("Downloads", Figures.count(totals.downloads.total),
             "\(Figures.count(totals.downloads.link)) counted links · \(Figures.count(totals.downloads.log)) direct"),
            ("Never used", Figures.count(neverUsed.count), "\(sunk) sunk"),
            ("Used, never downloaded", Figures.count(usedNeverDownloaded.count), "downloadable assets on pages"),
            ("Licences ending soon", Figures.count(expiringLicences.count), "within \(Self.licenceWarningDays) days"),
        ])
        let legend = SVGChart.legend([("counted link", Self.linkColor), ("direct (access log)", Self.logColor)])

        let downloaded = assets.filter { $0.downloads.total > 0 }.prefix(15)
        body += HTML.card("Downloads per asset", note: "The 15 most downloaded in the period.", legend + SVGChart.horizontal(
            downloaded.map { .init(label: $0.id, parts: [Double($0.downloads.link), Double($0.downloads.log)],
                                   valueText: Figures.count($0.downloads.total)) },
            colors: [Self.linkColor, Self.logColor]))

        let priced = assets.filter { $0.costPerDownload != nil && $0.cost > 0 }
            .sorted { ($0.costPerDownload!, $1.id) > ($1.costPerDownload!, $0.id) }.prefix(15)
        body += HTML.card("Cost per download", note: "The 15 dearest per download: cost ÷ downloads in the period.",
                          SVGChart.horizontal(priced.map { .init(label: $0.id, parts: [$0.costPerDownload!],
                                                                 valueText: "\(Figures.amount($0.costPerDownload)) \($0.currency)") },
                                              colors: ["#0ea5e9"]))

        body += HTML.card("Downloads over time", note: "Every day of the period, UTC\(calendar.offsetText).", wide: true,
                          legend + SVGChart.columns(downloadsByDay.map { day in
                              .init(label: String(day.day.dropFirst(5)), parts: [Double(day.downloads.link), Double(day.downloads.log)],
                                    valueText: "\(day.day): \(day.downloads.total) (\(day.downloads.link) link, \(day.downloads.log) direct)")
                          }, colors: [Self.linkColor, Self.logColor]))

        let unused = neverUsed.compactMap(line)
        body += HTML.card("Never used", note: "No page of \(site ?? "any site") uses them: \(sunk) sunk.", HTML.simpleTable(
            headers: [("Asset", false), ("Title", false), ("Owner", false), ("Cost", true)],
            rows: unused.map { [$0.id, $0.title, $0.owner ?? Figures.none, "\(Figures.amount($0.cost)) \($0.currency)"] },
            pictures: unused.map(picture)))
        let unDownloaded = usedNeverDownloaded.compactMap(line)
        body += HTML.card("Used but never downloaded", note: "Downloadable, on pages, not downloaded once in the period.", HTML.simpleTable(
            headers: [("Asset", false), ("Title", false), ("Pages", true), ("Page views", true), ("Cost", true)],
            rows: unDownloaded.map { [$0.id, $0.title, String($0.pages), Figures.count($0.pageViews), "\(Figures.amount($0.cost)) \($0.currency)"] },
            pictures: unDownloaded.map(picture)))
        let exposed = exposedPhotos.compactMap(line)
        body += HTML.card("Photos visitors cannot download: exposure",
                          note: "Judged by the page views of the pages that show them in the period, since no download can count.", wide: true,
                          HTML.simpleTable(
                              headers: [("Asset", false), ("Title", false), ("Pages", true), ("Page views", true), ("Cost", true),
                                        ("Cost per 1,000 views", true)],
                              rows: exposed.map { photo in
                                  [photo.id, photo.title, String(photo.pages), Figures.count(photo.pageViews),
                                   "\(Figures.amount(photo.cost)) \(photo.currency)",
                                   photo.costPerThousandViews.map { "\(Figures.amount($0)) \(photo.currency)" } ?? Figures.none]
                              },
                              pictures: exposed.map(picture)))
        body += HTML.card("Licences ending within \(Self.licenceWarningDays) days", note: "After the date, a build that uses the asset fails.",
                          HTML.simpleTable(headers: [("Asset", false), ("Licence until", false), ("Days left", true)],
                                           rows: expiringLicences.map { [$0.asset, $0.expiry, $0.daysLeft < 0 ? "ended" : String($0.daysLeft)] }))
        body += HTML.card("References to assets not in the catalogue", note: "Used on pages or downloaded, but missing from assets/catalog.yaml.",
                          HTML.simpleTable(headers: [("Asset", false), ("Used at", false), ("Downloads", true)],
                                           rows: missingAssets.map { missing in
                                               [missing.id, missing.uses.map { "\($0.site) \($0.page) (\($0.file):\($0.line ?? 0))" }
                                                   .joined(separator: "; "), Figures.count(missing.downloads)]
                                           }))

        body += HTML.card("Every asset", note: "Click a column to sort. Cost per download is empty where nothing was downloaded.", wide: true,
                          HTML.sortableTable(
                              headers: [("Asset", false), ("Kind", false), ("Title", false), ("Cost", true), ("Sites", true), ("Pages", true),
                                        ("Page views", true), ("Downloads", true), ("Link", true), ("Direct", true), ("Cost/download", true), ("Cost/use", true),
                                        ("Last download", false), ("Licence until", false)],
                              rows: assets.map { line in
                                  [
                                      (line.id, nil), (line.kind, nil), (line.title, nil),
                                      ("\(Figures.amount(line.cost)) \(line.currency)", Self.plain(line.cost)),
                                      (String(line.sites.count), nil), (String(line.pages), nil),
                                      (Figures.count(line.pageViews), String(line.pageViews)),
                                      (Figures.count(line.downloads.total), String(line.downloads.total)),
                                      (Figures.count(line.downloads.link), String(line.downloads.link)),
                                      (Figures.count(line.downloads.log), String(line.downloads.log)),
                                      (Figures.amount(line.costPerDownload), line.costPerDownload.map(Self.plain) ?? ""),
                                      (Figures.amount(line.costPerUse), line.costPerUse.map(Self.plain) ?? ""),
                                      (lastDownloadText(line), line.lastDownload.map(Self.isoText) ?? ""),
                                      (line.licenceExpiry ?? Figures.none, line.licenceExpiry ?? ""),
                                  ]
                              }, pictures: assets.map(picture)))
        return HTML.page(title: "Assets report", subtitle: "\(periodText) · \(scopeText)", body: body)
    }

    /// The line's thumbnail, or an empty cell for an asset that is not an image.
    private func picture(_ line: AssetLine) -> String {
        HTML.thumbnail(thumbnails[line.id], alt: line.title)
    }
}
