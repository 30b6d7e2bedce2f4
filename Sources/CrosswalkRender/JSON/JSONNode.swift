/// A JSON value as the report encoder builds it: objects keep their members in the order they were
/// encoded and are written with their keys sorted, so the output never depends on that order.
enum JSONNode {
    case string(String)
    case int(Int)
    case double(Double)
    /// A number literal written as given (`JSONNumberLiteral`).
    case literal(String)
    case bool(Bool)
    case null
    case array(JSONArrayBox)
    case object(JSONObjectBox)
}

/// An array under construction (containers share it by reference while they fill it).
final class JSONArrayBox {
    var items: [JSONNode] = []
}

/// An object under construction; a key encoded twice keeps its last value.
final class JSONObjectBox {
    var members: [(key: String, value: JSONNode)] = []

    func set(_ key: String, _ value: JSONNode) {
        members.append((key, value))
    }

    /// Sorts the members by key, in place (String order: code point order for the ASCII and
    /// NFC keys reports use; the same on every platform). The sort is stable, so of a key encoded
    /// twice the later value comes last.
    func sortMembers() {
        members.sort { $0.key < $1.key }
    }
}
