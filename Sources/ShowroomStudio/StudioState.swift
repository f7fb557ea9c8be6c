import Foundation
import ShowroomCore
import ShowroomSite

/// What the studio remembers while it runs: how each site's latest build in the studio went, and the latest
/// previews, which the preview frame fetches by number.
actor StudioState {
    /// A site's latest build: its problems (errors and warnings), or none yet.
    private var builds: [String: [Diagnostic]] = [:]
    /// Problems of the latest build not tied to one site (shared data, the catalogue).
    private var fleetProblems: [Diagnostic] = []
    private var previews: [Int: (site: String, html: String)] = [:]
    private var nextPreview = 1

    /// How many previews are kept; a frame asks for the newest one within a moment of its making.
    static let keptPreviews = 32

    /// Records a build of `sites` (all of them when the report covers the fleet).
    func record(_ report: BuildReport) {
        fleetProblems = report.diagnostics
        for site in report.sites { builds[site.siteID] = site.diagnostics }
    }

    /// The latest build's problems of `site`, the fleet's own included; nil before its first build.
    func problems(of site: String) -> [Diagnostic]? {
        builds[site].map { (fleetProblems + $0).sortedByLocation() }
    }

    /// Keeps a preview's HTML and returns its number.
    func keep(site: String, html: String) -> Int {
        let number = nextPreview
        nextPreview += 1
        previews[number] = (site, html)
        previews[number - Self.keptPreviews] = nil
        return number
    }

    /// The preview with `number`, if it is still kept.
    func preview(_ number: Int) -> (site: String, html: String)? { previews[number] }
}
