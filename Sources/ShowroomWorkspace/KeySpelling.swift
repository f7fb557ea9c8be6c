/// Which known key an unknown one is probably a misspelling of: the known keys one edit away from it, where
/// an edit is one character added, removed or changed, or two neighbours swapped (a Damerau–Levenshtein
/// distance of 1). Two edits away is left alone: by then it is more likely a key of its own.
enum KeySpelling {
    /// The first known key, in alphabetical order, one edit away from `key`; nil when there is none or `key` is known.
    static func suggestion(for key: String, among known: Set<String>) -> String? {
        guard !known.contains(key) else { return nil }
        let written = Array(key)
        return known.sorted().first { isOneEditApart(written, Array($0)) }
    }

    /// Whether `a` becomes `b` by exactly one edit.
    static func isOneEditApart(_ a: [Character], _ b: [Character]) -> Bool {
        guard a != b, abs(a.count - b.count) <= 1 else { return false }
        let prefix = zip(a, b).prefix { $0 == $1 }.count
        if a.count == b.count {
            // One character changed, or two neighbours swapped.
            if a[(prefix + 1)...] == b[(prefix + 1)...] { return true }
            return prefix + 1 < a.count && a[prefix] == b[prefix + 1] && a[prefix + 1] == b[prefix]
                && a[(prefix + 2)...] == b[(prefix + 2)...]
        }
        // One character added or removed: the rest of the longer one after the first difference is the shorter one's rest.
        let (shorter, longer) = a.count < b.count ? (a, b) : (b, a)
        return shorter[prefix...] == longer[(prefix + 1)...]
    }
}
