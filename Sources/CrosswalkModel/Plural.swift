/// "1 file", "2 files", "1 entry", "3 entries": a count with its noun in the right number.
///
/// - Parameters:
///   - count: how many.
///   - singular: the noun for one ("file", "audit log entry").
///   - plural: the noun for several, when it is not `singular` + "s" (a trailing "y" after a
///     consonant becomes "ies").
public func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(count) \(count == 1 ? singular : plural ?? pluralOf(singular))"
}

/// The regular English plural of a noun (or noun phrase, by its last word).
func pluralOf(_ noun: String) -> String {
    let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
    if noun.hasSuffix("y"), noun.count > 1, !vowels.contains(noun[noun.index(noun.endIndex, offsetBy: -2)]) {
        return noun.dropLast() + "ies"
    }
    if noun.hasSuffix("s") || noun.hasSuffix("x") || noun.hasSuffix("ch") || noun.hasSuffix("sh") { return noun + "es" }
    return noun + "s"
}
