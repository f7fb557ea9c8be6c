/// A problem that keeps the collector from starting or its store from answering, in a sentence operations can act on.
public struct CollectorError: Error, CustomStringConvertible, Sendable {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
