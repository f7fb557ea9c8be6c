import Foundation
import ShowroomCore
import ShowroomWorkspace

/// `showroom build --baseURL URL`: a one-off address for a build (a staging server) in place of each site's
/// `baseURL:`, without editing any site.yaml. With several sites the address names each one with `{site}`
/// (`https://{site}.staging.example.com/`), so no two sites get the same address.
enum BaseURLOverride {
    /// `sites` with `address` as their `baseURL`, or the error that says why it cannot be.
    static func apply(_ address: String, to sites: [SiteConfig]) -> Result<[SiteConfig], Diagnostic> {
        var address = address
        if !address.hasSuffix("/") { address += "/" }
        guard address.hasPrefix("https://") || address.hasPrefix("http://") else {
            return .failure(.error(at: nil, "--baseURL must start with https:// or http://, found `\(address)`",
                                   hint: "write the address the sites will be served from, e.g. `--baseURL https://staging.example.com/`"))
        }
        if let problem = LinkRules.serviceAddressProblem(address.replacingOccurrences(of: "{site}", with: "site")) {
            return .failure(.error(at: nil, "--baseURL is not a web address: \(problem)",
                                   hint: "write the address the sites will be served from, e.g. `--baseURL https://staging.example.com/`"))
        }
        guard sites.count <= 1 || address.contains("{site}") else {
            return .failure(.error(at: nil, "--baseURL gives \(sites.count) sites one address",
                                   hint: "build one site with it (`--site ID --baseURL …`), or put `{site}` in it for each site's id: "
                                       + "`--baseURL https://{site}.staging.example.com/`"))
        }
        return .success(sites.map { site in
            var site = site
            site.baseURL = address.replacingOccurrences(of: "{site}", with: site.id)
            return site
        })
    }

    /// A site's address as written in its `site.yaml` and the one-off address it is built with.
    struct Change: Sendable, Equatable {
        var from: String
        var to: String
    }

    /// The addresses `apply` changed, longest first (so `https://x.example/a/` is replaced before `https://x.example/`).
    static func changes(from original: [SiteConfig], to overridden: [SiteConfig]) -> [Change] {
        zip(original, overridden).compactMap { $0.baseURL == $1.baseURL ? nil : Change(from: $0.baseURL, to: $1.baseURL) }
            .sorted { $0.from.count > $1.from.count }
    }

    /// `html` with every link to a built site's written address (`href="https://www.lumen-motors.example/…`)
    /// pointing at its one-off address instead, so a staging build's sites link to each other and not to the public ones.
    static func repointLinks(in html: String, _ changes: [Change]) -> String {
        changes.reduce(html) { html, change in
            html.replacingOccurrences(of: "href=\"\(change.from)", with: "href=\"\(change.to)")
        }
    }
}
