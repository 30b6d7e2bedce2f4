/// A double-quoted string literal as Typst and YAML read it: `"` and `\` escaped, line breaks as
/// `\n` and, where the language wants it, tabs as `\t`; everything else as it is.
enum QuotedString {
    static func quote(_ s: String, escapingTabs: Bool) -> String {
        var out = "\""
        for ch in s.unicodeScalars {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t" where escapingTabs: out += "\\t"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out + "\""
    }
}
