import Foundation
import ShowroomCore

/// A record `showroom assets add` is asked to write, as typed on the command line: every field is text (or
/// missing), so that `checked` can report every problem at once, each naming its option and a fix.
public struct NewAsset: Sendable {
    /// The file to copy into the library.
    public var source: URL
    /// `--id`: what pages reference it by (`asset:<id>`).
    public var id: String?
    /// `--title`: what reports call it.
    public var title: String?
    /// `--kind`: photo, brochure, video, logo or other.
    public var kind: String?
    /// `--cost`: what it cost, digits only.
    public var cost: String?
    /// `--currency`: the three-letter code of `cost`.
    public var currency: String?
    /// `--owner`: who answers for it.
    public var owner: String?
    /// `--licence-expiry`: the last day it may be used, `YYYY-MM-DD`.
    public var licenceExpiry: String?
    /// The model it shows, an id in `shared/data/models.yaml`.
    public var model: String?
    /// Alt text by locale (`en`, `zh-CN`).
    public var alt: [String: String]
    /// `--tag`s, for finding it in reports.
    public var tags: [String]
    /// `--downloadable`: pages offer it as a counted download.
    public var downloadable: Bool

    /// A request as the command line gives it; nil for an option left out.
    public init(source: URL, id: String?, title: String?, kind: String?, cost: String?, currency: String?, owner: String?,
                licenceExpiry: String?, model: String? = nil, alt: [String: String] = [:], tags: [String] = [],
                downloadable: Bool = false) {
        self.source = source
        self.id = id
        self.title = title
        self.kind = kind
        self.cost = cost
        self.currency = currency
        self.owner = owner
        self.licenceExpiry = licenceExpiry
        self.model = model
        self.alt = alt
        self.tags = tags
        self.downloadable = downloadable
    }

    /// A new record whose every field passed its check: what is written to the catalogue.
    public struct Record: Sendable, Hashable {
        /// The id, unique in the catalogue.
        public var id: String
        /// Where the file goes, under `assets/files/`.
        public var file: String
        /// The title, one line.
        public var title: String
        /// What the asset is.
        public var kind: AssetKind
        /// The model it shows, one of `shared/data/models.yaml`.
        public var model: String?
        /// Tags for the reports.
        public var tags: [String]
        /// Who answers for it.
        public var owner: String
        /// The cost as typed (digits, an optional `.` and cents), so the catalogue keeps what the marketer wrote.
        public var cost: String
        /// The three-letter currency code, upper-case.
        public var currency: String
        /// `YYYY-MM-DD`.
        public var licenceExpiry: String
        /// Whether pages offer it as a counted download.
        public var downloadable: Bool
        /// Alt text by locale (`en`, `zh-CN`), written in the order of the locales' names.
        public var alt: [String: String]
    }

    /// The folder under `assets/files/` a new file of `kind` goes to when it shows no model.
    static func folder(for kind: AssetKind) -> String {
        switch kind {
        case .photo: "photos"
        case .brochure: "brochures"
        case .video: "videos"
        case .logo: "logos"
        case .other: "other"
        }
    }

    /// Checks every field against the catalogue's rules, the ids `existing` in it (with where each is written: no id
    /// twice), the workspace's `models` and the day `today` (a licence that has already ended is refused); returns
    /// the record, or every problem.
    func checked(existing: [String: SourceLocation], models: Set<String>, today: Date) -> (Record?, [Diagnostic]) {
        var problems: [Diagnostic] = []
        func missing(_ option: String, _ example: String) {
            problems.append(.error(at: nil, "`\(option)` is missing", hint: "add `\(option) \(example)`"))
        }
        func oneLine(_ option: String, _ text: String?) -> String? {
            guard let text = text?.trimmed, !text.isEmpty else { return nil }
            if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                problems.append(.error(at: nil, "`\(option)` must be one line of text", hint: "write it without line breaks or tabs"))
                return nil
            }
            return text
        }

        let id = oneLine("--id", id)
        if id == nil { missing("--id", "orbit-hero") }
        if let id, id.range(of: AssetCatalog.idPattern, options: .regularExpression) == nil {
            problems.append(.error(at: nil, "`--id \(id)` is not a valid asset id",
                                   hint: "use lowercase letters, digits, dots and dashes, e.g. `--id orbit-hero`"))
        } else if let id, let place = existing[id] {
            problems.append(.error(at: place, "there is already an asset `\(id)` in assets/catalog.yaml",
                                   hint: "choose another `--id`, e.g. `--id \(id)-2`, or edit the existing record"))
        }

        let title = oneLine("--title", title)
        if title == nil { missing("--title", "\"Orbit on the coast road\"") }

        var kind: AssetKind?
        if let text = oneLine("--kind", self.kind) {
            kind = AssetKind(rawValue: text.lowercased())
            if kind == nil {
                problems.append(.error(at: nil, "`--kind` must be one of \(AssetKind.allCases.map(\.rawValue).joined(separator: ", ")), found `\(text)`",
                                       hint: "write e.g. `--kind photo`"))
            }
        } else {
            missing("--kind", "photo")
        }

        var cost: String?
        if let text = oneLine("--cost", self.cost) {
            if text.range(of: #"^[0-9]+(\.[0-9]{1,2})?$"#, options: .regularExpression) != nil {
                cost = text
            } else {
                problems.append(.error(at: nil, "`--cost` must be a number, found `\(text)`",
                                       hint: "write the amount paid as digits only, e.g. `--cost 1000000` or `--cost 1200.50` (no currency sign, no thousands separators)"))
            }
        } else {
            missing("--cost", "1000000")
        }

        var currency: String?
        if let text = oneLine("--currency", self.currency) {
            if text.range(of: "^[A-Za-z]{3}$", options: .regularExpression) != nil {
                currency = text.uppercased()
            } else {
                problems.append(.error(at: nil, "`--currency` must be a three-letter currency code, found `\(text)`",
                                       hint: "write e.g. `--currency CNY`, `--currency EUR` or `--currency USD`"))
            }
        } else {
            missing("--currency", "CNY")
        }

        let owner = oneLine("--owner", owner)
        if owner == nil { missing("--owner", "\"Northlight Studio\"") }

        var expiry: String?
        if let text = oneLine("--licence-expiry", licenceExpiry) {
            let day: Date? = text.count == 10 ? (try? WrittenDate(parsing: text))?.date(in: WrittenDate.utc) : nil
            if let day {
                if day < today {
                    problems.append(.error(at: nil, "`--licence-expiry \(text)` has already passed: a page using the asset would fail the build",
                                           hint: "write the day the licence ends, as in the contract; renew the licence first if it has ended"))
                } else {
                    expiry = text
                }
            } else {
                problems.append(.error(at: nil, "`--licence-expiry` must be a day written YYYY-MM-DD, found `\(text)`",
                                       hint: "write e.g. `--licence-expiry 2029-06-30`"))
            }
        } else {
            missing("--licence-expiry", "2029-06-30")
        }

        let model = oneLine("--model", model)
        if let model, !models.contains(model) {
            let suggestion = NameSuggestion.nearest(to: model, among: models).map { "did you mean `--model \($0)`? " } ?? ""
            problems.append(.error(at: SourceLocation(file: "shared/data/models.yaml"), "there is no model `\(model)` in shared/data/models.yaml",
                                   hint: suggestion + "add the model first (`showroom new model`), or leave `--model` out"))
        }

        var alt: [String: String] = [:]
        for (locale, option) in [("en", "--alt-en"), ("zh-CN", "--alt-zh")] {
            alt[locale] = oneLine(option, self.alt[locale])
        }
        let tags = tags.compactMap { oneLine("--tag", $0) }

        problems += sourceProblems()
        let fileExtension = source.pathExtension.lowercased()
        guard problems.isEmpty, let id, let title, let kind, let cost, let currency, let owner, let expiry else { return (nil, problems) }
        let folder = model.map { "models/\($0)" } ?? Self.folder(for: kind)
        let record = Record(
            id: id, file: "\(folder)/\(id).\(fileExtension)", title: title, kind: kind, model: model, tags: tags, owner: owner,
            cost: cost, currency: currency, licenceExpiry: expiry, downloadable: downloadable, alt: alt)
        return (record, [])
    }

    /// What is wrong with the file to copy: missing, a folder, unreadable, or without an extension.
    private func sourceProblems() -> [Diagnostic] {
        let path = source.path
        let place = SourceLocation(file: path)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            return [.error(at: place, "there is no file at \(path)", hint: "check the path of the photo or document to add")]
        }
        if isFolder.boolValue {
            return [.error(at: place, "\(path) is a folder, not a file", hint: "give one file; add each file of the folder on its own")]
        }
        guard FileManager.default.isReadableFile(atPath: path), (try? FileHandle(forReadingFrom: source).close()) != nil else {
            return [.error(at: place, "the file \(path) cannot be read", hint: "check that you may read it (its permissions), or copy it somewhere you can")]
        }
        if source.pathExtension.isEmpty {
            return [.error(at: place, "the file \(path) has no extension, so browsers would not know what it is",
                           hint: "rename it with its type's extension, e.g. `.jpg`, `.png` or `.pdf`")]
        }
        return []
    }
}
