/// What a context offers a template, without the values: the names the checker accepts. Typed contexts
/// (site, page, asset, …) declare theirs; YAML data gets one inferred from what the files really contain.
public indirect enum TemplateShape: Sendable, Equatable {
    /// Nothing is known (an empty list's items, free-form data): every name is accepted.
    case any
    /// Text, a number, a boolean or null: printable, without members.
    case scalar
    case list(TemplateShape)
    case record(TemplateRecordShape)

    /// The shape of a value as it is.
    public init(of value: TemplateValue) {
        switch value {
        case .null, .bool, .int, .double, .string: self = .scalar
        case .list(let items):
            guard let first = items.first else {
                self = .list(.any)
                return
            }
            // Items of one shape are made once: a list of 500 page values mostly holds one or two shapes.
            var shape = TemplateShape(of: first)
            var kinds = [first]
            for item in items.dropFirst() where !kinds.contains(where: { $0.hasSameShape(as: item) }) {
                if kinds.count < 8 { kinds.append(item) }
                shape = shape.merged(with: TemplateShape(of: item))
            }
            self = .list(shape)
        case .map(let map):
            var record = TemplateRecordShape(printable: map.printed != nil)
            for (key, member) in zip(map.keys, map.values) { record.add(key.name, TemplateShape(of: member)) }
            self = .record(record)
        }
    }

    /// The shape of values that are either: members found in only one of two records become optional.
    public func merged(with other: TemplateShape) -> TemplateShape {
        switch (self, other) {
        case (.any, _), (_, .any): return .any
        case (.scalar, _): return other
        case (_, .scalar): return self
        case (.list(let a), .list(let b)): return .list(a.merged(with: b))
        case (.record(let a), .record(let b)): return .record(a.merged(with: b))
        default: return .any
        }
    }

    /// The join of many shapes, as `merged(with:)` makes it. Each shape comes with a key naming it (values of
    /// the same shape share one, see `TemplateValue.hasSameShape`); a key already added is skipped, since
    /// merging a shape in twice changes nothing, and the pages of a site mostly share a handful of shapes.
    public struct Join: Sendable {
        /// The join of every shape added so far; nil until the first.
        public private(set) var shape: TemplateShape?
        private var added: Set<Int> = []

        /// A join of no shapes yet.
        public init() {}

        /// Merges `next` into the join, unless a shape under the same `key` was added before.
        public mutating func add(_ next: TemplateShape, key: Int) {
            guard added.insert(key).inserted else { return }
            shape = shape.map { $0.merged(with: next) } ?? next
        }
    }

    /// This shape with its record free-form (see `TemplateRecordShape.open`).
    public var opened: TemplateShape {
        if case .record(let record) = self { return .record(record.opened) }
        return self
    }

    /// A record shape from fields, for typed contexts.
    public static func record(_ fields: [(String, TemplateShape, optional: Bool)], printable: Bool = false, open: Bool = false)
        -> TemplateShape {
        var record = TemplateRecordShape(printable: printable, open: open)
        for (name, shape, optional) in fields { record.add(name, shape, optional: optional) }
        return .record(record)
    }
}

extension TemplateValue {
    /// Whether `TemplateShape(of:)` gives this value and `other` the same shape, found without making either.
    /// False may also mean "not sure" (lists of records of different lengths), never the other way round.
    public func hasSameShape(as other: TemplateValue) -> Bool {
        switch (self, other) {
        case (.null, _), (.bool, _), (.int, _), (.double, _), (.string, _): return other.isScalar
        case (.list(let a), .list(let b)):
            if a.isEmpty || b.isEmpty { return a.isEmpty && b.isEmpty }
            if a.allSatisfy(\.isScalar) && b.allSatisfy(\.isScalar) { return true }
            guard a.count == b.count else { return false }
            // By index, so the items are compared where they are, not copied out in pairs.
            for index in a.indices where !a[index].hasSameShape(as: b[index]) { return false }
            return true
        case (.map(let a), .map(let b)):
            // Pages share many maps (their section, the site's values): one map always has its own shape.
            if a === b { return true }
            guard (a.printed == nil) == (b.printed == nil), a.keys == b.keys else { return false }
            for index in a.values.indices where !a.values[index].hasSameShape(as: b.values[index]) { return false }
            return true
        default: return false
        }
    }

    /// Feeds what `hasSameShape` compares into `hasher`: values of the same shape hash alike.
    public func hashShape(into hasher: inout Hasher) {
        switch self {
        case .null, .bool, .int, .double, .string: hasher.combine(0)
        case .list(let items):
            if items.isEmpty {
                hasher.combine(1)
            } else if items.allSatisfy(\.isScalar) {
                hasher.combine(2)
            } else {
                hasher.combine(3)
                hasher.combine(items.count)
                for item in items { item.hashShape(into: &hasher) }
            }
        case .map(let map):
            hasher.combine(4)
            hasher.combine(map.printed == nil)
            hasher.combine(map.keys)
            for value in map.values { value.hashShape(into: &hasher) }
        }
    }

    private var isScalar: Bool {
        switch self {
        case .null, .bool, .int, .double, .string: return true
        case .list, .map: return false
        }
    }
}

/// The members of a record: each with its shape and whether every value has it.
public struct TemplateRecordShape: Sendable, Equatable {
    /// One member of a record.
    public struct Field: Sendable, Equatable {
        /// What the member holds.
        public var shape: TemplateShape
        /// Present on some values only (a front-matter key some pages have): fine to use, renders empty
        /// where missing.
        package var optional: Bool
    }

    /// The members by name.
    public private(set) var fields: [String: Field] = [:]
    /// Member names in the order they were added.
    package private(set) var names: [String] = []
    /// Whether `{{name}}` prints the record itself (an asset prints its URL).
    package var printable: Bool
    /// Free-form (front matter, `params`, `theme`): other values of the same kind may have keys this one
    /// lacks, so a section may test a key that is not here. Printing one is still an error.
    package var open: Bool

    /// A record with no members yet.
    public init(printable: Bool = false, open: Bool = false) {
        self.printable = printable
        self.open = open
    }

    /// This record, free-form.
    package var opened: TemplateRecordShape {
        var copy = self
        copy.open = true
        return copy
    }

    /// Adds the member `name`, or merges `shape` into the member already there (then optional only if both are).
    public mutating func add(_ name: String, _ shape: TemplateShape, optional: Bool = false) {
        if let existing = fields[name] {
            fields[name] = Field(shape: existing.shape.merged(with: shape), optional: existing.optional && optional)
            return
        }
        names.append(name)
        fields[name] = Field(shape: shape, optional: optional)
    }

    func merged(with other: TemplateRecordShape) -> TemplateRecordShape {
        var result = TemplateRecordShape(printable: printable || other.printable, open: open || other.open)
        for name in names {
            let mine = fields[name]!
            if let theirs = other.fields[name] {
                result.add(name, mine.shape.merged(with: theirs.shape), optional: mine.optional || theirs.optional)
            } else {
                result.add(name, mine.shape, optional: true)
            }
        }
        for name in other.names where fields[name] == nil { result.add(name, other.fields[name]!.shape, optional: true) }
        return result
    }
}
