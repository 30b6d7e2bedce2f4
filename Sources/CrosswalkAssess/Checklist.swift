import CrosswalkModel

/// The evidence checklist a compliance team hands to control owners before an audit: one row per
/// customer control the chosen frameworks need (collect once, satisfy many), with its evidence state;
/// and the AWS-inherited requirements with the AWS attestation to download.
public struct Checklist: Sendable {
    public enum State: String, Sendable, Hashable, CaseIterable {
        /// Current evidence is in the store and no automated check of the control fails.
        case collected
        /// No evidence, or only rejected or draft evidence.
        case missing
        /// The latest evidence has expired.
        case expired
        /// An automated check of the control fails on some resource (a FAIL outweighs any PASS).
        case failing
    }

    public struct Row: Sendable, Hashable {
        public var control: CustomerControl
        /// The requirements it satisfies, per chosen framework (ids in natural order).
        public var requirements: [String: [String]]
        public var latestEvidence: EvidenceItem?
        /// Failing automated findings of its checks: "check on resource".
        public var failing: [String]
        public var state: State
        /// YYYY-MM-DD: the latest evidence's date plus the control's frequency, or the as-of date when none.
        public var nextDue: String
    }

    public struct Inherited: Sendable, Hashable {
        public var requirement: RequirementRef
        public var title: String
        public var attestation: Attestation?
        public var rationale: String
    }

    public var frameworks: [String]
    public var asOf: String
    public var rows: [Row]
    public var inherited: [Inherited]

    public var counts: [State: Int] {
        var out: [State: Int] = [:]
        for row in rows { out[row.state, default: 0] += 1 }
        return out
    }

    /// - Parameters:
    ///   - evidence: every item in the store (manual items and automated findings).
    ///   - asOf: the day the checklist is for (YYYY-MM-DD).
    public static func build(frameworks: [Framework], index: MappingIndex, evidence: [EvidenceItem], asOf: String) -> Checklist {
        let chosen = Set(frameworks.map(\.id))
        var byControl: [String: [EvidenceItem]] = [:]
        var byCheck: [String: [EvidenceItem]] = [:]
        for item in evidence {
            for control in item.controls { byControl[control, default: []].append(item) }
            if let finding = item.finding { byCheck[finding.checkID, default: []].append(item) }
        }
        var rows: [Row] = []
        for control in index.mappings.controls.sorted(by: { $0.id.naturallyPrecedes($1.id) }) {
            var requirements: [String: [String]] = [:]
            for link in control.satisfies where chosen.contains(link.requirement.framework) {
                requirements[link.requirement.framework, default: []].append(link.requirement.id)
            }
            guard !requirements.isEmpty else { continue }
            for key in requirements.keys { requirements[key]!.sort { $0.naturallyPrecedes($1) } }

            let manual = (byControl[control.id] ?? []).filter { $0.status != .rejected && $0.status != .draft }
            let findings = (control.prowlerChecks + control.configRules).flatMap { byCheck[$0] ?? [] }
            let failing = findings.filter { $0.finding?.result == .fail }.map { "\($0.finding!.checkID) on \($0.finding!.resourceID)" }.sorted()
            let candidates = manual + findings.filter { $0.finding?.result == .pass }
            // The latest evidence: the most recent audit window, then the latest added.
            let latest = candidates.max { a, b in
                ((a.effectiveTo ?? a.effectiveFrom), a.addedAt, a.id) < ((b.effectiveTo ?? b.effectiveFrom), b.addedAt, b.id)
            }
            let state: State
            if !failing.isEmpty {
                state = .failing
            } else if let latest {
                state = latest.isExpired(on: asOf) ? .expired : .collected
            } else {
                state = .missing
            }
            let nextDue = latest.map { last in
                let start = last.effectiveTo ?? last.effectiveFrom
                return ISODate.adding(control.frequency.days, to: start) ?? start
            } ?? asOf
            rows.append(Row(control: control, requirements: requirements, latestEvidence: latest, failing: failing, state: state, nextDue: nextDue))
        }
        var inherited: [Inherited] = []
        for framework in frameworks {
            for requirement in framework.allRequirements where !requirement.kind.isGrouping {
                let ref = RequirementRef(framework: framework.id, id: requirement.id)
                guard let entry = index.ownResponsibility(for: ref), entry.responsibility == .aws else { continue }
                inherited.append(
                    Inherited(
                        requirement: ref, title: requirement.title, attestation: entry.attestation.flatMap(index.attestation),
                        rationale: entry.rationale))
            }
        }
        return Checklist(frameworks: frameworks.map(\.id), asOf: asOf, rows: rows, inherited: inherited)
    }
}
