import Foundation

extension StudioPage {
    /// What the editor shows beside the form.
    struct EditorState: Sendable {
        var site: String
        var file: String
        /// The text the form shows (the file as opened, or as the user last sent it).
        var text: String
        /// The SHA-256 of the file as opened: the save is refused when the file on disk no longer has it.
        var version: String
        var problems: [EditorProblem] = []
        /// A line at the top: saved, or why not.
        var message: String?
        /// The library's photos for the pickers and the site's shortcodes for the palette.
        var aids = EditorAids()
    }

    /// The page editor: the front matter as fields, the Markdown in a text area, the live preview beside them.
    /// Files that are not pages (or whose front matter the form cannot keep exactly) are edited whole.
    func editor(_ state: EditorState) -> String {
        let document = state.file.hasSuffix(".md") ? PageDocument.parse(state.text) : nil
        var fields = ""
        if let document {
            let title = document.entry("title")?.value ?? ""
            let problems = state.problems
            fields += input("title", label: strings.title, value: title, problems: problems)
            fields += input("description", label: strings.description, value: document.entry("description")?.value ?? "", problems: problems)
            fields += input("date", label: strings.date, value: document.entry("date")?.value ?? "", problems: problems, dates: true)
            let draft = document.entry("draft")?.value == "true"
            fields += """
                <p class="field check"><input type="checkbox" id="f-draft" name="draft" value="true"\(draft ? " checked" : "")>
                <label for="f-draft">\(escaped(strings.draft))</label></p>\(problemList("draft", state.problems))
                """
            var offered: Set<String> = []
            for key in PageDocument.offeredKeys {
                let entry = document.entry(key)
                guard entry == nil || entry?.list != nil || entry?.value != nil else { continue }
                offered.insert(key)
                fields += offeredField(key, entry: entry, state: state)
            }
            for entry in document.entries {
                guard let key = entry.key, let name = entry.fieldName, !PageDocument.mainKeys.contains(key), !offered.contains(key) else { continue }
                if let value = entry.value {
                    fields += input(name, label: key, value: value, problems: problems)
                } else {
                    fields += textArea(name, label: "\(key) (\(strings.moreFrontMatter))", value: entry.text, rows: max(2, entry.lineCount),
                                       problems: problems)
                }
            }
            fields += textArea("body", label: strings.body, value: document.body, rows: 12, problems: state.problems)
            fields += palette(state.aids.shortcodes)
        } else {
            fields += textArea("text", label: strings.wholeFile, value: state.text, rows: 24, problems: state.problems)
        }
        let others = problemList("other", state.problems)
        let message = state.message.map { "<p class=\"message\" role=\"status\">\(escaped($0))</p>" } ?? ""
        let blocked = state.problems.contains(where: \.blocking)
        return render(title: "\(strings.edit): \(state.file)", content: """
            \(message)
            <form id="editor" class="editor" method="post" action="/_studio/save" data-line="\(escaped(strings.line))">
            \(csrfField)
            <input type="hidden" name="site" value="\(escaped(state.site))">
            <input type="hidden" name="file" value="\(escaped(state.file))">
            <input type="hidden" name="version" value="\(escaped(state.version))">
            <div class="fields">
            \(fields)
            <p><button type="submit" id="save"\(blocked ? " disabled" : "")>\(escaped(strings.save))</button></p>
            </div>
            <section class="preview" aria-labelledby="preview-heading">
            <h2 id="preview-heading">\(escaped(strings.preview))</h2>
            <p id="preview-status" role="status" data-updating="\(escaped(strings.previewUpdating))" \
            data-failed="\(escaped(strings.previewFailed))"></p>
            \(others)
            <iframe id="frame" title="\(escaped(strings.preview))" src="about:blank"></iframe>
            </section>
            </form>
            """)
    }

    /// A one-line field; with `dates`, a date picker when the value is a day or empty (a time of day stays text,
    /// which a date picker would lose).
    private func input(_ name: String, label: String, value: String, problems: [EditorProblem], dates: Bool = false, hint: String? = nil) -> String {
        let id = "f-" + name
        let type = dates && (value.isEmpty || value.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) != nil) ? " type=\"date\"" : ""
        let hintNote = hint.map { " <small id=\"hint-\(escaped(name))\">\(escaped($0))</small>" } ?? ""
        let described = "problems-\(escaped(name))" + (hint == nil ? "" : " hint-\(escaped(name))")
        return """
            <p class="field"><label for="\(escaped(id))">\(escaped(label))</label>
            <input id="\(escaped(id))" name="\(escaped(name))"\(type) value="\(escaped(value))" aria-describedby="\(described)">\(hintNote)</p>
            """ + problemList(name, problems)
    }

    /// A field the form offers on every page (see `PageDocument.offeredKeys`): the dates with a date picker, the
    /// hero with a picker of one library photo, the gallery with a picker of several, the tags as one line.
    private func offeredField(_ key: String, entry: PageDocument.Entry?, state: EditorState) -> String {
        let list = entry?.list
        let name = entry?.fieldName ?? (PageDocument.listKeys.contains(key) ? "list.\(key)" : "field.\(key)")
        let value = list?.joined(separator: ", ") ?? entry?.value ?? ""
        switch key {
        case "publishDate": return input(name, label: strings.publishDate, value: value, problems: state.problems, dates: true)
        case "expiryDate": return input(name, label: strings.expiryDate, value: value, problems: state.problems, dates: true)
        case "hero":
            return input(name, label: key, value: value, problems: state.problems)
                + picker(for: name, chosen: [value], photos: state.aids.photos, several: false)
        case "gallery":
            return input(name, label: key, value: value, problems: state.problems, hint: strings.tagsHint)
                + picker(for: name, chosen: list ?? [value], photos: state.aids.photos, several: list != nil || entry == nil)
        default: return input(name, label: strings.tags, value: value, problems: state.problems, hint: strings.tagsHint)
        }
    }

    /// The library's photos with their thumbnails, to choose one (radio buttons) or several (check boxes) for the field
    /// `name`; the script writes the choice into the field. Closed until opened, so no picture loads before.
    private func picker(for name: String, chosen: [String], photos: [EditorAids.Photo], several: Bool) -> String {
        guard !photos.isEmpty else { return "" }
        let type = several ? "checkbox" : "radio"
        // The chosen photos first, so the picker opens on them.
        let ordered = photos.filter { chosen.contains("asset:\($0.id)") } + photos.filter { !chosen.contains("asset:\($0.id)") }
        var items = ordered.enumerated().map { index, photo in
            let value = "asset:\(photo.id)"
            let id = "pick-\(name)-\(index)"
            return "<li><input type=\"\(type)\" name=\"pick.\(escaped(name))\" id=\"\(escaped(id))\" value=\"\(escaped(value))\""
                + "\(chosen.contains(value) ? " checked" : "")><label for=\"\(escaped(id))\">"
                + "<img src=\"\(escaped(Self.link("/_studio/assets/file", [("id", photo.id)])))\" alt=\"\" width=\"96\" height=\"64\" loading=\"lazy\">"
                + "<code>\(escaped(photo.id))</code> <small>\(escaped(photo.title))</small></label></li>"
        }
        if !several {
            items.insert("<li><input type=\"radio\" name=\"pick.\(escaped(name))\" id=\"pick-\(escaped(name))-none\" value=\"\""
                         + "\(chosen.allSatisfy(\.isEmpty) ? " checked" : "")><label for=\"pick-\(escaped(name))-none\">\(escaped(strings.noAsset))</label></li>", at: 0)
        }
        return """
            <details class="picker" data-target="f-\(escaped(name))" data-several="\(several)"><summary>\(escaped(strings.chooseAsset))</summary>
            <ul>\(items.joined())</ul></details>
            """
    }

    /// The site's shortcodes beside the Markdown: each button inserts its tag, with its arguments to fill in, at the
    /// cursor in the text.
    private func palette(_ shortcodes: [EditorAids.Shortcode]) -> String {
        guard !shortcodes.isEmpty else { return "" }
        let items = shortcodes.map { shortcode in
            "<li><button type=\"button\" data-insert=\"\(escaped(shortcode.snippet))\">\(escaped(shortcode.name))</button>"
                + (shortcode.declared.map { " <code>\(escaped($0.joined(separator: " ")))</code>" } ?? "") + "</li>"
        }.joined()
        return """
            <details class="palette" id="palette"><summary>\(escaped(strings.shortcodes))</summary>
            <p><small>\(escaped(strings.shortcodesHint))</small></p><ul>\(items)</ul></details>
            """
    }

    private func textArea(_ name: String, label: String, value: String, rows: Int, problems: [EditorProblem] = []) -> String {
        let id = "f-" + name
        // A text area drops one leading line break, so a value that starts with one gets another in front.
        let text = value.hasPrefix("\n") || value.hasPrefix("\r\n") ? "\n" + value : value
        return """
            <p class="field"><label for="\(escaped(id))">\(escaped(label))</label>
            <textarea id="\(escaped(id))" name="\(escaped(name))" rows="\(rows)" spellcheck="true" \
            aria-describedby="problems-\(escaped(name))">\(escaped(text))</textarea></p>
            """ + problemList(name, problems)
    }

    /// The list of problems under field `name` (filled by the script on every preview, and by the server after
    /// a refused save).
    private func problemList(_ name: String, _ problems: [EditorProblem]) -> String {
        let items = problems.filter { $0.field == name }.map { problem in
            "<li class=\"\(escaped(problem.severity))\">" + (problem.place.isEmpty ? "" : "<code>\(escaped(problem.place))</code> ")
                + (problem.line.map { "\(escaped(strings.line)) \($0): " } ?? "") + "\(escaped(problem.severity)): \(escaped(problem.message))"
                + (problem.fix.map { "<br><span class=\"fix\">fix: \(escaped($0))</span>" } ?? "") + "</li>"
        }.joined()
        return "<ul class=\"problems\" id=\"problems-\(escaped(name))\">\(items)</ul>"
    }
}
