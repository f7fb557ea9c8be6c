import Foundation

/// The studio's own stylesheet and script (Resources/), served at `/_studio/studio.css` and `/_studio/studio.js`.
enum StudioFiles {
    /// The files by request path, with their content types.
    static let served: [String: (type: String, body: String)] = [
        "/_studio/studio.css": ("text/css; charset=utf-8", resource("studio", "css")),
        "/_studio/studio.js": ("text/javascript; charset=utf-8", resource("studio", "js")),
    ]

    private static func resource(_ name: String, _ type: String) -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: type, subdirectory: "Resources"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return "" }
        return text
    }
}
