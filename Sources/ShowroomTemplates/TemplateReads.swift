import ShowroomCore

extension TemplateValue {
    /// Feeds the whole value into `hasher`: every member name, every scalar and where each string was written
    /// (so a value moved in its file hashes differently, as the messages about it would differ). Equal values
    /// hash alike in every run, which is what a build record compares.
    public func stableHash(into hasher: inout StableHasher) {
        switch self {
        case .null: hasher.combine(UInt64(0xA0))
        case .bool(let flag):
            hasher.combine(UInt64(0xA1))
            hasher.combine(flag)
        case .int(let number):
            hasher.combine(UInt64(0xA2))
            hasher.combine(number)
        case .double(let number):
            hasher.combine(UInt64(0xA3))
            hasher.combine(number.bitPattern)
        case .string(let text, let location):
            hasher.combine(UInt64(0xA4))
            hasher.combine(text)
            hasher.combine(location)
        case .list(let items):
            hasher.combine(UInt64(0xA5))
            hasher.combine(items.count)
            for item in items { item.stableHash(into: &hasher) }
        case .map(let map):
            hasher.combine(UInt64(0xA6))
            hasher.combine(map.keys.count)
            for (key, value) in zip(map.keys, map.values) {
                hasher.combine(key.name)
                value.stableHash(into: &hasher)
            }
            hasher.combine(map.printed)
            hasher.combine(map.printedLocation)
        }
    }

    /// The value's `stableHash` on its own.
    public var stableHash: StableHash {
        var hasher = StableHasher()
        stableHash(into: &hasher)
        return hasher.finalize()
    }
}

/// What rendering one template can read: the templates it reaches (itself, its partials and parents, theirs in
/// turn) and the names it and they write. The build keys each page's output on these, so that a page is
/// rendered again only when something it can read has changed.
public struct TemplateReads: Sendable, Equatable {
    /// The names of the templates rendering can reach, the template itself included.
    public var templates: Set<String> = []
    /// Every name written, as its first two members (`data.models` for `data.models.0.price`, `title` for
    /// `title`). Inside a section a name may be found in the section's value or below it in the context stack;
    /// its first member is what it can reach in the stack.
    public var paths: Set<[String]> = []
    /// Whether the template asks for the innermost value outside any section (`{{.}}`, `first()`), which at the
    /// top is the whole context: then it can read anything.
    public var readsWholeContext = false
    /// Whether a helper (`{{#asset}}`) works on a rendered body rather than a literal id, so which asset it
    /// names is known only when it renders.
    public var hasComputedHelpers = false
    /// The names read other than through a section over the name alone at a template's top
    /// (`{{#sections}}…{{/sections}}`): printed, tested, walked into (`sections.0`), or inside a partial.
    public var wholeReads: Set<String> = []
    /// For each name a template's top walks with a section (`{{#sections}}`), the first members of the names
    /// its body writes (`title`, `url`): what the body can read of each item. `*` when it can read more (it
    /// prints the item, includes a partial or a parent).
    public var sectionBodies: [String: Set<String>] = [:]

    /// The item members a section over `name` reads, or nil when the template can read all of `name`.
    public func itemMembers(of name: String) -> Set<String>? {
        guard !readsWholeContext, !wholeReads.contains(name), let body = sectionBodies[name], !body.contains("*") else { return nil }
        return body
    }

    /// Reads of nothing, to be filled in (or joined from several templates).
    public init() {}

    /// Whether a name starting with `first` is written (any `first.x` too).
    public func reads(_ first: String) -> Bool {
        readsWholeContext || paths.contains { $0.first == first }
    }

    /// The second members written after `first` (`models` for `data.models`), or nil when the template can
    /// read all of `first` (`{{#data}}`, or the whole context).
    public func members(of first: String) -> Set<String>? {
        if readsWholeContext { return nil }
        var members: Set<String> = []
        for path in paths where path.first == first {
            guard path.count > 1 else { return nil }
            members.insert(path[1])
        }
        return members
    }
}

extension TemplateLibrary {
    /// What rendering the template `name` can read; empty when the library has no such template.
    public func reads(of name: String) -> TemplateReads {
        var reads = TemplateReads()
        var work = [name]
        while let next = work.popLast() {
            guard !reads.templates.contains(next), let nodes = templates[Key(name: next, indent: "")] else { continue }
            reads.templates.insert(next)
            Self.collectReads(in: nodes, depth: 0, into: &reads, referencing: &work)
        }
        return reads
    }

    /// `body` is the top-level section whose body is being read, if any: its names are noted for it.
    private static func collectReads(in nodes: [TemplateNode], depth: Int, into reads: inout TemplateReads, referencing work: inout [String],
                                     body: String? = nil) {
        for node in nodes {
            switch node {
            case .text: break
            case .value(let expression, _): collect(expression, depth: depth, into: &reads, body: body)
            case .section(let expression, let children, let inverted, _):
                if depth == 0, !inverted, case .path(let keys) = expression, keys.count == 1 {
                    // `{{#name}}` at the top: what its body reads of each item is noted.
                    reads.paths.insert([keys[0].name])
                    reads.sectionBodies[keys[0].name, default: []].formUnion([])
                    collectReads(in: children, depth: 1, into: &reads, referencing: &work, body: keys[0].name)
                } else {
                    collect(expression, depth: depth, into: &reads, body: body)
                    collectReads(in: children, depth: depth + 1, into: &reads, referencing: &work, body: body)
                }
            case .helper(_, let constant, let children, _):
                if constant == nil { reads.hasComputedHelpers = true }
                collectReads(in: children, depth: depth, into: &reads, referencing: &work, body: body)
            case .partial(let name, _, _):
                work.append(name)
                if let body { reads.sectionBodies[body]?.insert("*") }
            case .parent(let name, _, let blocks, _):
                work.append(name)
                if let body { reads.sectionBodies[body]?.insert("*") }
                for block in blocks.values { collectReads(in: block, depth: depth, into: &reads, referencing: &work, body: body) }
            case .block(_, let children, _, _): collectReads(in: children, depth: depth, into: &reads, referencing: &work, body: body)
            }
        }
    }

    /// A partial may be included inside a section, so its top-level `{{.}}` is not known to be the whole
    /// context; `depth` counts only the sections of the template at hand, which keeps this an over-estimate:
    /// a partial's `{{.}}` at its own top counts as reading everything.
    private static func collect(_ expression: TemplateExpression, depth: Int, into reads: inout TemplateReads, body: String?) {
        switch expression {
        case .current:
            if depth == 0 { reads.readsWholeContext = true }
            if depth == 1, let body { reads.sectionBodies[body]?.insert("*") }
        case .path(let keys), .member(let keys):
            if let first = keys.first {
                reads.paths.insert(keys.prefix(2).map(\.name))
                if let body { reads.sectionBodies[body]?.insert(first.name) }
                if depth == 0 || body == nil { reads.wholeReads.insert(first.name) }
            } else if depth == 0 {
                reads.readsWholeContext = true
            }
        case .call(_, let argument):
            if let argument {
                collect(argument, depth: depth, into: &reads, body: body)
            } else {
                if depth == 0 { reads.readsWholeContext = true }
                if depth == 1, let body { reads.sectionBodies[body]?.insert("*") }
            }
        }
    }
}
