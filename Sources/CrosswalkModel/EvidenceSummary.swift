/// What an assessment needs to know about the evidence, aggregated: per control, per automated check
/// and per requirement. The store computes it in SQL (cost linear in the evidence, memory small
/// whatever its size); `init(items:asOf:)` computes the same from items in memory.
public struct EvidenceSummary: Sendable, Hashable {
    /// At most this many ids or resources are kept per list (the counts are exact).
    public static let listLimit = 10

    public struct ControlEvidence: Sendable, Hashable {
        /// Accepted and current on the as-of date.
        public var valid: [Int64] = []
        public var validCount = 0
        /// Current but not accepted (submitted or draft).
        public var unaccepted: [Int64] = []
        public var unacceptedCount = 0
        /// Expired, or not yet in effect, on the as-of date.
        public var expiredCount = 0
        /// The latest expiry among the expired ones.
        public var latestExpiry: String?
        public init() {}
    }

    public struct CheckResults: Sendable, Hashable {
        public var passing = 0
        public var failing = 0
        /// Items of passing findings (they count as evidence).
        public var passingIDs: [Int64] = []
        /// Resources the check fails on, in order.
        public var failingResources: [String] = []
        public init() {}
    }

    public var controls: [String: ControlEvidence] = [:]
    public var checks: [String: CheckResults] = [:]
    /// Accepted, current manual evidence linked directly to a requirement.
    public var requirements: [RequirementRef: [Int64]] = [:]

    public init() {}

    /// The summary of items in memory, as of a date.
    public init(items: [EvidenceItem], asOf: String) {
        func cap<T>(_ list: inout [T], _ value: T) { if list.count < Self.listLimit { list.append(value) } }
        for item in items.sorted(by: { $0.id < $1.id }) {
            if let finding = item.finding {
                var results = checks[finding.checkID] ?? CheckResults()
                switch finding.result {
                case .pass:
                    results.passing += 1
                    cap(&results.passingIDs, item.id)
                case .fail:
                    results.failing += 1
                    results.failingResources.append(finding.resourceID)
                case .manual: break
                }
                checks[finding.checkID] = results
                continue
            }
            let current = item.effectiveFrom <= asOf && !item.isExpired(on: asOf)
            for control in item.controls {
                var e = controls[control] ?? ControlEvidence()
                if current && item.status == .accepted {
                    e.validCount += 1
                    cap(&e.valid, item.id)
                } else if current && (item.status == .submitted || item.status == .draft) {
                    e.unacceptedCount += 1
                    cap(&e.unaccepted, item.id)
                } else if !current {
                    e.expiredCount += 1
                    if let expiry = item.expiresAt { e.latestExpiry = max(e.latestExpiry ?? expiry, expiry) }
                }
                controls[control] = e
            }
            if current && item.status == .accepted {
                for ref in item.requirements { requirements[ref, default: []].append(item.id) }
            }
        }
        for key in checks.keys {
            checks[key]!.failingResources.sort()
            checks[key]!.failingResources = Array(checks[key]!.failingResources.prefix(Self.listLimit))
        }
        for key in requirements.keys { requirements[key] = Array(requirements[key]!.prefix(Self.listLimit)) }
    }
}
