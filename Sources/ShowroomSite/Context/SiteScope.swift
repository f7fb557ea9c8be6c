import Foundation
import ShowroomCore
import ShowroomTemplates
import ShowroomWorkspace

/// Everything one site's pages render against, made once before any page renders: the values every page
/// shares (data, strings, lists of pages), each page's own value, and the menus, which differ between
/// pages only by their `active` flags. A page's context stack is `[shared, own]`.
struct SiteScope: Sendable {
    /// `data`, `t`, `brand`, `model`, `booking`, `sections`, `recent`.
    let shared: TemplateValue
    /// Each page's value without content, in the order of the site's pages.
    let summaries: [TemplateValue]
    /// The regular pages of each section, in list order (weight, newest date, title).
    let pagesBySection: [String: [Int]]
    /// Every regular page, newest first (the home page's list).
    let newestFirst: [Int]
    private let siteMembers: [(String, TemplateValue)]
    private let menus: [String: [MenuItem]]
    private let menuNames: [String]
    /// `menus` and `site` values by the pattern of active flags a URL gives, made for every URL up front.
    private let menuVariants: [[Bool]: (menus: TemplateValue, site: TemplateValue)]
    /// Each variant's `menus` and `site` hashed together, for the pages' build-record keys.
    private let menuHashes: [[Bool]: StableHash]
    /// The newest page date, which sets `site.year`.
    let newestDate: Date?

    /// `now` is the build's moment, the fallback for `site.year` when no page has a date.
    init(site: SiteConfig, pages: [SitePage], workspace: Workspace, now: Date, values: inout SiteValues) {
        var dataMembers: [(String, TemplateValue)] = []
        // In the site's language: on a zh-CN site, `name` shows `nameZh` where a record has one.
        for name in workspace.data.keys.sorted() { dataMembers.append((name, values.value(workspace.data[name]!.localized(to: site.locale)))) }
        let data = TemplateMap(dataMembers)
        let models = Self.records(in: data["models"])

        let newest = pages.compactMap(\.source.date).max()
        newestDate = newest
        let year = SiteValues.civil(newest ?? now).0
        siteMembers = SiteContext.members(site, year: year, collector: workspace.fleet.collector, values: &values)

        var root: [(String, TemplateValue)] = [("data", .map(data))]
        if let brand = site.brand, case .map(let record)? = Self.records(in: data["brands"])[brand] {
            let brandModels = Self.list(data["models"]).filter {
                if case .map(let model) = $0, case .string(let id, _)? = model["brand"] { return id == brand }
                return false
            }
            root.append(("brand", .map(record.adding([("models", .list(brandModels))]))))
        }
        if let model = site.model, let record = models[model] { root.append(("model", record)) }
        if let strings = workspace.i18n[site.locale] ?? workspace.i18n["en"] { root.append(("t", values.value(strings, typedKeys: false))) }
        root.append(("booking", Self.bookingRules))

        // Page values, then the lists that show them.
        let directory = SectionDirectory(pages: pages, site: site)
        var summaries: [TemplateValue] = []
        summaries.reserveCapacity(pages.count)
        var sectionMembers: [String: [Int]] = [:]
        var regular: [Int] = []
        for (index, page) in pages.enumerated() {
            summaries.append(PageContext.summary(of: page, site: site, sections: directory, models: models, values: &values))
            if page.kind == .page {
                sectionMembers[page.section, default: []].append(index)
                regular.append(index)
            }
        }
        // Sorting indexes over small keys: sorting the pages themselves copied whole `SitePage`s on every swap.
        let keys = pages.map { SortKey(weight: $0.source.weight, date: $0.source.moment ?? .distantPast, title: $0.source.title,
                                       url: $0.source.url ?? $0.url) }
        let pagesBySection = sectionMembers.mapValues { members in
            members.sorted { a, b in
                let keyA = keys[a], keyB = keys[b]
                if keyA.weight != keyB.weight { return keyA.weight < keyB.weight }
                if keyA.date != keyB.date { return keyA.date > keyB.date }
                return keyA.title < keyB.title
            }
        }
        self.pagesBySection = pagesBySection
        let newestFirst = regular.sorted { (keys[$0].date, keys[$1].url) > (keys[$1].date, keys[$0].url) }
        self.newestFirst = newestFirst
        // Sections nest: each holds its direct sub-sections (in address order), made deepest first; the
        // site-wide list shows the top level.
        let sectionIndexes = pages.indices.filter { pages[$0].kind == .section }
        var childSections: [String: [Int]] = [:]
        for index in sectionIndexes { childSections[SitePages.parent(of: pages[index].section), default: []].append(index) }
        var sectionValues: [String: TemplateValue] = [:]
        for index in sectionIndexes.sorted(by: { pages[$0].section.count > pages[$1].section.count }) {
            let page = pages[index]
            sectionValues[page.section] = SectionContext.value(
                page, pages: (pagesBySection[page.section] ?? []).map { summaries[$0] },
                sections: (childSections[page.section] ?? []).compactMap { sectionValues[pages[$0].section] })
        }
        for index in pages.indices where pages[index].kind != .page {
            let children = (childSections[pages[index].kind == .home ? "" : pages[index].section] ?? [])
                .filter { pages[$0].section != pages[index].section }
            if case .map(let map) = summaries[index], !children.isEmpty {
                summaries[index] = .map(map.adding([("sections", .list(children.compactMap { sectionValues[pages[$0].section] }))]))
            }
        }
        let topSections = (childSections[""] ?? []).filter { !pages[$0].section.isEmpty }.compactMap { sectionValues[pages[$0].section] }
        root.append(("sections", .list(topSections)))
        root.append(("recent", .list(newestFirst.prefix(3).map { summaries[$0] })))
        shared = .map(TemplateMap(root))
        self.summaries = summaries

        menus = site.menus
        menuNames = site.menus.keys.sorted()
        var variants: [[Bool]: (menus: TemplateValue, site: TemplateValue)] = [:]
        let siteLocation = site.location
        for url in pages.map(\.url) + ["/404.html"] {
            let signature = Self.signature(menus: site.menus, names: menuNames, url: url)
            guard variants[signature] == nil else { continue }
            let menuValue = TemplateValue.map(TemplateMap(menuNames.map { name in
                (name, .list(site.menus[name]!.map { MenuItemContext.value($0, at: url, location: $0.location ?? siteLocation) }))
            }))
            variants[signature] = (menuValue, .map(TemplateMap(siteMembers + [("menus", menuValue)])))
        }
        menuVariants = variants
        menuHashes = variants.mapValues { variant in
            var hasher = StableHasher()
            variant.menus.stableHash(into: &hasher)
            variant.site.stableHash(into: &hasher)
            return hasher.finalize()
        }
    }

    /// The hash of what `menus` and `site` hold on the page at `url`.
    func menuHash(url: String) -> StableHash {
        menuHashes[Self.signature(menus: menus, names: menuNames, url: url)]!
    }

    /// `booking.<field>.<attribute>`: the form's field rules, the same ones the collection service checks.
    static let bookingRules: TemplateValue = .map(TemplateMap(BookingRules.formAttributes.map { field, attributes in
        var members: [(String, TemplateValue)] = [("required", .bool(attributes.required))]
        if let maxlength = attributes.maxlength { members.append(("maxlength", .int(maxlength))) }
        if let pattern = attributes.pattern { members.append(("pattern", .text(pattern))) }
        if let inputmode = attributes.inputmode { members.append(("inputmode", .text(inputmode))) }
        if let autocomplete = attributes.autocomplete { members.append(("autocomplete", .text(autocomplete))) }
        return (field.rawValue, .map(TemplateMap(members)))
    }))

    /// The context stack for a page at `url`: the shared values, then the page's own.
    func frames(url: String, page: TemplateValue, pages: [TemplateValue]?) -> [TemplateValue] {
        let variant = menuVariants[Self.signature(menus: menus, names: menuNames, url: url)]!
        var own: [(String, TemplateValue)] = [("page", page), ("menus", variant.menus), ("site", variant.site)]
        if let pages { own.append(("pages", .list(pages))) }
        return [shared, .map(TemplateMap(own))]
    }

    /// The pages a home or section page lists.
    func listed(by page: SitePage) -> [TemplateValue] {
        listedIndexes(by: page).map { summaries[$0] }
    }

    /// The indexes of the pages a home or section page lists, in list order.
    func listedIndexes(by page: SitePage) -> [Int] {
        page.kind == .home ? newestFirst : pagesBySection[page.section] ?? []
    }

    /// What the context offers the pages at `indexes` rendered with one layout, for the template check.
    /// `shapes` holds each page's shape once made: a site's check asks for the same pages several times
    /// (by layout, in lists, for the shortcodes), and making a shape costs as much as rendering the page.
    func shape(forPagesAt indexes: [Int], pages: [SitePage], shapes: inout PageShapes) -> [TemplateShape] {
        var page = TemplateShape.Join()
        var listShape: TemplateShape? = nil
        for index in indexes {
            page.add(shapes.own(index, in: self), key: shapes.key(of: index, in: self))
            if pages[index].kind != .page {
                var items = TemplateShape.Join()
                for item in listedIndexes(by: pages[index]) {
                    items.add(shapes.listed(item, in: self), key: shapes.key(of: item, in: self))
                }
                guard let items = items.shape else {
                    if listShape == nil { listShape = .list(.any) }
                    continue
                }
                let list = TemplateShape.list(items)
                if listShape == .list(.any) { listShape = nil }
                listShape = listShape.map { $0.merged(with: list) } ?? list
            }
        }
        return frameShapes(page: page.shape ?? .any, pages: listShape, shapes: &shapes)
    }

    /// Each page's shape, made when first asked for.
    struct PageShapes {
        struct Common {
            var site: TemplateShape
            var menus: TemplateShape
            var root: TemplateRecordShape
        }

        private var ownShapes: [TemplateShape?]
        private var listedShapes: [TemplateShape?]
        private var commonShapes: Common?
        /// Each page's representative: the first page whose value has the same shape (`hasSameShape`), whose
        /// shapes it shares; -1 until asked for.
        private var representatives: [Int]
        /// The representatives found so far, by `hashShape`.
        private var byHash: [Int: [Int]] = [:]

        /// The key under which the page's shapes are joined: its representative's index.
        mutating func key(of index: Int, in scope: SiteScope) -> Int {
            if representatives[index] >= 0 { return representatives[index] }
            var hasher = Hasher()
            scope.summaries[index].hashShape(into: &hasher)
            let hash = hasher.finalize()
            let found = byHash[hash, default: []].first { scope.summaries[$0].hasSameShape(as: scope.summaries[index]) }
            if found == nil { byHash[hash, default: []].append(index) }
            representatives[index] = found ?? index
            return found ?? index
        }

        /// The shapes every page shares, made once.
        mutating func common(in scope: SiteScope) -> Common {
            if let commonShapes { return commonShapes }
            let common = scope.commonShapes()
            commonShapes = common
            return common
        }

        init(count: Int) {
            ownShapes = Array(repeating: nil, count: count)
            listedShapes = Array(repeating: nil, count: count)
            representatives = Array(repeating: -1, count: count)
        }

        /// The shape of the page's own value (`page`), free-form.
        mutating func own(_ index: Int, in scope: SiteScope) -> TemplateShape {
            let index = key(of: index, in: scope)
            if let shape = ownShapes[index] { return shape }
            let shape = TemplateShape(of: scope.summaries[index]).opened
            ownShapes[index] = shape
            return shape
        }

        /// The page's shape as an item of a list page's `pages`.
        mutating func listed(_ index: Int, in scope: SiteScope) -> TemplateShape {
            let index = key(of: index, in: scope)
            if let shape = listedShapes[index] { return shape }
            let shape = SiteScope.declaringPage(own(index, in: scope))
            listedShapes[index] = shape
            return shape
        }
    }

    /// The context shape of a page whose value is `page` (the 404 page).
    func shape(of page: TemplateValue, shapes: inout PageShapes) -> [TemplateShape] {
        frameShapes(page: TemplateShape(of: page).opened, pages: nil, shapes: &shapes)
    }

    private func frameShapes(page: TemplateShape, pages: TemplateShape?, shapes: inout PageShapes) -> [TemplateShape] {
        let common = shapes.common(in: self)
        var own: [(String, TemplateShape, optional: Bool)] = [
            ("page", ContextField.declaring(PageContext.fields, in: page), false), ("menus", common.menus, false), ("site", common.site, false),
        ]
        if let pages { own.append(("pages", pages, false)) }
        let ownNames = Set(own.map(\.0))
        return [ContextField.declaring(RootContext.fields.filter { !ownNames.contains($0.name) }, in: .record(common.root)), .record(own)]
    }

    /// The shapes every page of the site shares: `site`, `menus`, and the shared values (data, strings,
    /// sections, recent pages) before the typed root fields are declared.
    fileprivate func commonShapes() -> PageShapes.Common {
        let variant = menuVariants.values.first!
        var site = TemplateRecordShape()
        if case .record(let inferred) = TemplateShape(of: variant.site) {
            site = inferred
            for name in ["theme", "params", "menus"] { if let field = inferred.fields[name] { site.add(name, field.shape.opened) } }
        }
        var root = TemplateRecordShape()
        if case .record(let inferred) = TemplateShape(of: shared) { root = inferred }
        if case .list(let item)? = root.fields["recent"]?.shape { root.add("recent", .list(Self.declaringPage(item))) }
        if case .list(.record(var section))? = root.fields["sections"]?.shape {
            if case .list(let item)? = section.fields["pages"]?.shape { section.add("pages", .list(Self.declaringPage(item))) }
            root.add("sections", .list(.record(section)))
        }
        return PageShapes.Common(site: ContextField.declaring(SiteContext.fields, in: .record(site)),
                                 menus: TemplateShape(of: variant.menus).opened, root: root)
    }

    /// A listed page's shape: what its value holds, free-form, with every typed page field declared.
    private static func declaringPage(_ shape: TemplateShape) -> TemplateShape {
        ContextField.declaring(PageContext.fields, in: shape.opened)
    }

    private static func signature(menus: [String: [MenuItem]], names: [String], url: String) -> [Bool] {
        var signature: [Bool] = []
        for name in names {
            for item in menus[name] ?? [] { signature.append(item.isActive(at: url)) }
        }
        return signature
    }

    /// The records of a YAML list by their `id`.
    private static func records(in list: TemplateValue?) -> [String: TemplateValue] {
        var records: [String: TemplateValue] = [:]
        for item in Self.list(list) {
            if case .map(let record) = item, case .string(let id, _)? = record["id"], records[id] == nil { records[id] = item }
        }
        return records
    }

    private static func list(_ value: TemplateValue?) -> [TemplateValue] {
        if case .list(let items)? = value { return items }
        return []
    }

    /// What list pages are ordered by.
    private struct SortKey {
        var weight: Int
        /// The moment of the page's date (not the date as written: two zones can order differently).
        var date: Date
        var title: String
        var url: String
    }
}
