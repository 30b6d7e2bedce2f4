/// An evidence item's id as people write it: `E-12` (or `12`), shown as `E-12`.
public struct EvidenceID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The store's number for the item (1, 2, …).
    public var number: Int64

    public init(_ number: Int64) { self.number = number }

    /// `E-12`, `e-12` or `12`; nil for anything else (0, negative, other text).
    public init?(_ text: String) {
        let digits = text.hasPrefix("E-") || text.hasPrefix("e-") ? text.dropFirst(2) : Substring(text)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int64(digits), number > 0 else { return nil }
        self.number = number
    }

    public var description: String { "E-\(number)" }

    public static func < (a: EvidenceID, b: EvidenceID) -> Bool { a.number < b.number }
}
