import ShowroomCore

extension SharedDataSchema {
    /// Reads data files against their schema, collecting the diagnostics.
    struct Reader {
        let data: [String: YAMLNode]
        let catalog: AssetCatalog
        private(set) var diagnostics: [Diagnostic] = []
        /// For each referenced file and key, the values its records have (`brands` → `id` → `lumen`, …).
        private var known: [String: [String: Set<String>]] = [:]

        init(data: [String: YAMLNode], catalog: AssetCatalog) {
            self.data = data
            self.catalog = catalog
            for (name, node) in data {
                for record in node.items ?? [] {
                    for (key, value) in record.pairs ?? [] {
                        if let text = value.scalarText { known[name, default: [:]][key, default: []].insert(text) }
                    }
                }
            }
        }

        /// How a record is named in messages: "model `vega`" (`kind` given), "`vega`", or `fallback` when it has no id.
        static func name(of node: YAMLNode, default fallback: String, kind: String? = nil) -> String {
            guard let id = identity(of: node) else { return fallback }
            return kind.map { "\($0) `\(id)`" } ?? "`\(id)`"
        }

        /// The record's `id` (or a city's `city`), when it has one.
        static func identity(of node: YAMLNode) -> String? {
            node["id"]?.scalarText ?? node["city"]?.scalarText
        }

        mutating func check(_ node: YAMLNode, file: SharedDataSchema.File) {
            let path = "shared/data/\(file.name).yaml"
            guard file.isList else {
                check(record: node, file.record, what: "\(path)", recordName: file.recordName)
                return
            }
            guard let items = node.items else {
                if !node.isNull {
                    diagnostics.append(.error(at: node.location, "\(path) must be a list of \(file.recordName) records, found \(node.kindName)",
                                              hint: "start each \(file.recordName) with `- \(file.record.identity ?? "id"): …` on a line of its own"))
                }
                return
            }
            var seen: [String: SourceLocation] = [:]
            for item in items {
                let what = Self.name(of: item, default: "a \(file.recordName) of \(path)", kind: file.recordName)
                check(record: item, file.record, what: what, recordName: file.recordName)
                guard let identity = file.record.identity, let value = item[identity], let id = value.scalarText else { continue }
                if let first = seen[id] {
                    diagnostics.append(.error(at: value.location, "there is a second \(file.recordName) with \(identity) `\(id)` (the first is at line \(first.line ?? 0))",
                                              hint: "give each \(file.recordName) its own `\(identity)`, or remove one of the two"))
                } else {
                    seen[id] = value.location
                }
            }
        }

        private mutating func check(record node: YAMLNode, _ record: SharedDataSchema.Record, what: String, recordName: String) {
            guard let pairs = node.pairs else {
                diagnostics.append(.error(at: node.location, "each \(recordName) must be a mapping of `key: value` lines, found \(node.kindName)",
                                          hint: "write the \(recordName)'s values as `key: value` lines, indented under its `-`"))
                return
            }
            for field in record.fields where field.required && (node[field.key]?.isNull ?? true) {
                diagnostics.append(.error(at: node.location, "\(what) has no `\(field.key)`, which every \(recordName) needs",
                                          hint: "add a line `\(field.key): …` (\(field.type.name)) to the \(recordName)"))
            }
            let keys = Set(record.fields.map(\.key))
            for (key, value) in pairs {
                guard let field = record.field(key) else {
                    if let suggestion = KeySpelling.suggestion(for: key, among: keys) {
                        diagnostics.append(.warning(at: value.keyLocation ?? value.location, "unknown key `\(key)` in \(what): did you mean `\(suggestion)`?",
                                                    hint: "rename it to `\(suggestion)`; if `\(key)` is meant as data for the templates, it can stay"))
                    }
                    continue
                }
                check(value, as: field.type, key: key, in: node)
            }
        }

        private mutating func check(_ node: YAMLNode, as type: SharedDataSchema.ValueType, key: String, in record: YAMLNode) {
            if node.isNull { return }
            if let text = node.scalarText, text.hasPrefix(SharedDataCheck.placeholderPrefix) { return }  // a warning of its own
            func wrong(_ hint: String) {
                diagnostics.append(.error(at: node.location, "`\(key)` must be \(type.name), found \(node.kindName)", hint: hint))
            }
            let text = node.scalarText
            let quoted: Bool = if case .scalar(_, quoted: true) = node.value { true } else { false }
            switch type {
            case .text:
                if text == nil { wrong("write the \(key) as one value on the same line: `\(key): some text`") }
            case .number, .wholeNumber:
                guard let text else { return wrong("write one number: `\(key): 189800`") }
                let isNumber = type.isWhole ? Int(text) != nil : (Int(text) != nil || Double(text) != nil)
                if isNumber && !quoted { return }
                let digits = text.filter { $0.isASCII && ($0.isNumber || (!type.isWhole && $0 == ".")) }
                if isNumber {
                    wrong("remove the quotes: `\(key): \(text)`")
                } else if !digits.isEmpty {
                    wrong("write \(digits): digits only, without thousands separators or a currency (prices are in yuan)")
                } else {
                    wrong("write the \(key) as digits, for example `\(key): 189800`")
                }
            case .bool:
                guard let text, ["true", "false", "yes", "no", "True", "False", "Yes", "No"].contains(text), !quoted else {
                    return wrong("write `\(key): true` or `\(key): false`")
                }
            case .date:
                guard let text else { return wrong("write `\(key): 2026-12-12T22:00:00+08:00`") }
                do throws(WrittenDate.Problem) { _ = try WrittenDate(parsing: text) } catch {
                    wrong("\(error); write `\(key): 2026-12-12`, `\(key): 2026-12-12 22:00` or `\(key): '2026-12-12T22:00:00+08:00'`")
                }
            case .colour:
                guard let text, CSSColour.isColour(text) else {
                    return wrong("write it as \(CSSColour.forms), in quotes: `\(key): \"#1d2d50\"`")
                }
            case .link:
                guard let text, text.hasPrefix("https://") || text.hasPrefix("http://") else {
                    return wrong("write the whole address, starting with https://: `\(key): https://www.example.com/`")
                }
            case .asset:
                checkAsset(node, key: key)
            case .reference(let file, let referencedKey):
                guard let text else { return wrong("write one \(referencedKey) of shared/data/\(file).yaml") }
                guard let values = known[file]?[referencedKey], data[file] != nil else { return }
                if !values.contains(text) {
                    let alias = data[file]?.items?.first { ($0["names"]?.items ?? []).contains { $0.scalarText == text } }?[referencedKey]?.scalarText
                    let nearest = alias.map { "write `\(key): \($0)` (`\(text)` is one of its `names`); " }
                        ?? NameSuggestion.nearest(to: text, among: values).map { "did you mean `\($0)`? " } ?? ""
                    diagnostics.append(.error(at: node.location, "`\(key)` names `\(text)`, but shared/data/\(file).yaml has no record with \(referencedKey) `\(text)`",
                                              hint: "\(nearest)write one of: \(values.sorted().joined(separator: ", ")); or add `\(text)` to shared/data/\(file).yaml"))
                }
            case .trim(let modelKey):
                guard let text else { return wrong("write the id of one of the model's trims") }
                guard let modelID = record[modelKey]?.scalarText,
                      let model = data["models"]?.items?.first(where: { $0["id"]?.scalarText == modelID }) else { return }
                let trims = (model["trims"]?.items ?? []).compactMap { $0["id"]?.scalarText }
                if !trims.contains(text) {
                    diagnostics.append(.error(at: node.location, "`\(key)` names `\(text)`, but the model `\(modelID)` has no trim with id `\(text)`",
                                              hint: "write one of: \(trims.joined(separator: ", ")); or add the trim to `\(modelID)` in shared/data/models.yaml"))
                }
            case .list(let item):
                guard let items = node.items else {
                    if text != nil, case .list(.asset) = type {
                        return wrong("write a list, one entry a line: `\(key):` then `- \(text!)` on the next line")
                    }
                    return wrong("write a list: `\(key): [first, second]`, or one `- entry` a line below `\(key):`")
                }
                for entry in items { check(entry, as: item, key: key, in: record) }
            case .mapping(let value):
                guard let pairs = node.pairs else { return wrong("write one `name: value` line for each, indented below `\(key):`") }
                for pair in pairs { check(pair.value, as: value, key: pair.key, in: node) }
            case .record(let fields):
                check(record: node, fields, what: "an entry of `\(key)`", recordName: "entry of `\(key)`")
            }
        }

        private mutating func checkAsset(_ node: YAMLNode, key: String) {
            guard let text = node.scalarText else {
                return diagnostics.append(.error(at: node.location, "`\(key)` must be an asset (`asset:<id>`), found \(node.kindName)",
                                                 hint: "write one asset: `\(key): asset:<id>`, with an id from assets/catalog.yaml"))
            }
            guard let id = AssetReference.id(in: text) else {
                let hint = catalog[text] != nil ? "write `\(key): asset:\(text)`" : "write `\(key): asset:<id>`, with an id from assets/catalog.yaml"
                return diagnostics.append(.error(at: node.location, "`\(key)` must be an asset written `asset:<id>`, found `\(text)`", hint: hint))
            }
            guard catalog[id] == nil else { return }
            let nearest = NameSuggestion.nearest(to: id, among: catalog.assets.keys).map { "did you mean `asset:\($0)`? " } ?? ""
            diagnostics.append(.error(at: node.location, "there is no asset `\(id)` in the asset library",
                                      hint: "\(nearest)check the id against assets/catalog.yaml, or add the asset there (`showroom assets add`)"))
        }
    }
}

extension SharedDataSchema.ValueType {
    fileprivate var isWhole: Bool { if case .wholeNumber = self { true } else { false } }
}
