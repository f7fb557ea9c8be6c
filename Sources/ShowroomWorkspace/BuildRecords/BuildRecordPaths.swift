import Foundation

/// Where a build leaves its records inside the output folder, `<output>/.showroom/` (never published): the
/// one list of those files, each read and written through the one type named here.
///
/// - `sites/<site>.json`: `SiteRecord`, one site's asset uses and input files, replaced only when it built;
/// - `usage.json`: `UsageIndex`, every site's asset uses (the assets report reads it);
/// - `assets.json`: `AssetManifest`, every asset's fingerprinted address per site (the collection service
///   redirects counted downloads with it).
public enum BuildRecordPaths {
    /// The records folder, relative to the output folder.
    public static let folder = ".showroom"

    /// The records folder inside `output`.
    public static func folder(in output: URL) -> URL { output.appendingPathComponent(folder) }
    /// The folder of the site records inside `output`.
    public static func sitesFolder(in output: URL) -> URL { folder(in: output).appendingPathComponent("sites") }
    /// The record of `site` inside `output`.
    public static func siteRecord(_ site: String, in output: URL) -> URL { sitesFolder(in: output).appendingPathComponent("\(site).json") }
    /// The usage index inside `output`.
    public static func usageIndex(in output: URL) -> URL { folder(in: output).appendingPathComponent("usage.json") }
    /// The asset manifest inside `output`.
    public static func assetManifest(in output: URL) -> URL { folder(in: output).appendingPathComponent("assets.json") }
}
