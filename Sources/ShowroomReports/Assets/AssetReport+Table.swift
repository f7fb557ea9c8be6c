extension AssetReport {
    /// The terminal table: a heading, every asset, then the sections.
    func tableText() -> String {
        var out = ["Assets report · \(periodText) · \(scopeText)", summaryText, ""]
        var table = TextTable([
            .init("ASSET", maxWidth: 28), .init("KIND"), .init("TITLE", maxWidth: 30), .init("COST", .right), .init("SITES", .right),
            .init("PAGES", .right), .init("VIEWS", .right), .init("DOWNLOADS", .right), .init("LINK", .right), .init("LOG", .right),
            .init("COST/DOWNLOAD", .right), .init("COST/USE", .right), .init("LAST DOWNLOAD"), .init("LICENCE UNTIL"),
        ])
        for line in assets {
            table.add([
                line.id, line.kind, line.title, "\(Figures.amount(line.cost)) \(line.currency)", String(line.sites.count),
                String(line.pages), Figures.count(line.pageViews), Figures.count(line.downloads.total), Figures.count(line.downloads.link),
                Figures.count(line.downloads.log), Figures.amount(line.costPerDownload), Figures.amount(line.costPerUse),
                lastDownloadText(line), line.licenceExpiry ?? Figures.none,
            ])
        }
        out.append(assets.isEmpty ? "No assets in scope." : table.render())

        out.append("")
        out.append(neverUsed.isEmpty ? "Never used: none"
                   : "Never used: \(neverUsed.count) asset\(neverUsed.count == 1 ? "" : "s"), \(Figures.money(moneySunk)) sunk")
        out.append(listTable(neverUsed, headers: [.init("COST", .right), .init("OWNER")]) {
            ["\(Figures.amount($0.cost)) \($0.currency)", $0.owner ?? Figures.none]
        })

        out.append("")
        out.append("Used but never downloaded in the period: \(usedNeverDownloaded.count) downloadable asset\(usedNeverDownloaded.count == 1 ? "" : "s")")
        out.append(listTable(usedNeverDownloaded, headers: [.init("PAGES", .right), .init("COST", .right)]) {
            [String($0.pages), "\(Figures.amount($0.cost)) \($0.currency)"]
        })

        out.append("")
        out.append("Photos visitors cannot download, by exposure (page views of the pages that show them)")
        out.append(listTable(exposedPhotos, headers: [.init("PAGES", .right), .init("VIEWS", .right), .init("COST/1,000 VIEWS", .right)]) {
            [String($0.pages), Figures.count($0.pageViews), Figures.amount($0.costPerThousandViews)]
        })

        out.append("")
        out.append("Most downloaded")
        out.append(listTable(mostDownloaded, headers: [.init("DOWNLOADS", .right), .init("COST/DOWNLOAD", .right), .init("BY SITE")]) {
            [Figures.count($0.downloads.total), Figures.amount($0.costPerDownload), Self.bySiteText($0.downloadsBySite)]
        })

        out.append("")
        out.append("Licences ending within \(Self.licenceWarningDays) days")
        if expiringLicences.isEmpty {
            out.append("  none")
        } else {
            var licences = TextTable([.init("ASSET"), .init("LICENCE UNTIL"), .init("DAYS LEFT", .right)])
            for licence in expiringLicences {
                licences.add([licence.asset, licence.expiry, licence.daysLeft < 0 ? "ended" : String(licence.daysLeft)])
            }
            out.append(licences.render(indent: 2))
        }

        out.append("")
        out.append("References to assets not in the catalogue")
        if missingAssets.isEmpty {
            out.append("  none")
        } else {
            var missing = TextTable([.init("ASSET"), .init("USED AT"), .init("DOWNLOADS", .right)])
            for asset in missingAssets {
                let place = asset.uses.first.map { "\($0.site) \($0.page) (\($0.file):\($0.line ?? 0))" } ?? Figures.none
                let more = asset.uses.count > 1 ? " and \(asset.uses.count - 1) more" : ""
                missing.add([asset.id, place + more, Figures.count(asset.downloads)])
            }
            out.append(missing.render(indent: 2))
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// A section's assets as an indented table of id, title and the section's own columns; "none" when empty.
    private func listTable(_ ids: [String], headers: [TextTable.Column], _ cells: (AssetLine) -> [String]) -> String {
        let lines = ids.compactMap(line)
        guard !lines.isEmpty else { return "  none" }
        var table = TextTable([.init("ASSET"), .init("TITLE", maxWidth: 36)] + headers)
        for line in lines { table.add([line.id, line.title] + cells(line)) }
        return table.render(indent: 2)
    }
}
