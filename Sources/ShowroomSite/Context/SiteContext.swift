import ShowroomTemplates
import ShowroomWorkspace

/// The site as templates see it (`site.*`), from `site.yaml` and `showroom.yaml`.
struct SiteContext {
    static let fields: [ContextField] = [
        ContextField("id", "the site's id (its folder under `sites/`)"),
        ContextField("title", "the site's title"),
        ContextField("kind", "`brand`, `product` or `store`; also `site.isBrand`, `site.isProduct`, `site.isStore`"),
        ContextField("isBrand", "true on brand sites"), ContextField("isProduct", "true on product sites"),
        ContextField("isStore", "true on store sites"),
        ContextField("baseURL", "the site's address, ending in `/`"),
        ContextField("locale", "the site's locale (`en`, `zh-CN`); also `site.lang`"),
        ContextField("lang", "the same, for `<html lang>`"),
        ContextField("booking", "whether pages offer the booking form"),
        ContextField("consent", "`required` when the tracking snippet must wait for consent"),
        ContextField("year", "the year of the newest page date (so builds stay reproducible), else of the build's date"),
        ContextField("collector", "the collection service's address (from `showroom.yaml`), for the booking form's `action`"),
        ContextField("theme", "`theme.*` from site.yaml (colours, logo)", shape: .any, optional: true),
        ContextField("params", "`params.*` from site.yaml, as written", shape: .any, optional: true),
        ContextField("brand", "the site's brand id", optional: true),
        ContextField("model", "the site's model id", optional: true),
        ContextField("menus", "each menu of site.yaml by name: a list of `{title, url, active}`", shape: .any),
    ]

    /// Every member but `menus`, which differ by page.
    static func members(_ site: SiteConfig, year: Int, collector: String, values: inout SiteValues) -> [(String, TemplateValue)] {
        var members: [(String, TemplateValue)] = [
            ("id", .text(site.id)), ("title", .string(site.title, site.location)), ("kind", .text(site.kind.rawValue)),
            ("isBrand", .bool(site.kind == .brand)), ("isProduct", .bool(site.kind == .product)), ("isStore", .bool(site.kind == .store)),
            ("baseURL", .text(site.baseURL)), ("locale", .text(site.locale)), ("lang", .text(site.locale)),
            ("booking", .bool(site.booking)), ("consent", .text(site.consent)), ("year", .int(year)), ("collector", .text(collector)),
        ]
        if let theme = site.theme { members.append(("theme", values.value(theme))) }
        if let params = site.params { members.append(("params", values.value(params))) }
        if let brand = site.brand { members.append(("brand", .text(brand))) }
        if let model = site.model { members.append(("model", .text(model))) }
        return members
    }
}

/// The names at the bottom of every page's context stack.
enum RootContext {
    static let fields: [ContextField] = [
        ContextField("site", "the site (see `site.*`)", shape: .any),
        ContextField("page", "the page being rendered (see `page.*`)", shape: .any),
        ContextField("pages", "on home and section pages: the pages listed (home: every regular page, newest first)", shape: .list(.any), optional: true),
        ContextField("sections", "the top-level sections: `{name, title, url, description, pages, sections}`", shape: .list(.any)),
        ContextField("recent", "the three newest regular pages of the site", shape: .list(.any)),
        ContextField("menus", "the site's menus, as in `site.menus`", shape: .any),
        ContextField("data", "shared data by file (`data.models`, `data.dealers`, …), as written", shape: .any),
        ContextField("t", "translated strings for the site's locale from `shared/i18n/<locale>.yaml`", shape: .any, optional: true),
        ContextField("brand", "the record of `site.brand` in `data.brands`, plus `brand.models`: that brand's models", shape: .any, optional: true),
        ContextField("model", "the record of `site.model` in `data.models`", shape: .any, optional: true),
        ContextField("booking", "the booking form's field rules: `booking.<field>.required`, `.maxlength`, `.pattern`, `.inputmode`, `.autocomplete`", shape: .any),
        ContextField("asset", "helper: `{{#asset}}aurora-hero{{/asset}}` writes the asset's fingerprinted URL"),
        ContextField("download", "helper: `{{#download}}aurora-brochure{{/download}}` writes the counted download address"),
    ]
}
