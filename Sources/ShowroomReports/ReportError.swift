/// A report that cannot be made, in a sentence the marketing team can act on (what is wrong, and how to fix it).
public struct ReportError: Error, CustomStringConvertible, Sendable {
    /// The sentence itself, which the command prints as its error.
    public var description: String

    /// An error that says `description`: what is wrong and how to fix it.
    package init(_ description: String) {
        self.description = description
    }
}
