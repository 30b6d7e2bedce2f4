import CrosswalkModel

/// A control's state on the as-of date: the first step of an assessment, the same for every
/// requirement the control maps.
public struct ControlEvaluation: Sendable, Hashable {
    /// It has valid evidence (accepted, current manual items or passing checks) and no failing check.
    public var effective: Bool
    /// Why it is not effective (a failing check, unaccepted or expired evidence, none at all).
    public var reasons: [Reason]
    /// The evidence that counts for it, as `E-n`, in id order.
    public var evidence: [String]

    /// Evaluates a control from the store's summary.
    public static func evaluate(_ control: CustomerControl, summary: EvidenceSummary, asOf: String) -> ControlEvaluation {
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
        return ControlEvaluation(effective: !valid.isEmpty && !failing, reasons: reasons, evidence: Array(Set(valid)).sorted().map { "E-\($0)" })
    }
}

/// Whether a requirement applies: the second step.
public enum Applicability {
    /// Why `requirement` does not apply, or nil when it does: the scope excludes it or an ancestor
    /// (with the scope's justification), or it sits under a category (the catalogue's `category`
    /// attribute on it or an ancestor, as SOC 2's categories) that the scope leaves out. A category
    /// in `alwaysInScope` (marked `category-always-in-scope` in the catalogue: SOC 2's security) always applies.
    public static func notApplicableReason(
        _ requirement: Requirement, framework: Framework, parents: [String: String?], byID: [String: Requirement], scope: Scope,
        alwaysInScope: Set<String>
    ) -> String? {
        var cursor: String? = requirement.id
        while let id = cursor {
            if let why = scope.notApplicable[RequirementRef(framework: framework.id, id: id)] { return why }
            cursor = parents[id] ?? nil
        }
        guard let category = category(of: requirement, parents: parents, byID: byID), !alwaysInScope.contains(category),
            !scope.soc2Categories.contains(category)
        else { return nil }
        return "The SOC 2 \(category) category is not in scope."
    }

    /// The nearest `category` attribute at or above a requirement.
    static func category(of requirement: Requirement, parents: [String: String?], byID: [String: Requirement]) -> String? {
        var node: Requirement? = requirement
        while let current = node {
            if let category = current.attribute("category") { return category }
            node = (parents[current.id] ?? nil).flatMap { byID[$0] }
        }
        return nil
    }
}

/// The assessment's walk over a framework's tree: applicability, then each requirement's own
/// status from its controls and direct evidence, then the roll-up from its parts.
struct AssessmentSteps {
    let framework: Framework
    let index: MappingIndex
    let summary: EvidenceSummary
    let scope: Scope
    let asOf: String
    let parents: [String: String?]
    /// Every requirement by id, for walking up to an ancestor.
    let byID: [String: Requirement]
    /// The catalogue's categories that are always in scope.
    let alwaysInScope: Set<String>
    /// Each control is evaluated once, whatever number of requirements it maps.
    var evaluations: [String: ControlEvaluation] = [:]

    init(framework: Framework, index: MappingIndex, summary: EvidenceSummary, scope: Scope, asOf: String) {
        self.framework = framework
        self.index = index
        self.summary = summary
        self.scope = scope
        self.asOf = asOf
        parents = framework.parentIndex
        byID = Dictionary(framework.allRequirements.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        alwaysInScope = Set(framework.scopeCategories.filter(\.alwaysInScope).map(\.name))
    }

    mutating func evaluation(_ control: CustomerControl) -> ControlEvaluation {
        if let known = evaluations[control.id] { return known }
        let result = ControlEvaluation.evaluate(control, summary: summary, asOf: asOf)
        evaluations[control.id] = result
        return result
    }

    /// A requirement on its own, before its parts are looked at.
    mutating func assess(_ requirement: Requirement, parent: String?) -> RequirementAssessment {
        let fw = framework.id
        let ref = RequirementRef(framework: fw, id: requirement.id)
        let responsibility = index.responsibility(for: ref)?.entry
        var a = RequirementAssessment(
            id: requirement.id, title: requirement.title, kind: requirement.kind, parent: parent, status: .notAssessed,
            reasons: [], responsibility: responsibility?.responsibility, attestation: responsibility?.attestation, controls: [],
            evidence: [], hasChildren: !requirement.children.isEmpty)
        if let why = Applicability.notApplicableReason(
            requirement, framework: framework, parents: parents, byID: byID, scope: scope, alwaysInScope: alwaysInScope) {
            a.status = .notApplicable
            a.reasons = [Reason(.notApplicable, why)]
            return a
        }
        if responsibility?.responsibility == .aws {
            a.status = .inherited
            let attestation = responsibility?.attestation.flatMap(index.attestation)?.title ?? "an AWS attestation"
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
            let s = evaluation(control)
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

    /// A requirement's status once its parts are known: groups (and requirements no control maps
    /// by themselves, as HIPAA §164.306(a)) take their parts' roll-up; a requirement met by its own
    /// controls is only partly met while parts below it are not, and one whose own controls fail is
    /// partly met when parts below it are met.
    static func combine(_ own: RequirementAssessment, requirement: Requirement, parts: [RequirementAssessment]) -> RequirementAssessment {
        var own = own
        guard !requirement.children.isEmpty else { return own }
        let unmapped = own.reasons.contains { $0.code == .noControlMapped }
        if requirement.kind.isGrouping || unmapped {
            if own.status != .notApplicable, let rolled = Assessment.rollUp(parts) {
                own.status = rolled
                own.reasons = Assessment.partsReason(parts, status: rolled).map { [$0] } ?? []
            } else if own.status != .notApplicable {
                own.status = .notApplicable
                own.reasons = [Reason(.notApplicable, "None of its parts applies.")]
            }
        } else if own.status == .met || own.status == .gap, let rolled = Assessment.rollUp(parts) {
            if own.status == .met && (rolled == .gap || rolled == .partiallyMet) {
                own.status = .partiallyMet
                own.reasons = Assessment.partsReason(parts, status: rolled).map { [$0] } ?? []
            } else if own.status == .gap && (rolled == .met || rolled == .partiallyMet || rolled == .inherited) {
                own.status = .partiallyMet
                if let reason = Assessment.partsReason(parts, status: rolled) { own.reasons.append(reason) }
            }
        }
        return own
    }

    /// Every requirement below `list`, parents before their parts.
    mutating func walk(_ list: [Requirement], parent: String?) -> [RequirementAssessment] {
        var out: [RequirementAssessment] = []
        for requirement in list {
            let own = assess(requirement, parent: parent)
            let below = walk(requirement.children, parent: requirement.id)
            out.append(Self.combine(own, requirement: requirement, parts: below.filter { $0.parent == requirement.id }))
            out += below
        }
        return out
    }
}
