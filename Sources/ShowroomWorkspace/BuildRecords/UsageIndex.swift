import Foundation

/// The latest build's record of where each asset is used: `<output>/.showroom/usage.json` (schema in README.md;
/// `BuildRecordPaths.usageIndex`). The build writes it (ShowroomSite) and the reports read it (ShowroomReports).
public struct UsageIndex: Sendable, Codable, Hashable {
    /// One place an asset appears: the site and page it is on, and the source line that put it there.
    public struct Use: Sendable, Codable, Hashable {
        /// The asset's id.
        public var asset: String
        /// The site the page belongs to.
        public var site: String
        /// The page's address on its site (`/models/aurora/`).
        public var page: String
        /// The workspace file that references the asset, relative to the workspace.
        public var file: String
        /// The reference's line in `file`, when known.
        public var line: Int?
        /// The reference's column in `file`, when known.
        public var column: Int?

        /// A use of `asset` on `page` of `site`, put there by `file` (at `line`:`column` when known).
        public init(asset: String, site: String, page: String, file: String, line: Int? = nil, column: Int? = nil) {
            self.asset = asset
            self.site = site
            self.page = page
            self.file = file
            self.line = line
            self.column = column
        }
    }

    /// One asset's uses across the fleet.
    public struct Entry: Sendable, Codable, Hashable {
        /// The asset's title from the catalogue, when it has a record.
        public var title: String?
        /// Every place the asset is used.
        public var uses: [Use]

        /// An entry of `uses`, titled `title`.
        public init(title: String? = nil, uses: [Use]) {
            self.title = title
            self.uses = uses
        }
    }

    /// Each used asset's entry, by asset id.
    public var assets: [String: Entry]

    /// An index of `assets` (empty by default).
    public init(assets: [String: Entry] = [:]) {
        self.assets = assets
    }

}
