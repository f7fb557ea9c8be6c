extension StringProtocol {
    /// The text without leading and trailing white space and line breaks (Unicode's White_Space, as
    /// Foundation's `.whitespacesAndNewlines`), made without bridging to NSString: on the build's hot
    /// paths (link targets, heading titles) Foundation's trimming cost more than the work around it.
    public var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex, let whole = self as? String { return whole }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[first...last])
        return String(view)
    }
}
