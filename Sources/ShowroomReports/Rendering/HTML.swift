import Foundation
import ShowroomCore

/// The pieces every HTML report is made of: one self-contained page (inline CSS, inline SVG, a few lines of JS
/// to sort tables), nothing fetched from anywhere.
enum HTML {
    /// Text made safe for element content and attribute values.
    static func escape(_ text: String) -> String { HTMLEscaping.escape(text) }

    /// A whole page: `title` in the tab and the heading, `subtitle` under it, `body` below.
    static func page(title: String, subtitle: String, body: String) -> String {
        """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>\(style)</style>
        </head>
        <body>
        <header><h1>\(escape(title))</h1><p>\(escape(subtitle))</p></header>
        <main>
        \(body)
        </main>
        <script>\(sortScript)</script>
        </body>
        </html>

        """
    }

    /// Headline figures in a row of tiles.
    static func tiles(_ tiles: [(label: String, value: String, note: String)]) -> String {
        "<section class=\"tiles\">" + tiles.map { tile in
            "<div class=\"tile\"><div class=\"label\">\(escape(tile.label))</div><div class=\"value\">\(escape(tile.value))</div>"
                + "<div class=\"note\">\(escape(tile.note))</div></div>"
        }.joined() + "</section>"
    }

    static func card(_ title: String, note: String = "", wide: Bool = false, _ content: String) -> String {
        "<section class=\"card\(wide ? " wide" : "")\"><h2>\(escape(title))</h2>"
            + (note.isEmpty ? "" : "<p class=\"note\">\(escape(note))</p>") + content + "</section>"
    }

    /// A small picture for a table cell (`src` a `data:` or `file:` URL), or an empty cell's content without one.
    static func thumbnail(_ source: String?, alt: String) -> String {
        guard let source else { return "" }
        return "<img class=\"thumb\" src=\"\(escape(source))\" alt=\"\(escape(alt))\" loading=\"lazy\">"
    }

    /// A table whose columns sort on a click (numbers by `data-v`, text alphabetically).
    /// Each cell is (shown text, sort value or nil to sort by the text, numeric). With `pictures` (HTML from
    /// `thumbnail`, one per row), a first column shows them.
    static func sortableTable(headers: [(String, numeric: Bool)], rows: [[(text: String, sort: String?)]], pictures: [String]? = nil) -> String {
        var out = "<div class=\"scroll\"><table class=\"sortable\"><thead><tr>"
        if pictures != nil { out += "<th class=\"pic\"></th>" }
        for (header, numeric) in headers {
            out += "<th\(numeric ? " class=\"num\"" : "") tabindex=\"0\">\(escape(header))</th>"
        }
        out += "</tr></thead><tbody>"
        for (rowIndex, row) in rows.enumerated() {
            out += "<tr>"
            if let pictures { out += "<td class=\"pic\">\(pictures[rowIndex])</td>" }
            for (index, cell) in row.enumerated() {
                let numeric = headers[index].numeric
                let sort = cell.sort.map { " data-v=\"\(escape($0))\"" } ?? ""
                let kind = numeric ? " class=\"num\"" : cell.text.count > 30 ? " class=\"text\" title=\"\(escape(cell.text))\"" : ""
                out += "<td\(kind)\(sort)>\(escape(cell.text))</td>"
            }
            out += "</tr>"
        }
        return out + "</tbody></table></div>"
    }

    /// A plain list of rows, or a quiet "none"; with `pictures` (as for `sortableTable`) a first column shows them.
    static func simpleTable(headers: [(String, numeric: Bool)], rows: [[String]], pictures: [String]? = nil, empty: String = "None.") -> String {
        guard !rows.isEmpty else { return "<p class=\"empty\">\(escape(empty))</p>" }
        var out = "<table><thead><tr>" + (pictures != nil ? "<th class=\"pic\"></th>" : "")
        for (header, numeric) in headers { out += "<th\(numeric ? " class=\"num\"" : "")>\(escape(header))</th>" }
        out += "</tr></thead><tbody>"
        for (rowIndex, row) in rows.enumerated() {
            out += "<tr>" + (pictures.map { "<td class=\"pic\">\($0[rowIndex])</td>" } ?? "") + row.enumerated().map { index, cell in
                "<td\(headers[index].numeric ? " class=\"num\"" : "")>\(escape(cell))</td>"
            }.joined() + "</tr>"
        }
        return out + "</tbody></table>"
    }

    static let style = """
        :root{--ink:#1f2937;--muted:#6b7280;--line:#e5e7eb;--bg:#f6f7f9;--card:#fff;--link:#4f46e5;--log:#f59e0b;--warn:#dc2626;--good:#059669}
        *{box-sizing:border-box}
        body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--ink);background:var(--bg)}
        header{background:#111827;color:#fff;padding:22px 32px}
        header h1{margin:0;font-size:22px;font-weight:650;letter-spacing:-.01em}
        header p{margin:4px 0 0;color:#cbd5e1}
        main{padding:20px 32px 40px;display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:18px;max-width:1400px;align-items:start}
        .tiles{grid-column:1/-1;display:grid;grid-template-columns:repeat(auto-fit,minmax(180px,1fr));gap:14px}
        .tile{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:14px 16px}
        .tile .label{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.05em}
        .tile .value{font-size:24px;font-weight:650;margin-top:4px;font-variant-numeric:tabular-nums}
        .tile .note{color:var(--muted);font-size:12px}
        .card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:16px 18px;min-width:0}
        .card.wide{grid-column:1/-1}
        .card h2{margin:0 0 2px;font-size:15px;font-weight:650}
        .card p.note{margin:0 0 10px;color:var(--muted);font-size:12px}
        p.empty{color:var(--muted);margin:6px 0}
        h3.sub{font-size:12px;font-weight:600;color:var(--muted);text-transform:uppercase;letter-spacing:.05em;margin:14px 0 6px}
        .legend{display:flex;gap:14px;font-size:12px;color:var(--muted);margin:0 0 8px}
        .legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:5px;vertical-align:-1px}
        svg{display:block;width:100%;height:auto}
        svg.bars{max-width:680px}
        svg text{font:12px system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;fill:var(--ink)}
        svg text.muted{fill:var(--muted)}
        .scroll{overflow-x:auto}
        table{border-collapse:collapse;width:100%;font-size:13px;font-variant-numeric:tabular-nums}
        td.text{max-width:260px;overflow:hidden;text-overflow:ellipsis}
        th,td{padding:5px 7px;border-bottom:1px solid var(--line);text-align:left;white-space:nowrap}
        th{font-size:12px;color:var(--muted);font-weight:600;background:#fafafa;position:sticky;top:0}
        td.num,th.num{text-align:right}
        table.sortable th{cursor:pointer;user-select:none}
        table.sortable th:hover{color:var(--ink)}
        table.sortable th[aria-sort=ascending]::after{content:" ▲"}
        table.sortable th[aria-sort=descending]::after{content:" ▼"}
        tbody tr:hover{background:#f9fafb}
        .bad{color:var(--warn);font-weight:600}
        td.pic,th.pic{width:56px;padding:3px 6px}
        img.thumb{display:block;width:48px;height:36px;object-fit:cover;border-radius:4px;background:var(--line)}
        @media (max-width:900px){main{grid-template-columns:1fr;padding:16px}}
        """

    /// Sorts a table by the clicked column; a second click reverses. Numbers compare by `data-v`, empty last.
    static let sortScript = """
        document.querySelectorAll("table.sortable").forEach(function(t){var hs=t.tHead.rows[0].cells;
        Array.prototype.forEach.call(hs,function(h,i){function go(){var asc=h.getAttribute("aria-sort")!=="ascending";
        Array.prototype.forEach.call(hs,function(o){o.removeAttribute("aria-sort")});h.setAttribute("aria-sort",asc?"ascending":"descending");
        var num=h.classList.contains("num"),b=t.tBodies[0],rows=Array.prototype.slice.call(b.rows);
        rows.sort(function(x,y){var a=x.cells[i],c=y.cells[i],p=a.hasAttribute("data-v")?a.getAttribute("data-v"):a.textContent,
        q=c.hasAttribute("data-v")?c.getAttribute("data-v"):c.textContent;if(num){if(p==="")return 1;if(q==="")return -1;
        return asc?p-q:q-p}return asc?p.localeCompare(q):q.localeCompare(p)});rows.forEach(function(r){b.appendChild(r)})}
        h.addEventListener("click",go);h.addEventListener("keydown",function(e){if(e.key==="Enter")go()})})});
        """
}
