import Foundation

/// The studio's interface languages: English and Simplified Chinese, chosen by the browser's `Accept-Language`
/// unless the user picked one (`?lang=`, remembered in a cookie).
enum StudioLanguage: String, Sendable, CaseIterable {
    case english = "en"
    case chinese = "zh-CN"

    /// The cookie that keeps the user's choice.
    static let cookie = "studio-lang"

    /// The language for a request: the remembered choice, else the first of the browser's languages the studio
    /// speaks, else English.
    static func chosen(cookie: String?, acceptLanguage: String?) -> StudioLanguage {
        if let cookie, let language = StudioLanguage(rawValue: cookie) { return language }
        for part in (acceptLanguage ?? "").split(separator: ",") {
            let tag = part.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            if tag.hasPrefix("zh") { return .chinese }
            if tag.hasPrefix("en") { return .english }
        }
        return .english
    }

    /// The interface's words in this language.
    var strings: StudioStrings { self == .english ? .english : .chinese }

    /// The language's own name, for the switch.
    var name: String { self == .english ? "English" : "中文" }
}

/// Every word of the interface, once per language; a missing translation does not compile.
struct StudioStrings: Sendable {
    var studio: String
    var fleet: String
    var site: String
    var kind: String
    var locale: String
    var lastBuild: String
    var errors: String
    var warnings: String
    var pages: String
    var mounts: String
    var search: String
    var searchPlaceholder: String
    var noMatches: String
    var edit: String
    var title: String
    var description: String
    var date: String
    var draft: String
    var moreFrontMatter: String
    var body: String
    var preview: String
    var save: String
    var saved: String
    var savedNothingBlocked: String
    var conflictTitle: String
    var conflictExplanation: String
    var onDisk: String
    var yours: String
    var publish: String
    var changedFiles: String
    var noChanges: String
    var commitMessage: String
    var yourName: String
    var yourEmail: String
    var saveToRepository: String
    var committed: String
    var login: String
    var loginExplanation: String
    var loginRefused: String
    var previewUpdating: String
    var previewFailed: String
    var builtOK: String
    var wholeFile: String
    /// "line" before a line number of the body, in problems.
    var line: String
    var sharedData: String
    var dataExplanation: String
    var showReach: String
    var reaches: String
    var reachesNothing: String
    var savedCellsBlocked: String
    var newPage: String
    var section: String
    var slug: String
    var slugHint: String
    var create: String
    var assetLibrary: String
    var addAsset: String
    var neverUsed: String
    var usedOn: String
    var downloads: String
    var costPerDownload: String
    var storeUnreachable: String
    var added: String
    var push: String
    var pushExplanation: String
    var pushed: String
    var newSite: String
    var newModel: String
    var noModel: String
    var brandOfModel: String
    var siteID: String
    var idHint: String
    var model: String
    var brand: String
    var modelHint: String
    var siteTitle: String
    var modelID: String
    var likeModel: String
    var modelName: String
    var alsoSite: String
    var siteIDOptional: String
    var newModelExplanation: String
    var modelAddedAs: String
    var fillIn: String
    var nothingMade: String
    var chooseAsset: String
    var noAsset: String
    var shortcodes: String
    var shortcodesHint: String
    var insert: String
    var filter: String
    var allOfThem: String
    var licenceEndingSoon: String
    var neverUsedOnly: String
    var page: String
    var pagesCounted: String
    var tags: String
    var tagsHint: String
    var downloadable: String
    var publishDate: String
    var expiryDate: String
    var loginPassword: String
    var licenceEnds: String
    var addRow: String
    var removeRow: String
    var rowAdded: String
    var rowRemoved: String
    var rowsAfterSaving: String
    var uploadFile: String
    var assetID: String
    var costDigits: String
    var currency: String
    var owner: String
    var altEnglish: String
    var altChinese: String
    var cost: String
    var asset: String
    var mustBeInteger: String
    var mustBeNumber: String
    var mustBeBoolean: String
    var mustBeDate: String

    static let english = StudioStrings(
        studio: "Showroom Studio", fleet: "The fleet", site: "Site", kind: "Kind", locale: "Language", lastBuild: "Last build",
        errors: "errors", warnings: "warnings", pages: "Pages", mounts: "Shared content it shows", search: "Search page titles",
        searchPlaceholder: "e.g. launch", noMatches: "No page title matches.", edit: "Edit", title: "Title",
        description: "Description", date: "Date (YYYY-MM-DD)", draft: "Draft (not published)", moreFrontMatter: "written as YAML",
        body: "Text (Markdown)", preview: "Preview", save: "Save", saved: "Saved.",
        savedNothingBlocked: "Not saved: fix the errors marked in red first.",
        conflictTitle: "This file changed on disk since you opened it",
        conflictExplanation: "Someone else (another editor, or a git pull) saved it in the meantime. Nothing was overwritten. Copy what you need from your version, then open the file again.",
        onDisk: "On disk now", yours: "Your version", publish: "Publish", changedFiles: "Changed files",
        noChanges: "No file changed since the last save to the repository.", commitMessage: "What changed, and why",
        yourName: "Your name", yourEmail: "Your e-mail", saveToRepository: "Save to the repository", committed: "Saved to the repository as",
        login: "Log in", loginExplanation: "Enter the token `showroom studio` printed when it started, or the password of the file it was started with (--password-file).",
        loginRefused: "That is neither the token the studio printed nor the password of its password file.", previewUpdating: "Updating…",
        previewFailed: "The page did not build; see the problems listed.", builtOK: "built without errors",
        wholeFile: "The whole file", line: "line", sharedData: "Shared data",
        dataExplanation: "Models, trims, prices, colours and dealers that every site reads. Change a value, then preview where it shows before saving.",
        showReach: "Preview: where does it show?", reaches: "This change shows on", reachesNothing: "No page of the fleet changes.",
        savedCellsBlocked: "Not saved: fix the values marked in red first.", newPage: "New page", section: "Section",
        slug: "Address (optional)", slugHint: "lower-case letters, digits and hyphens; made from the title when left empty", create: "Create", assetLibrary: "Asset library",
        addAsset: "Add to the library", neverUsed: "never used", usedOn: "Used on", downloads: "Downloads (30 days)",
        costPerDownload: "Cost per download", storeUnreachable: "Downloads are not shown: the collector's store cannot be reached",
        added: "Added to the library:", push: "Push",
        pushExplanation: "Send the commits saved here to the shared repository, where CI builds and publishes them:",
        pushed: "Pushed to", newSite: "New site", newModel: "New model", noModel: "(none: a brand or store site)",
        brandOfModel: "(the model's brand)", siteID: "Site id",
        idHint: "lower-case letters, digits and hyphens, e.g. aurora-ev; it names the folder and the site's address", model: "Model",
        brand: "Brand", modelHint: "a product site sells one model", siteTitle: "Title (optional: the model's or brand's name)",
        modelID: "Model id", likeModel: "Copy the data and pages of", modelName: "Name without the brand (optional), e.g. Orbit",
        alsoSite: "Also make its product site", siteIDOptional: "Product site id (optional: the model id)",
        newModelExplanation: "The model is added to the shared models with the trims, prices and spec pages of the model it copies; every value that must be its own is marked FILL IN until you change it.",
        modelAddedAs: "Added the model", fillIn: "Next: change every value marked FILL IN in", nothingMade: "Nothing was made:",
        chooseAsset: "Choose from the library", noAsset: "none", shortcodes: "Shortcodes",
        shortcodesHint: "Inserted at the cursor in the text, with their arguments to fill in.", insert: "Insert", filter: "Show",
        allOfThem: "all", licenceEndingSoon: "licence ends within 90 days", neverUsedOnly: "never used only", page: "page", pagesCounted: "pages", tags: "Tags",
        tagsHint: "separated by commas", downloadable: "Offered on pages as a counted download",
        publishDate: "Published from (not before this day)", expiryDate: "Taken down on (not from this day)",
        loginPassword: "Token or password", licenceEnds: "Licence ends", addRow: "Add a row", removeRow: "Remove",
        rowAdded: "Row added as a copy of the last one: change its values (its id and name are marked new), then save.", rowRemoved: "Row removed.", rowsAfterSaving: "No row was added or removed: save or undo the values you changed first.",
        uploadFile: "File (PNG, JPEG, WebP, PDF or MP4, up to 50 MB)", assetID: "Id (pages use it as asset:<id>)", costDigits: "Cost (digits only)", currency: "Currency (CNY)", owner: "Owner", altEnglish: "Alt text, English", altChinese: "Alt text, Chinese", cost: "Cost", asset: "Asset",
        mustBeInteger: "must be a whole number: the digits only, without separators, spaces or a currency sign", mustBeNumber: "must be a number: digits with a point for decimals, without separators or units", mustBeBoolean: "must be true or false", mustBeDate: "must be a date written year-month-day, e.g. 2026-06-30")

    static let chinese = StudioStrings(
        studio: "Showroom 工作室", fleet: "全部网站", site: "网站", kind: "类型", locale: "语言", lastBuild: "上次构建",
        errors: "个错误", warnings: "个警告", pages: "页面", mounts: "引用的共享内容", search: "搜索页面标题",
        searchPlaceholder: "例如 发布", noMatches: "没有匹配的页面标题。", edit: "编辑", title: "标题",
        description: "描述", date: "日期（YYYY-MM-DD）", draft: "草稿（不发布）", moreFrontMatter: "YAML 格式",
        body: "正文（Markdown）", preview: "预览", save: "保存", saved: "已保存。",
        savedNothingBlocked: "未保存：请先修正标红的错误。",
        conflictTitle: "打开之后，这个文件在磁盘上被修改了",
        conflictExplanation: "有人（另一个编辑者或 git pull）已经保存了它。没有覆盖任何内容。请从你的版本中复制需要的部分，然后重新打开文件。",
        onDisk: "磁盘上的版本", yours: "你的版本", publish: "发布", changedFiles: "修改过的文件",
        noChanges: "自上次保存到仓库以来没有文件被修改。", commitMessage: "修改了什么，为什么",
        yourName: "你的名字", yourEmail: "你的邮箱", saveToRepository: "保存到仓库", committed: "已保存到仓库，提交号",
        login: "登录", loginExplanation: "输入 `showroom studio` 启动时打印的令牌，或启动时所用密码文件（--password-file）中的密码。",
        loginRefused: "令牌或密码不正确。", previewUpdating: "正在更新…",
        previewFailed: "页面没有构建成功；请查看列出的问题。", builtOK: "构建成功，没有错误",
        wholeFile: "整个文件", line: "行", sharedData: "共享数据",
        dataExplanation: "所有网站读取的车型、配置、价格、颜色和经销商。修改数值后，保存前先预览它出现在哪些页面。",
        showReach: "预览：会出现在哪里？", reaches: "这个修改出现在", reachesNothing: "没有页面发生变化。",
        savedCellsBlocked: "未保存：请先修正标红的数值。", newPage: "新建页面", section: "栏目",
        slug: "地址（可选）", slugHint: "小写字母、数字和连字符；留空则由标题生成", create: "创建", assetLibrary: "素材库",
        addAsset: "添加到素材库", neverUsed: "从未使用", usedOn: "使用页面", downloads: "下载次数（30 天）",
        costPerDownload: "每次下载成本", storeUnreachable: "无法显示下载次数：连接不到数据收集服务的存储",
        added: "已添加到素材库：", push: "推送",
        pushExplanation: "把这里保存的提交发送到共享仓库，由 CI 构建并发布：", pushed: "已推送到", newSite: "新建网站", newModel: "新建车型", noModel: "（无：品牌或商城网站）",
        brandOfModel: "（车型所属品牌）", siteID: "网站 ID", idHint: "小写字母、数字和连字符，例如 aurora-ev；用作文件夹名和网站地址", model: "车型", brand: "品牌",
        modelHint: "产品网站只销售一个车型", siteTitle: "标题（可选：默认为车型或品牌名称）", modelID: "车型 ID", likeModel: "复制数据和页面自", modelName: "不含品牌的名称（可选），例如 Orbit",
        alsoSite: "同时创建它的产品网站", siteIDOptional: "产品网站 ID（可选：默认为车型 ID）",
        newModelExplanation: "新车型会加入共享车型数据，并复制所选车型的配置、价格和参数页面；每个必须单独填写的数值都标为 FILL IN，直到你修改它。", modelAddedAs: "已添加车型",
        fillIn: "下一步：修改所有标为 FILL IN 的数值，位于", nothingMade: "没有创建任何内容：", chooseAsset: "从素材库选择", noAsset: "无", shortcodes: "短代码",
        shortcodesHint: "插入到正文光标处，参数待填写。", insert: "插入", filter: "显示", allOfThem: "全部", licenceEndingSoon: "授权 90 天内到期",
        neverUsedOnly: "仅显示从未使用", page: "个页面", pagesCounted: "个页面", tags: "标签", tagsHint: "用逗号分隔", downloadable: "在页面上作为计数下载提供", publishDate: "发布日期（此日之前不发布）",
        expiryDate: "下线日期（自此日起不发布）", loginPassword: "令牌或密码", licenceEnds: "授权到期", addRow: "添加一行", removeRow: "删除", rowAdded: "已复制最后一行作为新行：请修改它的数值（ID 和名称已标为 new），然后保存。", rowRemoved: "已删除该行。", rowsAfterSaving: "没有添加或删除行：请先保存或撤销你修改的数值。",
        uploadFile: "文件（PNG、JPEG、WebP、PDF 或 MP4，不超过 50 MB）", assetID: "ID（页面以 asset:<id> 引用）", costDigits: "成本（只写数字）", currency: "币种（CNY）", owner: "负责人", altEnglish: "替代文字（英文）", altChinese: "替代文字（中文）", cost: "成本", asset: "素材",
        mustBeInteger: "必须是整数：只写数字，不要分隔符、空格或货币符号", mustBeNumber: "必须是数字：小数用点号，不要分隔符或单位", mustBeBoolean: "必须是 true 或 false", mustBeDate: "必须是日期，按年-月-日书写，例如 2026-06-30")
}
