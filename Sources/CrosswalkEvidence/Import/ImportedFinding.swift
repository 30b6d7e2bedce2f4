import CrosswalkModel
import Crypto

/// One finding read from a tool's output, before it is stored.
public struct ImportedFinding: Sendable, Hashable {
    // The natural key's parts are constants: `uid` is derived from them once, when the finding is
    // made (for large imports that is on the parsing thread, not the one that stores).
    public let tool: String
    public let checkID: String
    public var title: String
    public let resourceID: String
    public let account: String
    public let region: String
    public var severity: String
    public var result: FindingResult
    /// ISO 8601, as the tool wrote it (normalised to `YYYY-MM-DDTHH:MM:SS` plus fraction/zone if given).
    public var observedAt: String {
        didSet { observedInstant = Timestamp.microseconds(observedAt) }
    }
    /// `observedAt` as an instant (microseconds since 1970 UTC): what decides which observation is
    /// the latest; nil when `observedAt` is not a time (``Timestamp``), which the importers refuse.
    public private(set) var observedInstant: Int64?
    /// Requirements the tool maps the check to, in Crosswalk's notation.
    public var requirements: [RequirementRef]

    /// - Parameter findingID: the tool's own id of the finding, for findings that are not the one
    ///   result of a check on a resource (two Inspector CVEs on one instance are two findings under
    ///   one check id): it joins the natural key. Empty for check results.
    public init(
        tool: String, checkID: String, title: String, resourceID: String, account: String, region: String, severity: String,
        result: FindingResult, observedAt: String, requirements: [RequirementRef], findingID: String = ""
    ) {
        self.tool = tool
        self.checkID = checkID
        self.title = title
        self.resourceID = resourceID
        self.account = account
        self.region = region
        self.severity = severity
        self.result = result
        self.observedAt = observedAt
        self.observedInstant = Timestamp.microseconds(observedAt)
        self.requirements = requirements
        let key = Self.naturalKey(tool, checkID, account, region, resourceID)
        self.uid = Self.uid(tool: tool, naturalKey: findingID.isEmpty ? key : key + "|" + findingID)
    }

    /// The natural key: the same check on the same resource is the same evidence item across scans
    /// (a finding with its own id adds `|` and that id).
    static func naturalKey(_ tool: String, _ check: String, _ account: String, _ region: String, _ resource: String) -> String {
        "\(tool)|\(check)|\(account)|\(region)|\(resource)"
    }

    /// The evidence item's `uid`: the tool and a digest of the natural key (an ARN-long key stored
    /// and indexed for every finding made the store half as large again).
    public let uid: String

    /// The `uid` for a natural key `tool|check|account|region|resource`.
    public static func uid(naturalKey: String) -> String {
        uid(tool: String(decoding: naturalKey.utf8.prefix { $0 != UInt8(ascii: "|") }, as: UTF8.self), naturalKey: naturalKey)
    }

    /// `tool:` and the first 128 bits of the natural key's SHA-256, in hex.
    static func uid(tool: String, naturalKey: String) -> String {
        tool + ":" + EvidenceStore.hex(SHA256.hash(data: Array(naturalKey.utf8)).prefix(16))
    }
}

/// Prowler's framework keys and requirement notation → Crosswalk's framework ids and ids.
public enum ProwlerCompliance {
    /// Prowler's compliance keys (in findings) for the frameworks Crosswalk ships.
    public static let frameworks: [String: String] = [
        "SOC2": "soc2", "ISO27001-2022": "iso27001-2022", "ISO27001-2013": "iso27001-2013", "HIPAA": "hipaa", "GDPR": "gdpr",
    ]

    /// Converts Prowler's id to ours: `cc_6_1` → `CC6.1`, `cc_a_1_1` → `A1.1`, `pi_1_4` → `PI1.4`,
    /// `164_312_a_2_iv` → `164.312(a)(2)(iv)`, `164_308_a_1_ii_b` → `164.308(a)(1)(ii)(B)`,
    /// `article_32` → `Art.32`, `A.8.24` → `A.8.24`. Nil when the notation is not understood.
    public static func requirement(framework: String, id: String) -> String? {
        switch framework {
        case "soc2": return soc2(id)
        case "hipaa": return hipaa(id)
        case "gdpr":
            guard id.hasPrefix("article_"), let n = Int(id.dropFirst("article_".count)) else { return nil }
            return "Art.\(n)"
        case "iso27001-2022", "iso27001-2013": return id.hasPrefix("A.") ? id : nil
        default: return nil
        }
    }

    static func soc2(_ id: String) -> String? {
        var parts = id.lowercased().split(separator: "_").map(String.init)
        guard parts.count >= 3 else { return nil }
        // Prowler writes the additional categories under cc: cc_a_1_1, cc_c_1_1, cc_pi_1_1, cc_p_1_1.
        if parts[0] == "cc", ["a", "c", "pi", "p"].contains(parts[1]) { parts.removeFirst() }
        guard ["cc", "a", "c", "pi", "p"].contains(parts[0]), parts.dropFirst().allSatisfy({ Int($0) != nil }) else { return nil }
        let numbers = parts.dropFirst()
        return parts[0].uppercased() + numbers.joined(separator: ".")
    }

    /// The other ids to try when the first is not a requirement: where Prowler names the paragraph
    /// that states a HIPAA standard (`164_308_a_3_i`) Crosswalk names the standard (`164.308(a)(3)`).
    public static func alternatives(framework: String, id: String) -> [String] {
        if framework == "hipaa", id.hasSuffix("(i)") { return [String(id.dropLast(3))] }
        // Prowler's ISO 27001:2013 mapping names parts of an objective `A.12.4.A`, `A.12.4.B`…: the objective.
        if framework == "iso27001-2013", let last = id.split(separator: ".").last, last.count == 1, last.first!.isUppercase {
            return [String(id.dropLast(2))]
        }
        return []
    }

    static func hipaa(_ id: String) -> String? {
        let parts = id.lowercased().split(separator: "_").map(String.init)
        guard parts.count >= 2, parts[0] == "164", Int(parts[1]) != nil else { return nil }
        var out = "164.\(parts[1])"
        // CFR paragraph levels: (a) letter, (1) number, (ii) roman, (A) upper-case letter.
        for (level, part) in parts.dropFirst(2).enumerated() {
            out += "(" + (level == 3 ? part.uppercased() : part) + ")"
        }
        return out
    }
}
