import Foundation
import ShowroomCore

/// Who is using the studio: one session per browser, kept in a cookie, each with the CSRF token its forms and
/// scripts must send back. On loopback every browser gets a session on its first page; on any other address a
/// session exists only after a login with the token the studio printed when it started, and ends after
/// `lifetime`.
actor StudioSessions {
    /// A browser's session.
    struct Session: Sendable {
        /// The token every state-changing request of this browser carries (form field or header `X-Studio-CSRF`).
        var csrf: String
        /// When the session ends.
        var expires: ContinuousClock.Instant
    }

    /// The cookie that names the session.
    static let cookie = "studio-session"

    /// Whether a session needs a login first (every address but loopback).
    let needsLogin: Bool
    /// The token a login must give.
    let loginToken: String
    private let lifetime: Duration
    private var sessions: [String: Session] = [:]

    init(needsLogin: Bool, loginToken: String, lifetime: Duration) {
        self.needsLogin = needsLogin
        self.loginToken = loginToken
        self.lifetime = lifetime
    }

    /// The live session named by the `Cookie` header, if any.
    func session(cookieHeader: String?) -> (id: String, session: Session)? {
        guard let id = Self.cookieValue(Self.cookie, in: cookieHeader), let session = sessions[id] else { return nil }
        guard session.expires > .now else {
            sessions[id] = nil
            return nil
        }
        return (id, session)
    }

    /// A new session (after a login, or a browser's first page on loopback).
    func open() -> (id: String, session: Session) {
        let now = ContinuousClock.now
        sessions = sessions.filter { $0.value.expires > now }
        let id = Self.randomToken()
        let session = Session(csrf: Self.randomToken(), expires: now.advanced(by: lifetime))
        sessions[id] = session
        return (id, session)
    }

    /// Whether `token` is the login token, compared in constant time.
    func acceptsLogin(_ token: String) -> Bool { Self.sameSecret(token, loginToken) }

    /// Whether two secrets are equal, taking the same time wherever they differ.
    static func sameSecret(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8), right = Array(b.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }

    /// 32 random bytes as hex, from the system's random source.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }.joined()
    }

    /// The value of cookie `name` in a `Cookie` header.
    static func cookieValue(_ name: String, in header: String?) -> String? {
        guard let header else { return nil }
        for pair in header.split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, parts[0] == name { return parts[1] }
        }
        return nil
    }
}
