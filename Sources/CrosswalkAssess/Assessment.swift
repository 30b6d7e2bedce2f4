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

    public static func run(
        framework: Framework, index: MappingIndex, summary: EvidenceSummary, scope: Scope, asOf: String
    ) -> Assessment {
        let fw = framework.id

        /// The state of a control on the as-of date.
        struct ControlState {
            var effective: Bool
            var reasons: [Reason]
            var evidence: [String]
        }
        var controlStates: [String: ControlState] = [:]
        func state(of control: CustomerControl) -> ControlState {
            if let known = controlStates[control.id] { return known }
            var reasons: [Reason] = []
            let manual = summary.controls[control.id] ?? EvidenceSummary.ControlEvidence()
            var passing: [Int64] = []
            var failing = false
            for check in (control.prowlerChecks + control.configRules).sorted() {
                guard let results = summary.checks[check] else { continue }
                passing += results.passingIDs
                if results.failing > 0 {
                    failing = true
                    let shown = results.failingResources.prefix(3).joined(separator: ", ")
                    let more = results.failing > 3 ? " and \(results.failing - 3) more" : ""
                    reasons.append(
                        Reason(
                            .automatedCheckFailing, "\(check) fails on \(results.failing == 1 ? "" : "\(results.failing) resources: ")\(shown)\(more)",
                            control: control.id, checkID: check, resource: results.failingResources.first))
                }
            }
            let valid = manual.valid + passing
            if valid.isEmpty {
                if manual.unacceptedCount > 0 {
                    let ids = manual.unaccepted.map { "E-\($0)" }.joined(separator: ", ")
                    reasons.append(Reason(.evidenceNotAccepted, "\(control.id): evidence \(ids) is not accepted yet", control: control.id))
                } else if manual.expiredCount > 0 {
                    reasons.append(
                        Reason(.evidenceExpired, "\(control.id): its evidence expired (\(manual.latestExpiry ?? "")) or starts after \(asOf)", control: control.id))
                } else if !failing {
                    reasons.append(Reason(.noEvidence, "\(control.id): no evidence collected", control: control.id))
                }
            }
            let result = ControlState(
                effective: !valid.isEmpty && !failing, reasons: reasons, evidence: Array(Set(valid)).sorted().map { "E-\($0)" })
            controlStates[control.id] = result
            return result
        }

        let parents = framework.parentIndex
        var results: [RequirementAssessment] = []
        func notApplicableReason(_ requirement: Requirement) -> String? {
            var cursor: String? = requirement.id
            while let id = cursor {
                if let why = scope.notApplicable[RequirementRef(framework: fw, id: id)] { return why }
                cursor = parents[id] ?? nil
            }
            if fw == "soc2", let category = requirement.attribute("category") ?? parentCategory(requirement.id),
                category != "security", !scope.soc2Categories.contains(category)
            {
                return "The SOC 2 \(category) category is not in scope."
            }
            return nil
        }
        func parentCategory(_ id: String) -> String? {
            var cursor = parents[id] ?? nil
            while let c = cursor {
                if let category = framework.requirement(c)?.attribute("category") { return category }
                cursor = parents[c] ?? nil
            }
            // Category nodes (A, C, PI, P) name their category by id.
            let top = { () -> String in
                var id = id
                while let p = parents[id] ?? nil { id = p }
                return id
            }()
            return ["CC": "security", "A": "availability", "C": "confidentiality", "PI": "processing-integrity", "P": "privacy"][top]
        }

        func assess(_ requirement: Requirement, parent: String?) -> RequirementAssessment {
            let ref = RequirementRef(framework: fw, id: requirement.id)
            let responsibility = index.responsibility(for: ref)?.entry
            var a = RequirementAssessment(
                id: requirement.id, title: requirement.title, kind: requirement.kind, parent: parent, status: .notAssessed,
                reasons: [], responsibility: responsibility?.responsibility, attestation: responsibility?.attestation, controls: [],
                evidence: [], hasChildren: !requirement.children.isEmpty)
            if let why = notApplicableReason(requirement) {
                a.status = .notApplicable
                a.reasons = [Reason(.notApplicable, why)]
                return a
            }
            if responsibility?.responsibility == .aws {
                a.status = .inherited
                let attestation = responsibility?.attestation.flatMap(Attestation.named)?.title ?? "an AWS attestation"
                a.reasons = [Reason(.awsInherited, "AWS's part, evidenced by \(attestation)")]
                return a
            }
            // The controls that map it, or its nearest mapped ancestor's.
            var links = index.controls(for: ref)
            var cursor = parents[requirement.id] ?? nil
            while links.isEmpty, let c = cursor {
                links = index.controls(for: RequirementRef(framework: fw, id: c))
                cursor = parents[c] ?? nil
            }
            a.controls = links.map(\.control.id)
            let direct = (summary.requirements[ref] ?? []).map { "E-\($0)" }
            if links.isEmpty && direct.isEmpty {
                if let listed = index.notCovered(ref) {
                    a.status = .notAssessed
                    a.reasons = [Reason(.notCoveredByControlSet, listed.reason)]
                } else {
                    a.status = .gap
                    a.reasons = [Reason(.noControlMapped, "No customer control is mapped to it.")]
                }
                return a
            }
            var fullEffective = !direct.isEmpty
            var anyEffective = !direct.isEmpty
            var failing = false
            a.evidence = direct
            for (control, link) in links {
                let s = state(of: control)
                a.reasons += s.reasons
                a.evidence += s.evidence
                if s.reasons.contains(where: { $0.code == .automatedCheckFailing }) { failing = true }
                if s.effective {
                    anyEffective = true
                    if link.relationship.coverage == .full { fullEffective = true }
                }
            }
            a.evidence = Array(Set(a.evidence)).sorted { (Int($0.dropFirst(2)) ?? 0) < (Int($1.dropFirst(2)) ?? 0) }
            if fullEffective && !failing {
                a.status = .met
                a.reasons = []
            } else if anyEffective {
                a.status = .partiallyMet
                if !fullEffective {
                    a.reasons.insert(Reason(.partialCoverage, "Its effective controls cover it only in part (subset or intersecting)."), at: 0)
                }
            } else {
                a.status = .gap
            }
            return a
        }

        func walk(_ list: [Requirement], parent: String?) -> [RequirementAssessment] {
            var out: [RequirementAssessment] = []
            for requirement in list {
                var own = assess(requirement, parent: parent)
                let children = walk(requirement.children, parent: requirement.id)
                // Groups roll up from their children; so does a requirement no control maps by itself
                // (HIPAA §164.306(a) is met through its paragraphs (1)–(4)).
                let unmapped = own.reasons.contains { $0.code == .noControlMapped }
                let direct = children.filter { $0.parent == requirement.id }
                if !requirement.children.isEmpty && (requirement.kind.isGrouping || unmapped) {
                    if own.status != .notApplicable, let rolled = Self.rollUp(direct) {
                        own.status = rolled
                        own.reasons = Self.partsReason(direct, status: rolled).map { [$0] } ?? []
                    } else if own.status != .notApplicable {
                        own.status = .notApplicable
                        own.reasons = [Reason(.notApplicable, "None of its parts applies.")]
                    }
                } else if !requirement.children.isEmpty, own.status == .met || own.status == .gap, let rolled = Self.rollUp(direct) {
                    // A requirement met by its own controls is only partly met while parts below it are not,
                    // and one whose own controls fail is partly met when parts below it are met.
                    if own.status == .met && (rolled == .gap || rolled == .partiallyMet) {
                        own.status = .partiallyMet
                        own.reasons = Self.partsReason(direct, status: rolled).map { [$0] } ?? []
                    } else if own.status == .gap && (rolled == .met || rolled == .partiallyMet || rolled == .inherited) {
                        own.status = .partiallyMet
                        if let parts = Self.partsReason(direct, status: rolled) { own.reasons.append(parts) }
                    }
                }
                out.append(own)
                out += children
            }
            return out
        }
        results = walk(framework.requirements, parent: nil)
        return Assessment(framework: framework, scope: scope, asOf: asOf, requirements: results)
    }
}
