import Foundation

/// What `showroom studio` was asked to do.
public struct StudioOptions: Sendable {
    /// The workspace whose sites are edited (the folder with `sites/`, `shared/`, `templates/`, `assets/`).
    public var workspace: URL
    /// The address the studio listens on; loopback by default, anything else requires a login.
    public var host: String
    /// The port the studio listens on.
    public var port: Int
    /// How long a login lasts before the browser must log in again (remote binds only).
    public var sessionLifetime: Duration
    /// The login token for remote binds; a random one is made (and printed) when nil.
    public var loginToken: String?
    /// A file whose first line is the password a login beyond loopback takes instead of a printed token (nil: the token).
    public var passwordFile: URL?
    /// One line per event worth telling the user about (started, saved, committed).
    public var log: @Sendable (String) -> Void
    /// The collector's store the asset library reads downloads from (`sqlite:PATH` relative to the workspace, or
    /// `postgres://…`), as `showroom assets report --database` takes it.
    public var database = "sqlite:.showroom/collector.sqlite"
    /// Stop gracefully on SIGINT (Ctrl-C) and SIGTERM; tests cancel the task instead.
    public var stopOnSignals = false

    /// The options of a studio for `workspace`; everything else has a default for working on one's own machine.
    public init(workspace: URL, host: String = "127.0.0.1", port: Int = 8070, sessionLifetime: Duration = .seconds(8 * 3600),
                loginToken: String? = nil, log: @escaping @Sendable (String) -> Void = { print($0) }) {
        self.workspace = workspace.standardizedFileURL
        self.host = host
        self.port = port
        self.sessionLifetime = sessionLifetime
        self.loginToken = loginToken
        self.log = log
    }

    /// Why a password file cannot be used, said so its user can fix it.
    public struct PasswordFileProblem: Error, CustomStringConvertible {
        /// What is wrong with the file and how to fix it, with the file's path and line.
        public var description: String
    }

    /// The password in `file`: its first line without the spaces around it, at least 12 characters long.
    static func password(in file: URL) throws(PasswordFileProblem) -> String {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else {
            throw PasswordFileProblem(description: "\(file.path): the password file cannot be read; fix: check the path after --password-file and that this user may read it")
        }
        let password = text.split(whereSeparator: \.isNewline).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard password.count >= 12 else {
            throw PasswordFileProblem(description: "\(file.path):1: the password must be at least 12 characters long, found \(password.count); fix: write a longer password on the file's first line")
        }
        return password
    }

    /// Where the studio keeps what it makes: its build output, the preview workspace, its settings.
    var folder: URL { workspace.appendingPathComponent(".showroom/studio") }
}
