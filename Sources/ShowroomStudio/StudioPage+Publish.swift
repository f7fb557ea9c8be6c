import Foundation

extension StudioPage {
    /// The publishing screen: the changed files, their diff line by line, and the commit form.
    /// `remote` is where "Push" sends the commits, when the repository has one.
    func publish(changes: [Repository.Change], diff: String, settings: StudioSettings, message: String?, failure: String?,
                 remote: String? = nil) -> String {
        let notice = message.map { "<p class=\"message\" role=\"status\">\(escaped($0))</p>" } ?? ""
        let refusal = failure.map { "<p class=\"error\" role=\"alert\">\(escaped($0))</p>" } ?? ""
        let push = remote.map { remote in
            "<form method=\"post\" action=\"/_studio/push\" class=\"push\">\(csrfField)<p>\(escaped(strings.pushExplanation)) <code>\(escaped(remote))</code> "
                + "<button type=\"submit\" id=\"push\">\(escaped(strings.push))</button></p></form>"
        } ?? ""
        guard !changes.isEmpty else { return render(title: strings.publish, content: notice + refusal + "<p>\(escaped(strings.noChanges))</p>" + push) }
        let list = changes.map { "<li><code>\(escaped($0.path))</code> <small>\($0.kind.rawValue)</small></li>" }.joined()
        let lines = diff.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let kind = line.hasPrefix("+++") || line.hasPrefix("---") || line.hasPrefix("diff ") || line.hasPrefix("index ") ? "file"
                : line.hasPrefix("+") ? "added" : line.hasPrefix("-") ? "removed" : line.hasPrefix("@@") ? "hunk" : "same"
            // Each line is a block of its own (for its background), so no line break goes between them.
            return "<span class=\"\(kind)\">\(line.isEmpty ? " " : escaped(String(line)))</span>"
        }.joined()
        return render(title: strings.publish, content: """
            \(notice)\(refusal)
            <h2>\(escaped(strings.changedFiles))</h2><ul id="changes">\(list)</ul>
            <pre class="diff" aria-label="diff">\(lines)</pre>
            <form method="post" action="/_studio/commit" class="commit">\(csrfField)
            <p class="field"><label for="c-message">\(escaped(strings.commitMessage))</label>
            <textarea id="c-message" name="message" rows="3" required></textarea></p>
            <p class="field"><label for="c-name">\(escaped(strings.yourName))</label>
            <input id="c-name" name="name" value="\(escaped(settings.name))" required autocomplete="name"></p>
            <p class="field"><label for="c-email">\(escaped(strings.yourEmail))</label>
            <input id="c-email" name="email" type="email" value="\(escaped(settings.email))" required autocomplete="email"></p>
            <p><button type="submit">\(escaped(strings.saveToRepository))</button></p></form>
            \(push)
            """)
    }

    /// A save refused because the file changed on disk since it was opened: both versions, nothing lost.
    func conflict(site: String, file: String, onDisk: String, yours: String) -> String {
        render(title: strings.conflictTitle, content: """
            <p role="alert">\(escaped(strings.conflictExplanation))</p>
            <p><a href="\(escaped(Self.link("/_studio/edit", [("site", site), ("file", file)])))">\(escaped(file))</a></p>
            <div class="versions">
            <p class="field"><label for="v-disk">\(escaped(strings.onDisk))</label>
            <textarea id="v-disk" readonly rows="24">\(escaped(onDisk))</textarea></p>
            <p class="field"><label for="v-yours">\(escaped(strings.yours))</label>
            <textarea id="v-yours" readonly rows="24">\(escaped(yours))</textarea></p>
            </div>
            """)
    }

    /// The login form, for a studio reachable beyond this machine.
    func login(refused: Bool) -> String {
        render(title: strings.login, content: """
            \(refused ? "<p class=\"error\" role=\"alert\">\(escaped(strings.loginRefused))</p>" : "")
            <p>\(escaped(strings.loginExplanation))</p>
            <form method="post" action="/_studio/login"><p class="field"><label for="l-token">\(escaped(strings.loginPassword))</label>
            <input id="l-token" name="token" type="password" required autocomplete="current-password"></p>
            <p><button type="submit">\(escaped(strings.login))</button></p></form>
            """)
    }

    /// A refusal of a request (403, 404, …), with what to do.
    func refusal(title: String, explanation: String) -> String {
        render(title: title, content: "<p role=\"alert\">\(escaped(explanation))</p><p><a href=\"/_studio/\">\(escaped(strings.fleet))</a></p>")
    }
}
