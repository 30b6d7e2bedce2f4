/// "Did you mean" suggestions for misspelt names.
enum Suggestion {
    /// Edit distance between two strings (Levenshtein, case-insensitive).
    static func distance(_ a: String, _ b: String) -> Int {
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

    /// The closest candidate within a distance that scales with the word, if any.
    static func closest(to word: String, in candidates: [String]) -> String? {
        let limit = max(2, word.count / 3)
        var best: (String, Int)?
        for candidate in candidates {
            let d = distance(word, candidate)
            if d <= limit, best == nil || d < best!.1 { best = (candidate, d) }
        }
        return best?.0
    }

    /// `" (did you mean 'x'?)"` or an empty string.
    static func hint(for word: String, in candidates: [String]) -> String {
        closest(to: word, in: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }
}

extension String {
    /// White space folded: runs of spaces, tabs and line breaks become one space; ends trimmed.
    /// Works on UTF-8 bytes (only ASCII white space folds), so it is cheap on long prose.
    var folded: String {
        var copy = self
        return copy.withUTF8 { buffer -> String in
            var needsWork = false
            var previousSpace = true
            for b in buffer {
                let space = b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D
                if space && (b != 0x20 || previousSpace) { needsWork = true; break }
                previousSpace = space
            }
            if !needsWork && !previousSpace { return self }
            return String(unsafeUninitializedCapacity: buffer.count) { out in
                var n = 0
                var pendingSpace = false
                for b in buffer {
                    if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D {
                        pendingSpace = n > 0
                    } else {
                        if pendingSpace { out[n] = 0x20; n += 1; pendingSpace = false }
                        out[n] = b
                        n += 1
                    }
                }
                return n
            }
        }
    }
}
