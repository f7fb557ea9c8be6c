/// How often one page of one site was viewed in a period: an asset's exposure is the views of the pages that show it.
public struct PageViewCount: Sendable, Hashable {
    /// The site id.
    public var site: String
    /// The page's path on the site (`/models/aurora/`), as the tracking snippet sends it.
    public var page: String
    /// Page views in the period.
    public var views: Int

    /// `views` page views of `page` on `site`.
    public init(site: String, page: String, views: Int) {
        self.site = site
        self.page = page
        self.views = views
    }
}
