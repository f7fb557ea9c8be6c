/// A 128-bit hash that is the same in every run and on every machine (Swift's `Hasher` is seeded per
/// process), for the build records that decide whether an output can be reused: a page's inputs hashed now
/// are compared with the same inputs hashed by an earlier build.
///
/// Two lanes of 64-bit multiply-and-rotate mixing over 8-byte words, finished with MurmurHash3's avalanche
/// step. Not a cryptographic hash: it guards against accidental equality of different inputs (about one in
/// 2^64 for a pair), which is what a cache key needs; nobody gains from forging a page that renders stale.
public struct StableHash: Hashable, Sendable, CustomStringConvertible {
    /// The first 64 bits.
    public var high: UInt64
    /// The last 64 bits.
    public var low: UInt64

    /// The hash with these two halves (as a record holds them).
    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// The two halves in hexadecimal, `high:low`.
    public var description: String { String(high, radix: 16) + ":" + String(low, radix: 16) }

    /// Reads `description`'s form back; nil for anything else.
    public init?(_ text: Substring) {
        guard let colon = text.firstIndex(of: ":"), let high = UInt64(text[..<colon], radix: 16),
              let low = UInt64(text[text.index(after: colon)...], radix: 16) else { return nil }
        self.init(high: high, low: low)
    }
}

/// Feeds values into a `StableHash`. Every `combine` also mixes in its length or a tag, so `("ab", "c")` and
/// `("a", "bc")` hash differently.
public struct StableHasher: Sendable {
    private var a: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private var count: UInt64 = 0

    /// A hasher that has seen nothing yet.
    public init() {}

    private static let p1: UInt64 = 0x87C3_7B91_1142_53D5
    private static let p2: UInt64 = 0x4CF5_AD43_2745_937F

    @inline(__always)
    private mutating func mix(_ word: UInt64) {
        a = ((a ^ word) &* Self.p1)
        a = (a << 31) | (a >> 33)
        b = ((b &+ word) ^ a) &* Self.p2
        b = (b << 27) | (b >> 37)
        count &+= 1
    }

    /// Mixes in one integer.
    public mutating func combine(_ value: UInt64) { mix(value) }

    /// Mixes in one integer.
    public mutating func combine(_ value: Int) { mix(UInt64(bitPattern: Int64(value))) }

    /// Mixes in a flag.
    public mutating func combine(_ value: Bool) { mix(value ? 0x5157 : 0x5156) }

    /// Mixes in another hash.
    public mutating func combine(_ hash: StableHash) {
        mix(hash.high)
        mix(hash.low)
    }

    /// Mixes in raw bytes, then their length.
    public mutating func combine(bytes: UnsafeRawBufferPointer) {
        var offset = 0
        let total = bytes.count
        while offset + 8 <= total {
            mix(bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < total {
            tail |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        mix(tail)
        mix(UInt64(total) ^ 0xB5)
    }

    /// Mixes in bytes.
    public mutating func combine(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { combine(bytes: $0) }
    }

    /// Mixes in a string's UTF-8 bytes.
    public mutating func combine(_ text: String) {
        if let done: Void = text.utf8.withContiguousStorageIfAvailable({ combine(bytes: UnsafeRawBufferPointer($0)) }) {
            return done
        }
        combine(Array(text.utf8))
    }

    /// Mixes in an optional string (nil differs from "").
    public mutating func combine(_ text: String?) {
        guard let text else { return mix(0xDEAD_0001) }
        mix(0xDEAD_0002)
        combine(text)
    }

    /// Mixes in a location as file, line and column (nil differs from any location).
    public mutating func combine(_ location: SourceLocation?) {
        guard let location else { return mix(0xDEAD_0003) }
        combine(location.file)
        combine(location.line ?? -1)
        combine(location.column ?? -1)
    }

    /// The hash of everything combined so far.
    public func finalize() -> StableHash {
        func avalanche(_ value: UInt64) -> UInt64 {
            var x = value
            x ^= x >> 33
            x &*= 0xFF51_AFD7_ED55_8CCD
            x ^= x >> 33
            x &*= 0xC4CE_B9FE_1A85_EC53
            x ^= x >> 33
            return x
        }
        let high = avalanche(a ^ count)
        let low = avalanche(b &+ high)
        return StableHash(high: high, low: low)
    }

    /// The hash of one string.
    public static func hash(_ text: String) -> StableHash {
        var hasher = StableHasher()
        hasher.combine(text)
        return hasher.finalize()
    }
}
