/// "Did you mean …?" for names a user typed: template names, shortcode arguments, data keys, anchors.
public enum NameSuggestion {
    /// The known name closest to `name`, when one is close enough to be a likely typo (at most two edits,
    /// or a third of the name's length for long names); ties go to the alphabetically first.
    public static func nearest(to name: String, among names: some Sequence<String>) -> String? {
        names.map { ($0, editDistance(name, $0)) }
            .filter { $0.1 <= max(2, name.count / 3) }
            .min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
    }

    /// Levenshtein distance between `a` and `b`, ignoring case.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.lowercased()), b = Array(b.lowercased())
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
