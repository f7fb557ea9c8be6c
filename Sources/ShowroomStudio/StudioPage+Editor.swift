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
            fields += input("date", label: strings.date, value: document.entry("date")?.value ?? "", problems: problems)
            let draft = document.entry("draft")?.value == "true"
            fields += """
                <p class="field check"><input type="checkbox" id="f-draft" name="draft" value="true"\(draft ? " checked" : "")>
                <label for="f-draft">\(escaped(strings.draft))</label></p>\(problemList("draft", state.problems))
                """
            for entry in document.entries {
                guard let key = entry.key, let name = entry.fieldName, !PageDocument.mainKeys.contains(key) else { continue }
                if let value = entry.value {
                    fields += input(name, label: key, value: value, problems: problems)
                } else {
                    fields += textArea(name, label: "\(key) (\(strings.moreFrontMatter))", value: entry.text, rows: max(2, entry.lineCount),
                                       problems: problems)
                }
            }
            fields += textArea("body", label: strings.body, value: document.body, rows: 12, problems: state.problems)
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

    private func input(_ name: String, label: String, value: String, problems: [EditorProblem]) -> String {
        let id = "f-" + name
        return """
            <p class="field"><label for="\(escaped(id))">\(escaped(label))</label>
            <input id="\(escaped(id))" name="\(escaped(name))" value="\(escaped(value))" aria-describedby="problems-\(escaped(name))"></p>
            """ + problemList(name, problems)
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
