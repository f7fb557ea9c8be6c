/// A report that cannot be made, in a sentence the marketing team can act on (what is wrong, and how to fix it).
public struct ReportError: Error, CustomStringConvertible, Sendable {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
