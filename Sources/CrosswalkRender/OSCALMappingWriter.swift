import CrosswalkModel

/// Writes a crosswalk as an OSCAL 1.2 `mapping-collection`, in JSON or XML. Same crosswalk, same
/// bytes: UUIDs are derived from the content (RFC 9562 version 8), and `last-modified` is the
/// crosswalk's review date, never the clock.
public enum OSCALMappingWriter {
    public static let oscalVersion = "1.2.0"

    /// The OSCAL relationship token for ours (`equal` is OSCAL's `equal-to`).
    public static func token(_ relationship: Relationship) -> String {
        relationship == .equal ? "equal-to" : relationship.rawValue
    }

    /// A content-derived UUID: two FNV-1a hashes of the name, with the version 8 and variant bits set.
    public static func uuid(_ name: String) -> String {
        func fnv(_ seed: UInt64) -> UInt64 {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ seed
            for byte in name.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
            return hash
        }
        var bytes: [UInt8] = []
        for word in [fnv(0), fnv(0x9e37_79b9_7f4a_7c15)] {
            for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8((word >> UInt64(shift)) & 0xff)) }
        }
        bytes[6] = (bytes[6] & 0x0f) | 0x80
        bytes[8] = (bytes[8] & 0x3f) | 0x80
        let hex = bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
        let h = Array(hex)
        return String(h[0..<8]) + "-" + String(h[8..<12]) + "-" + String(h[12..<16]) + "-" + String(h[16..<20]) + "-"
            + String(h[20..<32])
    }

    static func confidence(_ strength: Int) -> String {
        strength == 10 ? "1.0" : "0.\(strength)"
    }

    static func timestamp(_ date: String) -> String { date + "T00:00:00Z" }

    public static func json(_ crosswalk: Crosswalk, lastModified: String, title: String) -> String {
        SortedJSONEncoder.string(OSCALMappingCollection(crosswalk, lastModified: lastModified, title: title))
    }

    /// The rationale most rows use (the first in declaration order on a tie).
    static func dominantRationale(_ crosswalk: Crosswalk) -> MatchingRationale {
        let counts = Dictionary(grouping: crosswalk.links, by: \.rationale).mapValues(\.count)
        return MatchingRationale.allCases.max { (counts[$0] ?? 0, -index($0)) < (counts[$1] ?? 0, -index($1)) } ?? .semantic
    }

    static func index(_ r: MatchingRationale) -> Int { MatchingRationale.allCases.firstIndex(of: r) ?? 0 }

    public static func xml(_ crosswalk: Crosswalk, lastModified: String, title: String) -> String {
        let name = "\(crosswalk.source)--\(crosswalk.target)"
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<mapping-collection xmlns=\"http://csrc.nist.gov/ns/oscal/1.0\" uuid=\"\(uuid(name))\">\n"
        out += "  <metadata>\n"
        out += "    <title>\(escape(title))</title>\n"
        out += "    <last-modified>\(timestamp(lastModified))</last-modified>\n"
        out += "    <version>\(escape(lastModified))</version>\n"
        out += "    <oscal-version>\(oscalVersion)</oscal-version>\n"
        out += "  </metadata>\n"
        out += "  <provenance method=\"human\" matching-rationale=\"\(dominantRationale(crosswalk).rawValue)\" status=\"complete\">\n"
        out += "    <mapping-description>\n      <p>\(escape(crosswalk.provenance))</p>\n    </mapping-description>\n"
        out += "  </provenance>\n"
        out += "  <mapping uuid=\"\(uuid(name + "/mapping"))\">\n"
        out += "    <source-resource type=\"catalog\" href=\"Frameworks/\(escape(crosswalk.source))\"/>\n"
        out += "    <target-resource type=\"catalog\" href=\"Frameworks/\(escape(crosswalk.target))\"/>\n"
        for link in crosswalk.links {
            out += "    <map uuid=\"\(uuid("\(name)/\(link.source.id)/\(link.target.id)"))\" matching-rationale=\"\(link.rationale.rawValue)\">\n"
            out += "      <relationship>\(token(link.relationship))</relationship>\n"
            out += "      <source type=\"control\" id-ref=\"\(escape(link.source.id))\"/>\n"
            out += "      <target type=\"control\" id-ref=\"\(escape(link.target.id))\"/>\n"
            out += "      <confidence-score>\n        <percentage>\(confidence(link.strength))</percentage>\n      </confidence-score>\n"
            if !link.note.isEmpty { out += "      <remarks>\n        <p>\(escape(link.note))</p>\n      </remarks>\n" }
            out += "    </map>\n"
        }
        out += "  </mapping>\n</mapping-collection>\n"
        return out
    }

    static func escape(_ s: String) -> String { XMLText.escape(s) }
}

/// Writes a crosswalk in our own YAML format (docs/mappings.md), e.g. after an OSCAL import.
public enum CrosswalkYAMLWriter {
    public static func yaml(_ crosswalk: Crosswalk, date: String?, comment: String) -> String {
        var out = comment.split(separator: "\n", omittingEmptySubsequences: false).map { "# " + $0 }.joined(separator: "\n") + "\n"
        out += "source: \(quote(crosswalk.source))\n"
        out += "target: \(quote(crosswalk.target))\n"
        if crosswalk.kind != .frameworks { out += "kind: \(crosswalk.kind.rawValue)\n" }
        if let date { out += "date: \(quote(date))\n" }
        out += "provenance: \(quote(crosswalk.provenance))\n"
        out += "maps:\n"
        for link in crosswalk.links {
            out += "  - {source: \(quote(link.source.id)), target: \(quote(link.target.id)), relationship: \(link.relationship.rawValue), "
            out += "rationale: \(link.rationale.rawValue), strength: \(link.strength)"
            if !link.note.isEmpty { out += ", note: \(quote(link.note))" }
            out += "}\n"
        }
        return out
    }

    /// A double-quoted YAML scalar.
    static func quote(_ s: String) -> String { QuotedString.quote(s, escapingTabs: true) }
}
