extension LogIngestion.Summary {
    /// What the command prints: the downloads stored, then every kind of line that was not one.
    public var text: String {
        var out = [
            "Read \(Figures.count(lines)) line\(lines == 1 ? "" : "s"): \(Figures.count(downloadLines)) download request\(downloadLines == 1 ? "" : "s") "
                + "= \(Figures.count(downloads)) download\(downloads == 1 ? "" : "s") (ranged parts and repeats merged)",
            "Stored \(Figures.count(stored)) new download\(stored == 1 ? "" : "s"); \(Figures.count(alreadyStored)) already stored by an earlier ingestion",
        ]
        let skips = LogIngestion.Skip.allCases.compactMap { reason in skipped[reason].map { (reason, $0) } }
        if !skips.isEmpty {
            out.append("Not counted:")
            var table = TextTable([.init("", .right), .init("")])
            for (reason, count) in skips { table.add([Figures.count(count), reason.rawValue]) }
            out.append(table.render(indent: 2).split(separator: "\n").dropFirst().joined(separator: "\n"))
        }
        if malformed > 0 {
            let more = malformed > malformedExamples.count ? ", …" : ""
            out.append("Malformed: \(Figures.count(malformed)) line\(malformed == 1 ? "" : "s") in neither the combined nor the vhost combined format "
                       + "(\(malformedExamples.joined(separator: ", "))\(more)); skipped")
        }
        return out.joined(separator: "\n") + "\n"
    }
}
