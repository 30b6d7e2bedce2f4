/// A requirement named across frameworks: `FRAMEWORK:ID` (`soc2:CC6.1`, `hipaa:164.312(a)(2)(iv)`).
public struct RequirementRef: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var framework: String
    public var id: String

    public init(framework: String, id: String) {
        self.framework = framework
        self.id = id
    }

    /// Parses `FRAMEWORK:ID` (split at the first colon); nil when either side is empty.
    public init?(_ text: String) {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let framework = String(text[..<colon])
        let id = String(text[text.index(after: colon)...])
        guard !framework.isEmpty, !id.isEmpty else { return nil }
        self.init(framework: framework, id: id)
    }

    public var description: String { "\(framework):\(id)" }

    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.framework, lhs.id) < (rhs.framework, rhs.id) }
}

extension String {
    /// Orders identifiers the way people read them: runs of digits compare as numbers
    /// (`A.8.7` < `A.8.24`, `Art.9` < `Art.10`), everything else character by character.
    public func naturallyPrecedes(_ other: String) -> Bool {
        var a = Substring(self), b = Substring(other)
        while let x = a.first, let y = b.first {
            if x.isNumber && y.isNumber {
                let da = a.prefix { $0.isNumber }, db = b.prefix { $0.isNumber }
                let na = Int(da) ?? 0, nb = Int(db) ?? 0
                if na != nb { return na < nb }
                if da.count != db.count { return da.count < db.count }
                a = a.dropFirst(da.count)
                b = b.dropFirst(db.count)
            } else {
                if x != y { return x < y }
                a = a.dropFirst()
                b = b.dropFirst()
            }
        }
        return a.isEmpty && !b.isEmpty
    }
}

extension RequirementRef {
    /// Framework, then id in natural order.
    public func naturallyPrecedes(_ other: RequirementRef) -> Bool {
        framework != other.framework ? framework < other.framework : id.naturallyPrecedes(other.id)
    }
}
