import Foundation
import ShowroomCore
import ShowroomSite

extension PreviewWorkspace {
    /// Which pages of the fleet a change of one file reaches: the engine does not record which pages read which
    /// data key, so the studio builds every site from the mirror with the changed file and compares each page
    /// with the same page of its own last build of the workspace.
    struct Reach: Sendable {
        /// Every site with pages that change, and those pages (`aurora/index.html` → `["index.html", …]`).
        var pages: [String: [String]]
        /// The new HTML of one changed page of each site (its home page when that changes), for the preview.
        var preview: [String: (path: String, html: String)]
        /// Every problem of the build.
        var diagnostics: [Diagnostic]
        /// Whether every site built; when one did not, its pages are not compared.
        var succeeded: Bool
        var seconds: Double
    }

    /// Builds the whole fleet with `file` holding `text`, writing nothing, and compares its pages with those in
    /// `output` (the studio's build of the workspace, one folder per site). Blocks its thread for a fleet build.
    func reach(file: String, text: String, comparedWith output: URL, now: Date = Date()) -> Reach {
        lock.withLock { _ in
            let started = Date()
            do {
                try synchronise()
                try writeEdited(file, text: text)
            } catch {
                return Reach(pages: [:], preview: [:], diagnostics: [.error(at: nil, "the preview could not be prepared: \(error.localizedDescription)",
                                                                        hint: "check that \(mirror.path) can be written")],
                             succeeded: false, seconds: Date().timeIntervalSince(started))
            }
            let made = Locked<[String: [String: [UInt8]]]>([:])
            var options = BuildOptions(workspace: mirror, output: mirror.appendingPathComponent(".showroom/output"), sites: [],
                                       includeDrafts: true, now: now)
            options.inspector = OutputInspector { site, path, contents in
                guard path.hasSuffix(".html"), let contents else { return }
                made.withLock { $0[site, default: [:]][path] = contents }
            }
            let report = FleetBuilder.build(options)
            var pages: [String: [String]] = [:]
            var preview: [String: (path: String, html: String)] = [:]
            for (site, files) in made.withLock({ $0 }) {
                let changed = files.keys.filter { path in
                    let before = FileManager.default.contents(atPath: output.appendingPathComponent("\(site)/\(path)").path)
                    return before.map { [UInt8]($0) } != files[path]
                }.sorted { ($0.count, $0) < ($1.count, $1) }
                guard let first = changed.first, let bytes = files[first] else { continue }
                pages[site] = changed
                preview[site] = (first, String(decoding: bytes, as: UTF8.self))
            }
            return Reach(pages: pages, preview: preview, diagnostics: report.allDiagnostics, succeeded: report.succeeded,
                         seconds: Date().timeIntervalSince(started))
        }
    }
}
