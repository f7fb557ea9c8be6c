import Foundation
import ShowroomCore

extension StudioPage {
    /// `/_studio/data`: the shared data files, each a link to its tables.
    func dataFiles(_ files: [String]) -> String {
        let items = files.map { file in
            "<li><a href=\"\(escaped(Self.link("/_studio/data/edit", [("file", file)])))\">\(escaped(file))</a></li>"
        }.joined()
        return render(title: strings.sharedData, content: "<p>\(escaped(strings.dataExplanation))</p><ul>\(items)</ul>")
    }

    /// What the table screen shows besides the tables.
    struct DataScreen: Sendable {
        var file: String
        var table: DataTable
        /// The version of the file the tables were read from.
        var version: String
        /// The values as the user left them, by field (after a refused save or a preview).
        var entered: [String: String] = [:]
        var problems: [DataTable.CellProblem] = []
        /// Other problems: the build's errors, a value the studio could not write.
        var failures: [String] = []
        var message: String?
        /// Where the change shows, once previewed or saved.
        var reach: Reach?

        /// The pages a change reaches, and a preview frame for one page of each site.
        struct Reach: Sendable {
            var pages: [String: [String]]
            var frames: [String: (path: String, frame: String)]
        }
    }

    /// `/_studio/data/edit?file=…`: the file's tables, each value a field of its own, with the refused values
    /// marked at their cells and, after a preview, the sites and pages the change reaches.
    func data(_ screen: DataScreen) -> String {
        let problems = Dictionary(screen.problems.map { ($0.field, $0) }, uniquingKeysWith: { first, _ in first })
        let tables = screen.table.tables.enumerated().map { number, table in
            let head = table.columns.map { "<th scope=\"col\">\(escaped($0))</th>" }.joined()
            let rows = table.rows.enumerated().map { index, row in
                let cells = table.columns.map { column -> String in
                    guard let cell = row.cells[column] else { return "<td></td>" }
                    return "<td>" + field(cell, row: row.label, entered: screen.entered[cell.field], problem: problems[cell.field]) + "</td>"
                }.joined()
                let remove = row.item == nil || table.rows.count < 2 ? "" : "<button type=\"submit\" formaction=\"/_studio/data/rows\" name=\"remove\" "
                    + "value=\"\(number).\(index)\" aria-label=\"\(escaped("\(strings.removeRow): \(row.label)"))\">\(escaped(strings.removeRow))</button>"
                return "<tr><th scope=\"row\">\(escaped(row.label)) \(remove)</th>\(cells)</tr>"
            }.joined(separator: "\n")
            let add = table.rows.last?.item == nil ? "" : "<p><button type=\"submit\" formaction=\"/_studio/data/rows\" name=\"add\" "
                + "value=\"\(number)\" id=\"add-\(number)\">\(escaped(strings.addRow)): \(escaped(table.title))</button></p>"
            return """
                <table class="data" id="table-\(number)"><caption>\(escaped(table.title))</caption>
                <thead><tr><th scope="col"></th>\(head)</tr></thead><tbody>
                \(rows)
                </tbody></table>\(add)
                """
        }.joined(separator: "\n")
        let summary = (screen.problems.map { "<li class=\"error\"><code>\(escaped($0.place))</code> error: \(escaped($0.message))"
            + "<br><span class=\"fix\">fix: \(escaped($0.fix))</span></li>" } + screen.failures.map { "<li class=\"error\">\(escaped($0))</li>" })
            .joined()
        let message = screen.message.map { "<p role=\"status\" class=\"\(screen.problems.isEmpty && screen.failures.isEmpty ? "ok" : "error")\">\(escaped($0))</p>" } ?? ""
        return render(title: "\(strings.sharedData): \(screen.file)", content: """
            \(message)\(summary.isEmpty ? "" : "<ul class=\"problems\" role=\"status\">\(summary)</ul>")
            \(screen.reach.map(reach) ?? "")
            <form method="post" action="/_studio/data/save" class="data-form" id="data-form" data-integer="\(escaped(strings.mustBeInteger))" \
            data-number="\(escaped(strings.mustBeNumber))" data-boolean="\(escaped(strings.mustBeBoolean))" data-date="\(escaped(strings.mustBeDate))">\(csrfField)
            <input type="hidden" name="file" value="\(escaped(screen.file))">
            <input type="hidden" name="version" value="\(escaped(screen.version))">
            <p><button type="submit" formaction="/_studio/data/preview">\(escaped(strings.showReach))</button>
            <button type="submit" id="save">\(escaped(strings.save))</button></p>
            <div class="tables">\(tables)</div>
            </form>
            """)
    }

    /// One value as a field: labelled by its row and column, a number keyboard for numbers, the problem under it.
    private func field(_ cell: DataTable.Cell, row: String, entered: String?, problem: DataTable.CellProblem?) -> String {
        let id = "c-\(cell.line)-\(cell.column)"
        let value = entered ?? cell.value
        guard cell.span != nil else { return "<span title=\"\(escaped("\(cell.key), \(row)"))\">\(escaped(cell.value))</span>" }
        let mode = cell.kind == .integer ? " inputmode=\"numeric\"" : cell.kind == .number ? " inputmode=\"decimal\"" : ""
        let invalid = problem == nil ? "" : " aria-invalid=\"true\" aria-describedby=\"\(id)-problem\""
        let note = problem.map { "<span class=\"error\" id=\"\(id)-problem\">\(escaped($0.message)); fix: \(escaped($0.fix))</span>" } ?? ""
        return "<input id=\"\(id)\" name=\"\(escaped(cell.field))\" value=\"\(escaped(value))\" data-kind=\"\(cell.kind.rawValue)\""
            + " aria-label=\"\(escaped("\(cell.key), \(row)"))\"\(mode)\(invalid)>\(note)"
    }

    /// The sites and pages a change shows on, each site with a preview of one of its changed pages.
    private func reach(_ reach: DataScreen.Reach) -> String {
        guard !reach.pages.isEmpty else { return "<section class=\"reach\"><p>\(escaped(strings.reachesNothing))</p></section>" }
        let sites = reach.pages.keys.sorted().map { site -> String in
            let pages = reach.pages[site] ?? []
            let shown = pages.prefix(12).map { "<li><code>/\(escaped($0.replacingOccurrences(of: "index.html", with: "")))</code></li>" }.joined()
            let more = pages.count > 12 ? "<li>… \(pages.count - 12) more</li>" : ""
            let frame = reach.frames[site].map { " <a href=\"\(escaped($0.frame))\" target=\"data-preview\">\(escaped(strings.preview))</a>" } ?? ""
            return "<li><strong>\(escaped(site))</strong>: \(pages.count) \(escaped(pages.count == 1 ? strings.page : strings.pagesCounted))\(frame)<ul>\(shown)\(more)</ul></li>"
        }.joined()
        let first = reach.pages.keys.sorted().lazy.compactMap { reach.frames[$0] }.first
        let frame = first.map { "<iframe name=\"data-preview\" id=\"data-preview\" title=\"\(escaped(strings.preview))\" src=\"\(escaped($0.frame))\"></iframe>" } ?? ""
        return "<section class=\"reach\"><h2>\(escaped(strings.reaches))</h2><ul id=\"reach\">\(sites)</ul>\(frame)</section>"
    }
}
