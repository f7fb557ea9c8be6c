import Foundation

/// The git repository the workspace lives in, as the publishing screen needs it: which files changed, how,
/// a commit of them with the user's message and name, and a push of the commits (never a forced one). Runs
/// Debian's `git`.
struct Repository: Sendable {
    /// The workspace folder; git finds the repository from there.
    let workspace: URL

    /// The parts of the workspace a commit from the studio takes: content, data, templates, assets, settings.
    static let publishedPaths = ["showroom.yaml", "sites", "shared", "templates", "assets"]

    /// A changed file: its path relative to the workspace and what happened to it.
    struct Change: Sendable, Equatable {
        enum Kind: String, Sendable { case added, changed, removed }
        var path: String
        var kind: Kind
    }

    /// What went wrong running git, in the words the publishing screen shows.
    struct Failure: Error, Sendable, CustomStringConvertible {
        var description: String
    }

    /// The files that differ from the last commit, new files included, sorted by path.
    func changes() throws(Failure) -> [Change] {
        let output = try git(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames", "--"] + existingPublishedPaths())
        // Porcelain paths are relative to the repository's top, which may be above the workspace.
        let prefix = try git(["rev-parse", "--show-prefix"]).trimmingCharacters(in: .whitespacesAndNewlines)
        var changes: [Change] = []
        for record in output.split(separator: "\0") where record.count > 3 {
            let status = record.prefix(2)
            let path = String(record.dropFirst(3).dropFirst(prefix.count))
            let kind: Change.Kind = status.contains("?") || status.contains("A") ? .added : status.contains("D") ? .removed : .changed
            changes.append(Change(path: path, kind: kind))
        }
        return changes.sorted { $0.path < $1.path }
    }

    /// The unified diff of the changes to tracked files (new files are listed by `changes` with their whole text).
    func diff() throws(Failure) -> String {
        try git(["diff", "--no-color", "--no-ext-diff", "HEAD", "--"] + existingPublishedPaths())
    }

    /// Commits every change under the published paths with `message`, as `name` <`email`> (author and committer);
    /// returns the new commit's hash. Refuses an empty message, a missing name or e-mail, and a commit of nothing.
    func commit(message: String, name: String, email: String) throws(Failure) -> String {
        let message = message.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !message.isEmpty else { throw Failure(description: "write a message that says what changed and why") }
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty, email.contains("@") else {
            throw Failure(description: "fill in your name and e-mail address in the settings; git records them with the commit")
        }
        guard try !changes().isEmpty else { throw Failure(description: "there is nothing to save: no file changed since the last commit") }
        let paths = existingPublishedPaths()
        _ = try git(["add", "--all", "--"] + paths)
        _ = try git(["-c", "user.name=\(name)", "-c", "user.email=\(email)", "commit", "--quiet", "--no-verify", "-m", message, "--"] + paths)
        return try git(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Where a push goes: the current branch's upstream remote, else `origin`, else the only remote; nil when the
    /// repository has no remote (then the studio offers no push).
    func remote() -> String? {
        guard let remotes = try? git(["remote"]).split(separator: "\n").map(String.init), !remotes.isEmpty else { return nil }
        if let branch = try? currentBranch(), let upstream = try? git(["config", "--get", "branch.\(branch).remote"])
            .trimmingCharacters(in: .whitespacesAndNewlines), remotes.contains(upstream) { return upstream }
        if remotes.contains("origin") { return "origin" }
        return remotes.count == 1 ? remotes[0] : nil
    }

    /// Pushes the current branch to the same branch of `remote()`, as a fast-forward only (no `--force` of any
    /// kind): when the remote has commits this repository has not, git refuses, and its message says so; the
    /// local commits stay as they are. Returns where it pushed (`origin main`).
    func push() throws(Failure) -> String {
        guard let remote = remote() else {
            throw Failure(description: "this repository has no remote to push to; ask a developer to add one (`git remote add origin …`)")
        }
        let branch = try currentBranch()
        _ = try git(["push", "--porcelain", remote, "HEAD:refs/heads/\(branch)"])
        return "\(remote) \(branch)"
    }

    /// The branch being worked on; a detached HEAD is refused, since a push would not know where to go.
    private func currentBranch() throws(Failure) -> String {
        do {
            return try git(["symbolic-ref", "--short", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
        } catch {
            throw Failure(description: "the repository is not on a branch (a detached HEAD), so there is nowhere to push; ask a developer to check out a branch")
        }
    }

    /// The published paths that exist (git refuses a path that matches nothing; files deleted inside them still count).
    private func existingPublishedPaths() -> [String] {
        Self.publishedPaths.filter { FileManager.default.fileExists(atPath: workspace.appendingPathComponent($0).path) }
    }

    /// Runs git in the workspace with `arguments` (no shell, no pager, no prompts) and returns what it printed.
    private func git(_ arguments: [String]) throws(Failure) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = ["-C", workspace.path] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["GIT_PAGER"] = "cat"
        environment["LC_ALL"] = "C"
        // A push over SSH must fail with a message rather than wait for a password or a host key nobody types.
        if environment["GIT_SSH_COMMAND"] == nil { environment["GIT_SSH_COMMAND"] = "ssh -o BatchMode=yes" }
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw Failure(description: "git could not be started (\(error.localizedDescription)); install it with `apt-get install git`")
        }
        // Read before waiting: a diff bigger than the pipe's buffer would otherwise block git forever.
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let complaint = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let said = String(decoding: complaint, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw Failure(description: "git \(arguments.first(where: { !$0.hasPrefix("-") && !$0.contains("=") }) ?? "") failed: \(said)")
        }
        return String(decoding: printed, as: UTF8.self)
    }
}
