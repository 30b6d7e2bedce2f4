import CrosswalkAssess
import CrosswalkModel

/// `gap-report.json`: the assessment's figures and one entry per requirement.
public struct GapReportModel: Encodable, Sendable {
    public struct Period: Encodable, Sendable {
        public var start: String
        public var end: String
    }

    /// The count per status (keys are the statuses) and the coverage.
    public struct Summary: Encodable, Sendable {
        public var counts: [String: Int]
        public var coveragePercent: Double

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: DynamicCodingKey.self)
            for (status, count) in counts { try c.encode(count, forKey: DynamicCodingKey(status)) }
            try c.encode(coveragePercent, forKey: DynamicCodingKey("coveragePercent"))
        }
    }

    public struct Reason: Encodable, Sendable {
        public var code: String
        public var text: String
        public var control: String?
        public var checkId: String?
        public var resource: String?
    }

    public struct Requirement: Encodable, Sendable {
        public var id: String
        public var title: String
        public var kind: String
        public var parent: Nullable<String>
        public var status: String
        public var reasons: [Reason]
        public var responsibility: Nullable<String>
        public var controls: [String]
        public var evidence: [String]
    }

    public var framework: String
    public var title: String
    public var version: String
    public var organisation: String
    public var period: Period
    public var asOf: String
    public var summary: Summary
    public var requirements: [Requirement]

    public init(_ a: Assessment) {
        framework = a.framework.id
        title = a.framework.title
        version = a.framework.version
        organisation = a.scope.organisation
        period = Period(start: a.scope.periodStart, end: a.scope.periodEnd)
        asOf = a.asOf
        let counts = a.counts
        summary = Summary(
            counts: Dictionary(uniqueKeysWithValues: RequirementStatus.allCases.map { ($0.rawValue, counts[$0] ?? 0) }),
            coveragePercent: a.coverage)
        requirements = a.requirements.map { r in
            Requirement(
                id: r.id, title: r.title, kind: r.kind.rawValue, parent: Nullable(r.parent), status: r.status.rawValue,
                reasons: r.reasons.map {
                    Reason(code: $0.code.rawValue, text: $0.text, control: $0.control, checkId: $0.checkID, resource: $0.resource)
                },
                responsibility: Nullable(r.responsibility?.rawValue), controls: r.controls, evidence: r.evidence)
        }
    }
}
