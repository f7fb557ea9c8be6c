import ShowroomCore

extension SharedDataCheck {
    /// A warning for every text value of the shared data that still starts with `FILL IN`, at the value, naming
    /// its key and record: the list of what is left to write after `showroom new model`.
    public static func placeholders(in data: [String: YAMLNode]) -> [Diagnostic] {
        var found: [Diagnostic] = []
        func visit(_ node: YAMLNode, key: String, record: String?, file: String) {
            switch node.value {
            case .scalar(let text, _) where text.hasPrefix(placeholderPrefix):
                found.append(.warning(at: node.location, "`\(key)` of \(record.map { "\($0) in " } ?? "")\(file) still has a placeholder: `\(text)`",
                                      hint: "replace it with the \(key) to show (what to write is after `\(placeholderPrefix)`)"))
            case .sequence(let items):
                for item in items { visit(item, key: key, record: record, file: file) }
            case .mapping(let pairs):
                let name = SharedDataSchema.Reader.identity(of: node).map { id in record.map { "\($0) › `\(id)`" } ?? "`\(id)`" } ?? record
                for pair in pairs { visit(pair.value, key: pair.key, record: name, file: file) }
            default:
                break
            }
        }
        for name in data.keys.sorted() {
            guard let node = data[name] else { continue }
            let file = "shared/data/\(name).yaml"
            let kind = SharedDataSchema.files[name]?.recordName ?? "the record"
            for item in node.items ?? [node] {
                let record = SharedDataSchema.Reader.identity(of: item).map { "\(kind) `\($0)`" }
                guard let pairs = item.pairs else {
                    visit(item, key: name, record: nil, file: file)
                    continue
                }
                for pair in pairs { visit(pair.value, key: pair.key, record: record, file: file) }
            }
        }
        return found
    }
}
