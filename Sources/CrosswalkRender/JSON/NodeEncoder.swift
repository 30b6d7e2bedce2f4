/// `SortedJSONEncoder`'s `Encoder`: turns one value into a `JSONNode`. Containers write into
/// shared boxes, so nested containers fill their parent in place.
final class NodeEncoder: Encoder {
    /// The path to the value's parent and the value's own key: the coding path is only built when
    /// asked for (in an error), not for every value encoded.
    private let parentPath: [any CodingKey]
    private let key: (any CodingKey)?
    var codingPath: [any CodingKey] { key.map { parentPath + [$0] } ?? parentPath }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    /// What the value encoded itself as (nil until a container or a single value was asked for).
    var node: JSONNode?

    init(codingPath: [any CodingKey], key: (any CodingKey)? = nil) {
        parentPath = codingPath
        self.key = key
    }

    /// The node of a value, taking the common leaf types without a nested encoder. The types are
    /// told apart by metatype identity, not by `as?` casts: on Linux a failing cast to `String`
    /// looks up bridging conformances, which cost more than the encoding itself.
    static func node<T: Encodable>(for value: T, codingPath: [any CodingKey] = [], key: (any CodingKey)? = nil) throws -> JSONNode {
        if T.self == String.self { return .string(_identityCast(value, to: String.self)) }
        if T.self == [String].self {
            let box = JSONArrayBox()
            box.items = _identityCast(value, to: [String].self).map(JSONNode.string)
            return .array(box)
        }
        if T.self == Nullable<String>.self { return _identityCast(value, to: Nullable<String>.self).value.map(JSONNode.string) ?? .null }
        if T.self == Int.self { return .int(_identityCast(value, to: Int.self)) }
        if T.self == Bool.self { return .bool(_identityCast(value, to: Bool.self)) }
        if T.self == Double.self { return .double(_identityCast(value, to: Double.self)) }
        if T.self == JSONNumberLiteral.self { return .literal(_identityCast(value, to: JSONNumberLiteral.self).text) }
        let encoder = NodeEncoder(codingPath: codingPath, key: key)
        try value.encode(to: encoder)
        // A value that asked for no container encodes as an empty object (as Foundation's does).
        return encoder.node ?? .object(JSONObjectBox())
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let box: JSONObjectBox
        if case .object(let existing)? = node {
            box = existing
        } else {
            box = JSONObjectBox()
            node = .object(box)
        }
        return KeyedEncodingContainer(KeyedNodeContainer<Key>(box: box, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let box: JSONArrayBox
        if case .array(let existing)? = node {
            box = existing
        } else {
            box = JSONArrayBox()
            node = .array(box)
        }
        return UnkeyedNodeContainer(box: box, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleNodeContainer(encoder: self)
    }
}

/// An object's members.
struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: JSONObjectBox
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { box.set(key.stringValue, .null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { box.set(key.stringValue, .bool(value)) }
    mutating func encode(_ value: String, forKey key: Key) throws { box.set(key.stringValue, .string(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws { box.set(key.stringValue, .double(value)) }
    mutating func encode(_ value: Float, forKey key: Key) throws { box.set(key.stringValue, .double(Double(value))) }
    mutating func encode(_ value: Int, forKey key: Key) throws { box.set(key.stringValue, .int(value)) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { box.set(key.stringValue, .int(Int(value))) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { box.set(key.stringValue, .int(Int(value))) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { box.set(key.stringValue, .int(Int(value))) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { box.set(key.stringValue, .int(Int(value))) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { box.set(key.stringValue, .literal(String(value))) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { box.set(key.stringValue, .int(Int(value))) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { box.set(key.stringValue, .int(Int(value))) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { box.set(key.stringValue, .int(Int(value))) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { box.set(key.stringValue, .literal(String(value))) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        box.set(key.stringValue, try NodeEncoder.node(for: value, codingPath: codingPath, key: key))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONObjectBox()
        box.set(key.stringValue, .object(nested))
        return KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(box: nested, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = JSONArrayBox()
        box.set(key.stringValue, .array(nested))
        return UnkeyedNodeContainer(box: nested, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder { superEncoder(named: "super") }
    mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(named: key.stringValue) }

    /// An encoder whose value becomes the member `name` (an empty object until it encodes).
    private func superEncoder(named name: String) -> any Encoder {
        let nested = JSONObjectBox()
        box.set(name, .object(nested))
        let encoder = NodeEncoder(codingPath: codingPath + [DynamicCodingKey(name)])
        encoder.node = .object(nested)
        return encoder
    }
}

/// An array's elements.
struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let box: JSONArrayBox
    let codingPath: [any CodingKey]
    var count: Int { box.items.count }

    mutating func encodeNil() throws { box.items.append(.null) }
    mutating func encode(_ value: Bool) throws { box.items.append(.bool(value)) }
    mutating func encode(_ value: String) throws { box.items.append(.string(value)) }
    mutating func encode(_ value: Double) throws { box.items.append(.double(value)) }
    mutating func encode(_ value: Int) throws { box.items.append(.int(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        box.items.append(try NodeEncoder.node(for: value, codingPath: codingPath))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONObjectBox()
        box.items.append(.object(nested))
        return KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(box: nested, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = JSONArrayBox()
        box.items.append(.array(nested))
        return UnkeyedNodeContainer(box: nested, codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder {
        let nested = JSONObjectBox()
        box.items.append(.object(nested))
        let encoder = NodeEncoder(codingPath: codingPath)
        encoder.node = .object(nested)
        return encoder
    }
}

/// A single value: the encoder's node itself.
struct SingleNodeContainer: SingleValueEncodingContainer {
    let encoder: NodeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.node = .null }
    mutating func encode(_ value: Bool) throws { encoder.node = .bool(value) }
    mutating func encode(_ value: String) throws { encoder.node = .string(value) }
    mutating func encode(_ value: Double) throws { encoder.node = .double(value) }
    mutating func encode(_ value: Float) throws { encoder.node = .double(Double(value)) }
    mutating func encode(_ value: Int) throws { encoder.node = .int(value) }
    mutating func encode(_ value: Int8) throws { encoder.node = .int(Int(value)) }
    mutating func encode(_ value: Int16) throws { encoder.node = .int(Int(value)) }
    mutating func encode(_ value: Int32) throws { encoder.node = .int(Int(value)) }
    mutating func encode(_ value: Int64) throws { encoder.node = .int(Int(value)) }
    mutating func encode(_ value: UInt) throws { encoder.node = .literal(String(value)) }
    mutating func encode(_ value: UInt8) throws { encoder.node = .int(Int(value)) }
    mutating func encode(_ value: UInt16) throws { encoder.node = .int(Int(value)) }
    mutating func encode(_ value: UInt32) throws { encoder.node = .int(Int(value)) }
    mutating func encode(_ value: UInt64) throws { encoder.node = .literal(String(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        encoder.node = try NodeEncoder.node(for: value, codingPath: codingPath)
    }
}
