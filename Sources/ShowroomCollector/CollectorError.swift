/// A problem that keeps the collector from starting or its store from answering, in a sentence operations can act on.
public struct CollectorError: Error, CustomStringConvertible, Sendable {
    /// The sentence itself, which the command prints as its error.
    public var description: String

    /// An error that says `description`: what is wrong and how to fix it.
    public init(_ description: String) {
        self.description = description
    }
}
