import Foundation
import ShowroomTestSupport

/// A small client for the W3C WebDriver protocol, spoken by Debian's `chromedriver`: just what a person does
/// with a form — open a page, type, click, read what is shown.
struct WebDriver: Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// A found element, by the id the driver gave it.
    struct Element: Sendable {
        var id: String
    }

    let base: URL
    let session: String

    /// Starts a headless Chromium session with a phone-sized window; `javaScript: false` turns scripts off,
    /// `doNotTrack: true` turns on the browser's own "Send a Do Not Track request" setting.
    static func start(driver: URL, javaScript: Bool, doNotTrack: Bool = false) async throws -> WebDriver {
        // A phone's user agent (the collector does not count headless browsers as people), and a resolver
        // that knows only loopback, so no test ever sends traffic anywhere else (a counted download, say,
        // redirects to the site's public address).
        var arguments = ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=390,844",
                         "--no-first-run", "--no-default-browser-check",
                         "--user-agent=Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36",
                         "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost, EXCLUDE *.localhost"]
        var preferences: [String: Any] = ["enable_do_not_track": doNotTrack]
        if !javaScript {
            arguments.append("--blink-settings=scriptEnabled=false")
            preferences["profile.managed_default_content_settings.javascript"] = 2
        }
        let capabilities: [String: Any] = ["capabilities": ["alwaysMatch": [
            "browserName": "chrome",
            "goog:chromeOptions": ["binary": Browser.chromium, "args": arguments, "prefs": preferences],
        ]]]
        let answer = try await call(base: driver, method: "POST", path: "session", body: capabilities)
        guard let value = answer as? [String: Any], let session = value["sessionId"] as? String else {
            throw Failure(description: "chromedriver started no session: \(answer)")
        }
        return WebDriver(base: driver, session: session)
    }

    func open(_ url: String) async throws {
        _ = try await command("POST", "url", ["url": url])
    }

    /// Resizes the window, to see a page at desktop width (sessions start phone-sized).
    func resize(width: Int, height: Int) async throws {
        _ = try await command("POST", "window/rect", ["width": width, "height": height])
    }

    func currentURL() async throws -> String {
        try await command("GET", "url") as? String ?? ""
    }

    func find(_ css: String) async throws -> Element {
        let value = try await command("POST", "element", ["using": "css selector", "value": css])
        guard let object = value as? [String: Any], let id = object.values.first as? String else {
            throw Failure(description: "no element matches \(css)")
        }
        return Element(id: id)
    }

    /// Types into a field, after bringing it to the middle of the screen (above the phone action bar).
    func type(_ text: String, into css: String) async throws {
        let element = try await find(css)
        try await center(element)
        _ = try await command("POST", "element/\(element.id)/value", ["text": text])
    }

    func click(_ css: String) async throws {
        let element = try await find(css)
        try await center(element)
        _ = try await command("POST", "element/\(element.id)/click", [:])
    }

    func text(of css: String) async throws -> String {
        try await command("GET", "element/\(try await find(css).id)/text") as? String ?? ""
    }

    func isDisplayed(_ css: String) async throws -> Bool {
        try await command("GET", "element/\(try await find(css).id)/displayed") as? Bool ?? false
    }

    /// Runs a script in the page and returns its result.
    @discardableResult
    func run(_ script: String, _ arguments: [Any] = []) async throws -> Any {
        try await command("POST", "execute/sync", ["script": script, "args": arguments])
    }

    /// Runs `script` in every page this session opens from now on, before the page's own scripts (Chrome DevTools'
    /// `Page.addScriptToEvaluateOnNewDocument`): how a test gives the page a browser setting Chromium lacks.
    func runBeforeEveryPage(_ script: String) async throws {
        _ = try await command("POST", "goog/cdp/execute", ["cmd": "Page.addScriptToEvaluateOnNewDocument", "params": ["source": script]])
    }

    func quit() async {
        _ = try? await Self.call(base: base, method: "DELETE", path: "session/\(session)", body: nil)
    }

    private func center(_ element: Element) async throws {
        _ = try await run("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})",
                          [["element-6066-11e4-a52e-4f735466cecf": element.id]])
    }

    private func command(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> Any {
        try await Self.call(base: base, method: method, path: "session/\(session)/\(path)", body: method == "GET" ? nil : (body ?? [:]))
    }

    private static func call(base: URL, method: String, path: String, body: [String: Any]?) async throws -> Any {
        let payload = try body.map { try JSONSerialization.data(withJSONObject: $0) }
        let headers = payload == nil ? [] : [("Content-Type", "application/json")]
        let data = try await Loopback.send(method, port: base.port ?? 80, path: "/" + path, headers: headers, body: payload,
                                           timeout: .seconds(120)).data
        let object = try JSONSerialization.jsonObject(with: data.isEmpty ? Data("{}".utf8) : data, options: [.fragmentsAllowed])
        let value = (object as? [String: Any])?["value"] ?? NSNull()
        if let error = value as? [String: Any], let kind = error["error"] as? String {
            throw Failure(description: "WebDriver \(method) \(path): \(kind): \(error["message"] as? String ?? "")")
        }
        return value
    }
}
