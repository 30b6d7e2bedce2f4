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

    /// The members by key, compared as UTF-8 bytes (Unicode code point order): the same on every
    /// platform. The sort is stable, so of a key encoded twice the last value is kept.
    var sortedMembers: [(key: String, value: JSONNode)] {
        let sorted = members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        var out: [(key: String, value: JSONNode)] = []
        out.reserveCapacity(sorted.count)
        for member in sorted {
            if let last = out.last, last.key == member.key { out[out.count - 1] = member } else { out.append(member) }
        }
        return out
    }
}
