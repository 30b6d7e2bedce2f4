/// A document a command produced, as data: where it goes (relative to the output folder the front
/// end chooses, or a path the user named) and its bytes. Writing it is the front end's job.
public struct OutputFile: Sendable, Hashable {
    /// The path to write, `/`-separated.
    public var path: String
    /// The document's bytes.
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}
