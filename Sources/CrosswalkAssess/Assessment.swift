import CrosswalkModel

/// The status of one requirement in an assessment.
public enum RequirementStatus: String, Sendable, Hashable, CaseIterable {
    case met
    case partiallyMet = "partially-met"
    case gap
    /// AWS's part: evidenced by an AWS attestation.
    case inherited
    case notApplicable = "not-applicable"
    case notAssessed = "not-assessed"
}

/// Why a requirement is not (fully) met, or how it is met.
public struct Reason: Sendable, Hashable {
    public enum Code: String, Sendable, Hashable, CaseIterable {
        case noControlMapped = "no-control-mapped"
        case noEvidence = "no-evidence"
        case evidenceExpired = "evidence-expired"
        case evidenceNotAccepted = "evidence-not-accepted"
        case automatedCheckFailing = "automated-check-failing"
        case partialCoverage = "partial-coverage"
        case awsInherited = "aws-inherited"
        case notApplicable = "not-applicable"
        case notCoveredByControlSet = "not-covered-by-control-set"
        /// A requirement whose status comes (in part) from its parts: which of them are not met.
        case partsNotMet = "parts-not-met"
    }

    public var code: Code
    public var text: String
    public var control: String?
    public var checkID: String?
    public var resource: String?

    public init(_ code: Code, _ text: String, control: String? = nil, checkID: String? = nil, resource: String? = nil) {
        self.code = code
        self.text = text
        self.control = control
        self.checkID = checkID
        self.resource = resource
    }
}

/// The assessment of one requirement.
public struct RequirementAssessment: Sendable, Hashable {
    public var id: String
    public var title: String
    public var kind: RequirementKind
    public var parent: String?
    public var status: RequirementStatus
    public var reasons: [Reason]
    public var responsibility: Responsibility?
    public var attestation: String?
    /// Controls mapped to it (own links or, for points of focus and paragraphs without links, the parent's).
    public var controls: [String]
    /// Evidence items that count for it (valid on the as-of date).
    public var evidence: [String]
    /// Whether it has requirements below it.
    public var hasChildren: Bool

    /// Counted in figures: requirements proper, and grouping levels that hold nothing below them
    /// (HIPAA §164.302 is a section with no paragraphs); not SOC 2 points of focus, which describe
    /// what a criterion's controls usually address rather than requirements of their own.
    public var isAssessable: Bool { (!kind.isGrouping || !hasChildren) && kind != .pointOfFocus }
}

/// An assessment of one framework: a pure function of the catalogue, the mappings, the evidence,
/// the scope and an as-of date.
public struct Assessment: Sendable {
    public var framework: Framework
    public var scope: Scope
    public var asOf: String
    public var requirements: [RequirementAssessment]

    public var counts: [RequirementStatus: Int] {
        var out: [RequirementStatus: Int] = [:]
        for r in requirements where r.isAssessable { out[r.status, default: 0] += 1 }
        return out
    }

    /// Met or inherited (partly met counts half), as a share of the applicable, assessed
    /// requirements, in percent (100 when nothing is applicable).
    public var coverage: Double { Self.coverage(requirements.filter(\.isAssessable)) ?? 100 }

    /// Met or inherited (partly met counts half) among the requirements that are applicable and
    /// assessed; nil when there are none.
    static func coverage(_ list: [RequirementAssessment]) -> Double? {
        let applicable = list.filter { $0.status != .notApplicable && $0.status != .notAssessed }
        guard !applicable.isEmpty else { return nil }
        let good = applicable.filter { $0.status == .met || $0.status == .inherited }.count
        let half = applicable.filter { $0.status == .partiallyMet }.count
        return ((Double(good) + Double(half) / 2) * 1000 / Double(applicable.count)).rounded() / 10
    }

    /// Coverage of each top-level group.
    public var groupCoverage: [(id: String, title: String, coverage: Double?, counts: [RequirementStatus: Int])] {
        let byParent = Dictionary(grouping: requirements, by: { $0.parent ?? "" })
        func descendants(_ id: String) -> [RequirementAssessment] {
            (byParent[id] ?? []).flatMap { [$0] + descendants($0.id) }
        }
        let byID = Dictionary(requirements.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return framework.requirements.map { top in
            var list = descendants(top.id).filter(\.isAssessable)
            if list.isEmpty, let own = byID[top.id] { list = [own] }
            var counts: [RequirementStatus: Int] = [:]
            for r in list { counts[r.status, default: 0] += 1 }
            return (top.id, top.title, Self.coverage(list), counts)
        }
    }

    /// The status of a parent from its children: met (or inherited) when every applicable child is;
    /// gap when none is even partly; partially met between; nil when no child is applicable.
    static func rollUp(_ children: [RequirementAssessment]) -> RequirementStatus? {
        let applicable = children.filter { $0.status != .notApplicable }
        guard !applicable.isEmpty else { return nil }
        if applicable.allSatisfy({ $0.status == .inherited }) { return .inherited }
        if applicable.allSatisfy({ $0.status == .met || $0.status == .inherited }) { return .met }
        if applicable.allSatisfy({ $0.status == .notAssessed }) { return .notAssessed }
        if applicable.contains(where: { $0.status == .met || $0.status == .partiallyMet || $0.status == .inherited }) { return .partiallyMet }
        return .gap
    }

    /// Why a requirement that takes its status from its parts is not met: the parts that are not
    /// (nil when all of them are met or not applicable); all of them AWS's when it is inherited.
    static func partsReason(_ parts: [RequirementAssessment], status: RequirementStatus) -> Reason? {
        if status == .inherited { return Reason(.awsInherited, "Every part of it is AWS's part, evidenced by the attestations its parts name.") }
        let open = parts.filter { [.gap, .partiallyMet, .notAssessed].contains($0.status) }
        guard !open.isEmpty, status != .met else { return nil }
        let shown = open.prefix(5).map { "\($0.id) (\($0.status.rawValue))" }.joined(separator: ", ")
        let more = open.count > 5 ? " and \(open.count - 5) more" : ""
        return Reason(.partsNotMet, "Not every part of it is met: \(shown)\(more).")
    }

    /// Assesses with evidence items in memory (summarised first).
    public static func run(
        framework: Framework, index: MappingIndex, evidence: [EvidenceItem], scope: Scope, asOf: String
    ) -> Assessment {
        run(framework: framework, index: index, summary: EvidenceSummary(items: evidence, asOf: asOf), scope: scope, asOf: asOf)
    }

    /// The assessment of `framework` on `asOf`: each requirement's applicability (the scope's
    /// exclusions and categories), then its own status from its controls' evaluations and its
    /// direct evidence, then the roll-up from its parts (see Assessment+Steps.swift).
    public static func run(
        framework: Framework, index: MappingIndex, summary: EvidenceSummary, scope: Scope, asOf: String
    ) -> Assessment {
        var steps = AssessmentSteps(framework: framework, index: index, summary: summary, scope: scope, asOf: asOf)
        return Assessment(framework: framework, scope: scope, asOf: asOf, requirements: steps.walk(framework.requirements, parent: nil))
    }
}
