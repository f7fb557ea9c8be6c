/// A problem that keeps the collector from starting or its store from answering, in a sentence operations can act on.
package struct CollectorError: Error, CustomStringConvertible, Sendable {
    /// The sentence itself, which the command prints as its error.
    package var description: String

    /// An error that says `description`: what is wrong and how to fix it.
    package init(_ description: String) {
        self.description = description
    }
}
