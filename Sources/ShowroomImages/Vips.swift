import CVips

/// libvips, started once for the process before the first photo is touched.
package enum Vips {
    /// Whether libvips started: the first use starts it, once, whichever thread asks first (every caller in the
    /// process, tests included, must start it through here: libvips' own start is not safe to race).
    package static let started: Bool = showroom_vips_start() == 0

    /// libvips' last error in its own words, first line only, and cleared.
    static func takeError() -> String {
        guard let pointer = showroom_vips_take_error() else { return "unknown error" }
        defer { g_free(pointer) }
        let text = String(cString: pointer).split(separator: "\n").first.map(String.init) ?? ""
        return text.isEmpty ? "unknown error" : text
    }
}
