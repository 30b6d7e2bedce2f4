/// "Did you mean" suggestions for misspelt names: framework and requirement ids, control ids,
/// subcommands, keys of a file.
public enum Suggestion {
    /// Edit distance between two strings (Levenshtein, case-insensitive).
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.lowercased()), b = Array(b.lowercased())
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The candidates a mistyped `word` most likely meant, in the candidates' order, at most `limit`:
    /// those with the same letters and digits (`CC61` → `CC6.1`); else those it begins (`iso27001` →
    /// `iso27001-2013`, `iso27001-2022`); else those at the smallest edit distance within a third of
    /// its length (at least 2).
    public static func candidates(for word: String, in candidates: [String], limit: Int = 3) -> [String] {
        func key(_ s: String) -> String { s.lowercased().filter { $0.isLetter || $0.isNumber } }
        let wanted = key(word)
        let same = candidates.filter { key($0) == wanted && $0 != word }
        if !same.isEmpty { return Array(same.prefix(limit)) }
        if wanted.count >= 3 {
            let longer = candidates.filter { key($0).hasPrefix(wanted) }
            if !longer.isEmpty { return Array(longer.prefix(limit)) }
        }
        let bound = max(2, word.count / 3)
        let scored = candidates.map { ($0, distance(word, $0)) }.filter { $0.1 <= bound }
        guard let best = scored.map(\.1).min() else { return [] }
        return Array(scored.filter { $0.1 == best }.map(\.0).prefix(limit))
    }

    /// The closest candidate, if any (the first of `candidates(for:in:)`).
    public static func closest(to word: String, in candidates: [String]) -> String? {
        self.candidates(for: word, in: candidates).first
    }

    /// `" (did you mean 'x'?)"`, `" (did you mean 'x' or 'y'?)"`, or an empty string; `prefix` is
    /// put before each suggestion (`soc2:` for requirement ids).
    public static func hint(for word: String, in candidates: [String], prefix: String = "") -> String {
        let found = self.candidates(for: word, in: candidates).map { "'\(prefix)\($0)'" }
        guard let last = found.last else { return "" }
        let list = found.count == 1 ? last : found.dropLast().joined(separator: ", ") + " or " + last
        return " (did you mean \(list)?)"
    }
}
