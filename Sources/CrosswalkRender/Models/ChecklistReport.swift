import CrosswalkAssess
import CrosswalkModel

/// `crosswalk checklist --format json`: one entry per customer control, then one per
/// AWS-inherited requirement.
public struct ChecklistReport: Encodable, Sendable {
    public struct LatestEvidence: Encodable, Sendable {
        public var id: String
        public var date: String
        public var status: String
    }

    public struct Control: Encodable, Sendable {
        public var control: String
        public var title: String
        /// Requirement ids per framework of the checklist.
        public var requirements: [String: [String]]
        public var evidenceExpected: [String]
        public var owner: String
        public var frequency: String
        public var nextDue: String
        public var latestEvidence: Nullable<LatestEvidence>
        public var failing: [String]
        public var state: String
    }

    public struct Inherited: Encodable, Sendable {
        public var awsInherited: String
        public var title: String
        public var attestation: String
        public var state: String
    }

    public enum Entry: Encodable, Sendable {
        case control(Control)
        case inherited(Inherited)

        public func encode(to encoder: any Encoder) throws {
            switch self {
            case .control(let c): try c.encode(to: encoder)
            case .inherited(let i): try i.encode(to: encoder)
            }
        }
    }

    public var entries: [Entry]

    public init(_ checklist: Checklist) {
        entries = checklist.rows.map { row in
            var requirements: [String: [String]] = [:]
            for fw in checklist.frameworks { if let ids = row.requirements[fw] { requirements[fw] = ids } }
            return .control(
                Control(
                    control: row.control.id, title: row.control.title, requirements: requirements,
                    evidenceExpected: row.control.evidence.map { "\($0.kind.rawValue): \($0.description)" }, owner: row.control.owner,
                    frequency: row.control.frequency.rawValue, nextDue: row.nextDue,
                    latestEvidence: Nullable(row.latestEvidence.map { LatestEvidence(id: $0.displayID, date: $0.effectiveTo ?? $0.effectiveFrom, status: $0.status.rawValue) }),
                    failing: row.failing, state: row.state.rawValue))
        }
        entries += checklist.inherited.map {
            .inherited(Inherited(awsInherited: $0.requirement.description, title: $0.title, attestation: $0.attestation?.title ?? "", state: "inherited"))
        }
    }

    /// The report is the array of entries.
    public func encode(to encoder: any Encoder) throws {
        try entries.encode(to: encoder)
    }
}
