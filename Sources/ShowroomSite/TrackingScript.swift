import Foundation

/// The one tracking snippet every page carries (Resources/tracking.js), inlined by the build.
enum TrackingScript {
    static let source: String = {
        guard let url = Bundle.module.url(forResource: "tracking", withExtension: "js", subdirectory: "Resources"),
              let text = try? String(contentsOf: url, encoding: .utf8)
        else { return "" }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }()
}
