import Foundation
import ShowroomReports

extension StudioPage {
    /// What the asset library screen shows.
    struct LibraryScreen: Sendable {
        /// Every asset, as the asset report lines them up (uses from the studio's last build, downloads from the store).
        var assets: [AssetLine]
        /// The ids no page uses.
        var neverUsed: Set<String>
        /// Why downloads are not shown, when the store could not be reached.
        var storeProblem: String?
        /// The upload form's values and its refusal, after a refused upload.
        var entered: [String: String] = [:]
        var problems: [String] = []
        var message: String?
    }

    /// `/_studio/assets`: the upload form, then every asset with its thumbnail, kind, uses and downloads.
    func library(_ screen: LibraryScreen) -> String {
        let rows = screen.assets.map { asset -> String in
            let picture = ["photo", "logo"].contains(asset.kind)
                ? "<img src=\"\(escaped(Self.link("/_studio/assets/file", [("id", asset.id)])))\" alt=\"\" width=\"96\" loading=\"lazy\">" : ""
            let uses = screen.neverUsed.contains(asset.id) ? "<span class=\"warning\">\(escaped(strings.neverUsed))</span>"
                : "\(asset.pages) \(escaped(strings.pages.lowercased())): \(escaped(asset.sites.joined(separator: ", ")))"
            let downloads = screen.storeProblem == nil ? "\(asset.downloads.total)" : "–"
            let perDownload = screen.storeProblem == nil ? asset.costPerDownload.map { String(format: "%.2f %@", $0, asset.currency) } ?? "–" : "–"
            return "<tr id=\"asset-\(escaped(asset.id))\"><td>\(picture)</td><th scope=\"row\"><code>\(escaped(asset.id))</code><br>\(escaped(asset.title))</th>"
                + "<td>\(escaped(asset.kind))</td><td>\(escaped(String(format: "%.0f", asset.cost))) \(escaped(asset.currency))</td>"
                + "<td>\(uses)</td><td>\(downloads)</td><td>\(escaped(perDownload))</td></tr>"
        }.joined(separator: "\n")
        func input(_ name: String, _ label: String, type: String = "text", required: Bool = true) -> String {
            "<p class=\"field\"><label for=\"a-\(name)\">\(escaped(label))</label><input id=\"a-\(name)\" name=\"\(name)\" type=\"\(type)\""
                + "\(required ? " required" : "") value=\"\(escaped(screen.entered[name] ?? ""))\"></p>"
        }
        let kinds = ["photo", "brochure", "video", "logo", "other"].map {
            "<option\(screen.entered["kind"] == $0 ? " selected" : "")>\($0)</option>"
        }.joined()
        let problems = screen.problems.isEmpty ? "" : "<ul class=\"problems\" role=\"status\">"
            + screen.problems.map { "<li class=\"error\">\(escaped($0))</li>" }.joined() + "</ul>"
        let message = screen.message.map { "<p role=\"status\" class=\"ok\">\(escaped($0))</p>" } ?? ""
        let store = screen.storeProblem.map { "<p class=\"warning\" role=\"status\">\(escaped(strings.storeUnreachable)): \(escaped($0))</p>" } ?? ""
        return render(title: strings.assetLibrary, content: """
            \(message)\(problems)
            <details\(screen.problems.isEmpty ? "" : " open")><summary>\(escaped(strings.addAsset))</summary>
            <form method="post" action="/_studio/assets/add" enctype="multipart/form-data">\(csrfField)
            <p class="field"><label for="a-file">File (PNG, JPEG, WebP, PDF or MP4, up to 50 MB)</label>
            <input id="a-file" name="file" type="file" required accept=".png,.jpg,.jpeg,.webp,.pdf,.mp4"></p>
            \(input("id", "Id (pages use it as asset:<id>)"))\(input("title", strings.title))
            <p class="field"><label for="a-kind">\(escaped(strings.kind))</label><select id="a-kind" name="kind">\(kinds)</select></p>
            \(input("cost", "Cost (digits only)"))\(input("currency", "Currency (CNY)"))\(input("owner", "Owner"))
            \(input("licenceExpiry", "Licence ends (YYYY-MM-DD)", type: "date"))
            \(input("altEn", "Alt text, English", required: false))\(input("altZh", "Alt text, Chinese", required: false))
            <p><button type="submit" id="add-asset">\(escaped(strings.addAsset))</button></p></form></details>
            \(store)
            <table class="library"><thead><tr><th scope="col"></th><th scope="col">Asset</th><th scope="col">\(escaped(strings.kind))</th>
            <th scope="col">Cost</th><th scope="col">\(escaped(strings.usedOn))</th><th scope="col">\(escaped(strings.downloads))</th>
            <th scope="col">\(escaped(strings.costPerDownload))</th></tr></thead><tbody>
            \(rows)
            </tbody></table>
            """)
    }
}
