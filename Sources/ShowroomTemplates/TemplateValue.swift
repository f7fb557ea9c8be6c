import ShowroomCore

/// A value a template can print, test or look into: the typed contexts of the build (site, page, asset, …)
/// and plain data (YAML, JSON) both end up as these, so the renderer needs no casts.
public enum TemplateValue: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    /// Text, with where it came from (a front-matter or data value), so an unsafe value can be reported there.
    case string(String, SourceLocation?)
    case list([TemplateValue])
    case map(TemplateMap)

    /// Text without a known source.
    public static func text(_ string: String) -> TemplateValue { .string(string, nil) }

    /// Whether a section over this value renders: null, `false`, empty text and empty lists do not.
    var isTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let value): return value
        case .string(let text, _): return !text.isEmpty
        case .list(let items): return !items.isEmpty
        case .int, .double, .map: return true
        }
    }

    /// The text `{{name}}` prints (before escaping).
    var printed: String {
        switch self {
        case .null: return ""
        case .bool(let value): return value ? "true" : "false"
        case .int(let value): return String(value)
        case .double(let value): return Self.print(value)
        case .string(let text, _): return text
        case .list(let items): return items.map(\.printed).joined(separator: ",")
        case .map(let map): return map.printed ?? ""
        }
    }

    /// Where the printed text came from, when known.
    var location: SourceLocation? {
        switch self {
        case .string(_, let location): return location
        case .map(let map): return map.printedLocation
        default: return nil
        }
    }

    /// The member `key` of this value (only maps have members).
    @inline(__always)
    func member(_ key: TemplateKey) -> TemplateValue? {
        if case .map(let map) = self { return map[key] }
        return nil
    }

    /// `1.5`, `0.25`; whole numbers without a fraction (`2`).
    static func print(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}

/// A member name with its hash computed once, when the template compiles or the map is built.
public struct TemplateKey: Hashable, Sendable, CustomStringConvertible {
    /// The member name as written.
    public let name: String
    let hash: Int

    /// The key of `name`, with its hash (FNV-1a of the UTF-8 bytes).
    package init(_ name: String) {
        self.name = name
        func fnv1a<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
            var value: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes {
                value = (value ^ UInt64(byte)) &* 0x100_0000_01b3
            }
            return value
        }
        // Contiguous bytes (a small name is copied to the stack for it) hash without the view's per-byte decoding.
        let value = name.utf8.withContiguousStorageIfAvailable(fnv1a) ?? fnv1a(name.utf8)
        hash = Int(truncatingIfNeeded: value)
    }

    /// Keys are equal when their names are; the hashes are compared first.
    public static func == (lhs: TemplateKey, rhs: TemplateKey) -> Bool {
        lhs.hash == rhs.hash && lhs.name == rhs.name
    }

    /// Feeds only the precomputed hash, so hashing a key never reads its name again.
    public func hash(into hasher: inout Hasher) { hasher.combine(hash) }
    /// The member name, as messages show it.
    public var description: String { name }
}

/// An ordered map of members: a typed context's fields or a YAML mapping. Small maps (up to 16 members, most of them) are
/// searched by comparing precomputed hashes; larger ones through an open-addressing table over the same hashes (a
/// `Dictionary` would hash every key again with SipHash, on every look-up). Immutable once made.
public final class TemplateMap: Sendable {
    /// The member names in the order given; a name given twice keeps its first place.
    public let keys: [TemplateKey]
    /// The members' values, in the order of `keys`.
    package let values: [TemplateValue]
    /// For maps of more than 16 members: slots of a power-of-two table, each the position of a key plus one
    /// (0 is empty), found from the key's hash with linear probing.
    private let slots: [Int32]
    /// What `{{name}}` prints for the map itself (an asset prints its URL); nil prints nothing.
    public let printed: String?
    let printedLocation: SourceLocation?

    /// A map of `pairs` in their order (a later pair with an earlier one's name replaces its value) that prints as
    /// `printed`, written at `printedLocation`.
    public convenience init(_ pairs: [(String, TemplateValue)], printed: String? = nil, printedLocation: SourceLocation? = nil) {
        var keys: [TemplateKey] = []
        var values: [TemplateValue] = []
        keys.reserveCapacity(pairs.count)
        values.reserveCapacity(pairs.count)
        for (name, value) in pairs { Self.put(TemplateKey(name), value, keys: &keys, values: &values) }
        self.init(keys: keys, values: values, printed: printed, printedLocation: printedLocation)
    }

    private init(keys: [TemplateKey], values: [TemplateValue], printed: String?, printedLocation: SourceLocation?) {
        self.keys = keys
        self.values = values
        slots = keys.count > 16 ? Self.table(of: keys) : []
        self.printed = printed
        self.printedLocation = printedLocation
    }

    /// Appends `key`, or replaces its value when it is there already (as a later key in a YAML mapping does).
    private static func put(_ key: TemplateKey, _ value: TemplateValue, keys: inout [TemplateKey], values: inout [TemplateValue]) {
        if let existing = keys.firstIndex(of: key) {
            values[existing] = value
        } else {
            keys.append(key)
            values.append(value)
        }
    }

    private static func table(of keys: [TemplateKey]) -> [Int32] {
        var size = 32
        while size < keys.count * 2 { size *= 2 }
        var slots = [Int32](repeating: 0, count: size)
        for (position, key) in keys.enumerated() {
            var slot = key.hash & (size - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(position + 1)
        }
        return slots
    }

    /// The member `key`, or nil when the map has none.
    package subscript(key: TemplateKey) -> TemplateValue? {
        if slots.isEmpty {
            for position in keys.indices where keys[position] == key { return values[position] }
            return nil
        }
        let mask = slots.count - 1
        var slot = key.hash & mask
        while slots[slot] != 0 {
            let position = Int(slots[slot]) - 1
            if keys[position] == key { return values[position] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// The member called `name`, or nil; the name is hashed on every call (`subscript(key:)` takes a key made once).
    public subscript(name: String) -> TemplateValue? { self[TemplateKey(name)] }

    /// A copy with `pairs` added or replaced; the map's own keys are reused as they are, hashes and all.
    public func adding(_ pairs: [(String, TemplateValue)]) -> TemplateMap {
        var keys = keys
        var values = values
        keys.reserveCapacity(keys.count + pairs.count)
        values.reserveCapacity(values.count + pairs.count)
        for (name, value) in pairs { Self.put(TemplateKey(name), value, keys: &keys, values: &values) }
        return TemplateMap(keys: keys, values: values, printed: printed, printedLocation: printedLocation)
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    /// Text written in Swift source (tests, fixed values), without a source location.
    public init(stringLiteral value: String) { self = .string(value, nil) }
    /// A whole number written in Swift source.
    public init(integerLiteral value: Int) { self = .int(value) }
    /// A number with a fraction written in Swift source.
    public init(floatLiteral value: Double) { self = .double(value) }
    /// `true` or `false` written in Swift source.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// A list written in Swift source.
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    /// A map written in Swift source, its members in the order written.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) { self = .map(TemplateMap(elements)) }
    /// `nil` in Swift source: null.
    public init(nilLiteral: ()) { self = .null }
}

/// JSON text as template data, for tests and other tools: objects become maps (keys sorted, since JSON
/// objects have no order), arrays lists, and numbers `int` when they are whole.
extension TemplateValue: Decodable {
    /// The JSON value `decoder` holds, read as above; throws the decoder's error when it holds none of them.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value, nil)
        } else if let items = try? container.decode([TemplateValue].self) {
            self = .list(items)
        } else {
            let members = try container.decode([String: TemplateValue].self)
            self = .map(TemplateMap(members.keys.sorted().map { ($0, members[$0]!) }))
        }
    }
}
