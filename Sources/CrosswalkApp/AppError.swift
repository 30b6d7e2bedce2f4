/// A use case's failure, as a sentence for the person who asked, and which kind it is: the request
/// was wrong (an unknown id, two arguments that do not go together — a front end shows its usage)
/// or the work failed on its input, the store or the result.
public struct AppError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The request names something that does not exist or asks for something impossible.
        case request
        /// The input, the store or the result has a problem.
        case failure
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
