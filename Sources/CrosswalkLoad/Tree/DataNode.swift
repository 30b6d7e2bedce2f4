import CrosswalkModel

/// A YAML or JSON value with the location it was read from: the common input of the YAML and JSON
/// readers (our catalogue format in YAML, OSCAL in JSON and YAML).
public indirect enum DataNode: Sendable {
    case scalar(String, SourceLocation)
    /// Key/value pairs in document order; each key keeps its own location.
    case mapping([DataNodePair], SourceLocation)
    case sequence([DataNode], SourceLocation)
    /// JSON `null`, YAML `~` / empty value.
    case null(SourceLocation)

    public var location: SourceLocation {
        switch self {
        case .scalar(_, let l), .mapping(_, let l), .sequence(_, let l), .null(let l): return l
        }
    }

    public var scalar: String? {
        if case .scalar(let s, _) = self { return s }
        return nil
    }

    public var pairs: [DataNodePair]? {
        if case .mapping(let p, _) = self { return p }
        return nil
    }

    public var items: [DataNode]? {
        if case .sequence(let i, _) = self { return i }
        return nil
    }

    /// The value for a key of a mapping (the first one).
    public subscript(key: String) -> DataNode? {
        pairs?.first { $0.key == key }?.value
    }

    /// A short name of the node's type for messages ("a mapping", "a list", …).
    public var typeName: String {
        switch self {
        case .scalar: return "a scalar"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .null: return "null"
        }
    }
}

/// One key of a mapping, with the location of the key itself.
public struct DataNodePair: Sendable {
    public var key: String
    public var keyLocation: SourceLocation
    public var value: DataNode

    public init(key: String, keyLocation: SourceLocation, value: DataNode) {
        self.key = key
        self.keyLocation = keyLocation
        self.value = value
    }
}
