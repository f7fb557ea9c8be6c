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
}
