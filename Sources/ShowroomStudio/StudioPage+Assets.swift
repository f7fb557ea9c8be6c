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
        /// Which assets are shown, and the models the filter and the upload form offer.
        var filter = LibraryFilter(query: { _ in nil })
        var models: [ScaffoldForm.Choice] = []
        /// The model each asset shows, by id.
        var modelOf: [String: String] = [:]
        /// How many assets the library has, shown or not.
        var total = 0
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
                : "\(asset.pages) \(escaped(asset.pages == 1 ? strings.page : strings.pagesCounted)): \(escaped(asset.sites.joined(separator: ", ")))"
            let downloads = screen.storeProblem == nil ? "\(asset.downloads.total)" : "–"
            let perDownload = screen.storeProblem == nil ? asset.costPerDownload.map { String(format: "%.2f %@", $0, asset.currency) } ?? "–" : "–"
            return "<tr id=\"asset-\(escaped(asset.id))\"><td>\(picture)</td><th scope=\"row\"><code>\(escaped(asset.id))</code><br>\(escaped(asset.title))</th>"
                + "<td>\(escaped(asset.kind))</td><td>\(escaped(String(format: "%.0f", asset.cost))) \(escaped(asset.currency))</td>"
                + "<td>\(escaped(screen.modelOf[asset.id] ?? ""))</td><td>\(escaped(asset.licenceExpiry ?? "–"))</td>"
                + "<td>\(uses)</td><td>\(downloads)</td><td>\(escaped(perDownload))</td></tr>"
        }.joined(separator: "\n")
        func input(_ name: String, _ label: String, type: String = "text", required: Bool = true) -> String {
            "<p class=\"field\"><label for=\"a-\(name)\">\(escaped(label))</label><input id=\"a-\(name)\" name=\"\(name)\" type=\"\(type)\""
                + "\(required ? " required" : "") value=\"\(escaped(screen.entered[name] ?? ""))\"></p>"
        }
        let kindNames = ["photo", "brochure", "video", "logo", "other"]
        let kinds = kindNames.map { "<option\(screen.entered["kind"] == $0 ? " selected" : "")>\($0)</option>" }.joined()
        func options(_ choices: [ScaffoldForm.Choice], chosen: String?, none: String) -> String {
            "<option value=\"\">\(escaped(none))</option>" + choices.map { choice in
                "<option value=\"\(escaped(choice.id))\"\(chosen == choice.id ? " selected" : "")>\(escaped(choice.name))</option>"
            }.joined()
        }
        let filterKinds = options(kindNames.map { ScaffoldForm.Choice(id: $0, name: $0) }, chosen: screen.filter.kind, none: strings.allOfThem)
        let filterModels = options(screen.models, chosen: screen.filter.model, none: strings.allOfThem)
        let uploadModels = options(screen.models, chosen: screen.entered["model"], none: strings.noModel)
        func box(_ id: String, _ name: String, _ value: String, _ label: String, checked: Bool) -> String {
            "<span class=\"check\"><input type=\"checkbox\" id=\"\(id)\" name=\"\(name)\" value=\"\(value)\"\(checked ? " checked" : "")>"
                + " <label for=\"\(id)\">\(escaped(label))</label></span>"
        }
        let filters = """
            <form method="get" action="/_studio/assets" class="filters" role="search" aria-label="\(escaped(strings.filter))">
            <label for="q-kind">\(escaped(strings.kind))</label> <select id="q-kind" name="kind">\(filterKinds)</select>
            <label for="q-model">\(escaped(strings.model))</label> <select id="q-model" name="model">\(filterModels)</select>
            \(box("q-licence", "licence", "soon", strings.licenceEndingSoon, checked: screen.filter.licenceEndingSoon))
            \(box("q-unused", "unused", "1", strings.neverUsedOnly, checked: screen.filter.neverUsed))
            <button type="submit" id="filter">\(escaped(strings.filter))</button> <span role="status">\(screen.assets.count) / \(screen.total)</span></form>
            """
        let problems = screen.problems.isEmpty ? "" : "<ul class=\"problems\" role=\"status\">"
            + screen.problems.map { "<li class=\"error\">\(escaped($0))</li>" }.joined() + "</ul>"
        let message = screen.message.map { "<p role=\"status\" class=\"ok\">\(escaped($0))</p>" } ?? ""
        let store = screen.storeProblem.map { "<p class=\"warning\" role=\"status\">\(escaped(strings.storeUnreachable)): \(escaped($0))</p>" } ?? ""
        return render(title: strings.assetLibrary, content: """
            \(message)\(problems)
            <details\(screen.problems.isEmpty ? "" : " open")><summary>\(escaped(strings.addAsset))</summary>
            <form method="post" action="/_studio/assets/add" enctype="multipart/form-data">\(csrfField)
            <p class="field"><label for="a-file">\(escaped(strings.uploadFile))</label>
            <input id="a-file" name="file" type="file" required accept=".png,.jpg,.jpeg,.webp,.pdf,.mp4"></p>
            \(input("id", strings.assetID))\(input("title", strings.title))
            <p class="field"><label for="a-kind">\(escaped(strings.kind))</label><select id="a-kind" name="kind">\(kinds)</select></p>
            \(input("cost", strings.costDigits))\(input("currency", strings.currency))\(input("owner", strings.owner))
            \(input("licenceExpiry", strings.licenceEnds, type: "date"))
            \(input("altEn", strings.altEnglish, required: false))\(input("altZh", strings.altChinese, required: false))
            <p class="field"><label for="a-model">\(escaped(strings.model))</label><select id="a-model" name="model">\(uploadModels)</select></p>
            <p class="field"><label for="a-tags">\(escaped(strings.tags)) (\(escaped(strings.tagsHint)))</label><input id="a-tags" name="tags" value="\(escaped(screen.entered["tags"] ?? ""))"></p>
            <p class="field check">\(box("a-downloadable", "downloadable", "true", strings.downloadable, checked: screen.entered["downloadable"] == "true"))</p>
            <p><button type="submit" id="add-asset">\(escaped(strings.addAsset))</button></p></form></details>
            \(store)
            \(filters)
            <table class="library"><thead><tr><th scope="col"></th><th scope="col">\(escaped(strings.asset))</th><th scope="col">\(escaped(strings.kind))</th>
            <th scope="col">\(escaped(strings.cost))</th><th scope="col">\(escaped(strings.model))</th><th scope="col">\(escaped(strings.licenceEnds))</th>
            <th scope="col">\(escaped(strings.usedOn))</th><th scope="col">\(escaped(strings.downloads))</th>
            <th scope="col">\(escaped(strings.costPerDownload))</th></tr></thead><tbody>
            \(rows)
            </tbody></table>
            """)
    }
}
