import Foundation

/// The latest build's record of where each asset is used: `<output>/.showroom/usage.json` (schema in README.md;
/// `BuildRecordPaths.usageIndex`). The build writes it (ShowroomSite) and the reports read it (ShowroomReports).
public struct UsageIndex: Sendable, Codable, Hashable {
    /// One place an asset appears: the site and page it is on, and the source line that put it there.
    public struct Use: Sendable, Codable, Hashable {
        public var asset: String
        public var site: String
        public var page: String
        public var file: String
        public var line: Int?
        public var column: Int?

        public init(asset: String, site: String, page: String, file: String, line: Int? = nil, column: Int? = nil) {
            self.asset = asset
            self.site = site
            self.page = page
            self.file = file
            self.line = line
            self.column = column
        }
    }

    public struct Entry: Sendable, Codable, Hashable {
        public var title: String?
        public var uses: [Use]

        public init(title: String? = nil, uses: [Use]) {
            self.title = title
            self.uses = uses
        }
    }

    public var assets: [String: Entry]

    public init(assets: [String: Entry] = [:]) {
        self.assets = assets
    }

}
