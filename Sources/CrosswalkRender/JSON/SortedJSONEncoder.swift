/// The one JSON encoder of every report: any `Encodable` report model to UTF-8 bytes, with the
/// keys of every object sorted (by code point) and the same layout everywhere — two-space indents,
/// `"key": value`, one element per line, `[]` and `{}` when empty, a final newline. Same model,
/// same bytes, whatever order a model encodes its members in.
///
/// Foundation's `JSONEncoder` is not used for output: on Linux it writes `"key" : value`, and its
/// number formatting differs from ours. Numbers: an `Int` as digits; a `Double` with no fraction
/// (below 10¹⁵) as an integer, otherwise in Swift's shortest form, and `null` when not finite; a
/// `JSONNumberLiteral` as given. `nil` optionals are left out (`encodeIfPresent`); wrap a value
/// in `Nullable` to write `null` instead.
///
/// ## Topics
/// - ``encode(_:)``
/// - ``string(_:)``
/// - ``stream(_:to:)``
public enum SortedJSONEncoder {
    /// The document as UTF-8 bytes.
    public static func encode<T: Encodable>(_ value: T, capacity: Int = 1 << 16) -> [UInt8] {
        var writer = JSONWriter(capacity: capacity)
        write(tree(value), into: &writer)
        return writer.bytes
    }

    /// The document as a string.
    public static func string<T: Encodable>(_ value: T, capacity: Int = 1 << 16) -> String {
        String(decoding: encode(value, capacity: capacity), as: UTF8.self)
    }

    /// The same bytes handed to `sink` in chunks of about 64 KB, for a large document going to a
    /// pipe or a file: the output is never held whole.
    public static func stream<T: Encodable>(_ value: T, to sink: @escaping ([UInt8]) -> Void) {
        var writer = JSONWriter(streamingTo: sink)
        write(tree(value), into: &writer)
        writer.finish()
    }

    /// The value as a tree. Report models do not throw from `encode(to:)` and this encoder never
    /// does, so an error here is a programming error in a model.
    static func tree<T: Encodable>(_ value: T) -> JSONNode {
        do {
            return try NodeEncoder.node(for: value)
        } catch {
            preconditionFailure("a report model failed to encode: \(error)")
        }
    }

    static func write(_ node: JSONNode, into w: inout JSONWriter) {
        switch node {
        case .string(let s): w.value(s)
        case .int(let n): w.value(n)
        case .double(let d): w.value(d)
        case .literal(let l): w.raw(l)
        case .bool(let b): w.value(b)
        case .null: w.null()
        case .array(let box):
            w.beginArray()
            for item in box.items { write(item, into: &w) }
            w.endArray()
        case .object(let box):
            w.beginObject()
            box.sortMembers()
            let members = box.members
            for i in members.indices {
                // Of a key encoded twice, the last value is written.
                if i + 1 < members.count, members[i + 1].key == members[i].key { continue }
                w.key(members[i].key)
                write(members[i].value, into: &w)
            }
            w.endObject()
        }
    }
}

/// A value that is written as `null` when absent, where the key must be present either way
/// (`"parent": null`); a plain optional member is left out instead.
public struct Nullable<Wrapped: Encodable>: Encodable {
    public var value: Wrapped?
    public init(_ value: Wrapped?) { self.value = value }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value { try container.encode(value) } else { try container.encodeNil() }
    }
}

extension Nullable: Sendable where Wrapped: Sendable {}

/// A number written exactly as given (`1.0`, `0.7`: OSCAL's confidence percentages), where the
/// shortest form of a `Double` would differ.
public struct JSONNumberLiteral: Encodable, Sendable {
    public var text: String
    public init(_ text: String) { self.text = text }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

/// A coding key made from any string: for members named by data (a status, a framework id).
public struct DynamicCodingKey: CodingKey {
    public var stringValue: String
    public var intValue: Int? { nil }
    public init(_ string: String) { stringValue = string }
    public init?(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { nil }
}
