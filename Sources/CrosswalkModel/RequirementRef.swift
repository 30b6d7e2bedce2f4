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
