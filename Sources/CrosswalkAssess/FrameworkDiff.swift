import CrosswalkModel

/// "We meet A: what does B still need?" For every requirement of B, whether A covers it.
public struct FrameworkDiff: Sendable {
    /// How well A covers one requirement of B.
    public enum State: String, Sendable, Hashable, CaseIterable {
        /// A has a requirement equal to it or wider (superset).
        case covered
        /// A's requirements cover part of it (subset or intersecting).
        case partial
        case notCovered = "not-covered"
    }

    public struct Row: Sendable, Hashable {
        public var id: String
        public var title: String
        public var state: State
        /// A's requirements that relate to it, strongest first.
        public var related: [RelatedRequirement]
        /// True when every link behind the state is inferred through controls.
        public var inferred: Bool
        /// When the requirement has no links of its own, the ancestor whose links it takes.
        public var viaParent: String?

        public var relatedIDs: [String] { related.map(\.requirement.id) }
        /// The controls inferred links go through.
        public var controls: [String] { Array(Set(related.flatMap(\.path))).sorted() }
    }

    public var from: String
    public var to: String
    public var directOnly: Bool
    public var rows: [Row]

    public var counts: [State: Int] {
        var out: [State: Int] = [:]
        for row in rows { out[row.state, default: 0] += 1 }
        return out
    }

    /// Share of B's requirements in a state, in percent with one decimal.
    public func percent(_ state: State) -> Double {
        guard !rows.isEmpty else { return 0 }
        return (Double(counts[state] ?? 0) * 1000 / Double(rows.count)).rounded() / 10
    }

    /// Compares every requirement of `to` (not the grouping levels, nor SOC 2 points of focus) with
    /// `from`. A requirement with no link of its own takes the state of its nearest ancestor that has
    /// one (a GDPR point takes its paragraph's).
    public static func compute(from: Framework, to: Framework, index: MappingIndex, directOnly: Bool = false) -> FrameworkDiff {
        var memo: [String: (State, [RelatedRequirement], Bool)?] = [:]
        func own(_ id: String) -> (State, [RelatedRequirement], Bool)? {
            if let cached = memo[id] { return cached }
            let ref = RequirementRef(framework: to.id, id: id)
            let links = index.related(to: ref, in: from.id, includeInferred: !directOnly)
                .filter { $0.relationship != .noRelationship }
                .sorted { ($0.relationship.rank, -$0.strength, $0.requirement.id) < ($1.relationship.rank, -$1.strength, $1.requirement.id) }
            guard !links.isEmpty else {
                memo[id] = .some(nil)
                return nil
            }
            // "to-requirement is <rel> from-requirement": subset-of or equal means A covers all of it.
            let full = links.filter { $0.relationship == .equal || $0.relationship == .subsetOf }
            let state: State = full.isEmpty ? .partial : .covered
            let deciding = full.isEmpty ? links : full
            let result = (state, links, deciding.allSatisfy(\.inferred))
            memo[id] = .some(result)
            return result
        }
        var rows: [Row] = []
        // Points of focus describe what a SOC 2 criterion's controls usually address; the criterion is the requirement.
        for requirement in to.allRequirements where !requirement.kind.isGrouping && requirement.kind != .pointOfFocus {
            var found = own(requirement.id)
            var via: String?
            if found == nil {
                var cursor = index.parent(of: RequirementRef(framework: to.id, id: requirement.id))
                while let c = cursor, found == nil {
                    if let parentResult = own(c.id) {
                        found = parentResult
                        via = c.id
                    }
                    cursor = index.parent(of: c)
                }
            }
            let (state, related, inferred) = found ?? (.notCovered, [], false)
            rows.append(Row(id: requirement.id, title: requirement.title, state: state, related: related, inferred: inferred, viaParent: via))
        }
        return FrameworkDiff(from: from.id, to: to.id, directOnly: directOnly, rows: rows)
    }
}

/// Pairwise coverage of frameworks: the share of B's requirements that A covers fully or partly.
public struct CoverageMatrix: Sendable {
    public var frameworks: [String]
    /// [from][to] → (covered %, partial %).
    public var cells: [String: [String: (covered: Double, partial: Double)]]

    public static func compute(_ frameworks: [Framework], index: MappingIndex, directOnly: Bool = false) -> CoverageMatrix {
        var cells: [String: [String: (covered: Double, partial: Double)]] = [:]
        for a in frameworks {
            for b in frameworks where a.id != b.id {
                let diff = FrameworkDiff.compute(from: a, to: b, index: index, directOnly: directOnly)
                cells[a.id, default: [:]][b.id] = (diff.percent(.covered), diff.percent(.partial))
            }
        }
        return CoverageMatrix(frameworks: frameworks.map(\.id), cells: cells)
    }
}

/// ISO/IEC 27001:2013 → 2022: each old control's fate and the controls new in 2022, from the
/// version crosswalk.
public struct VersionDiff: Sendable {
    public enum Fate: String, Sendable, Hashable, CaseIterable {
        case kept, renamed, merged, split
    }

    public struct Row: Sendable, Hashable {
        public var id: String
        public var title: String
        public var fate: Fate
        public var targets: [String]
        public var note: String
    }

    public var from: String
    public var to: String
    public var rows: [Row]
    /// Requirements of the new edition that no old one maps to: leaves of the kinds the crosswalk
    /// maps to (controls, and clauses where the crosswalk covers them).
    public var new: [(id: String, title: String)]

    /// Nil when no crosswalk joins the two.
    public static func compute(from: Framework, to: Framework, crosswalks: [Crosswalk]) -> VersionDiff? {
        guard let crosswalk = crosswalks.first(where: { $0.kind == .editions && $0.source == from.id && $0.target == to.id }) else { return nil }
        var byID: [String: [CrosswalkLink]] = [:]
        for link in crosswalk.links { byID[link.source.id, default: []].append(link) }
        var rows: [Row] = []
        for requirement in from.allRequirements where byID[requirement.id] != nil {
            let links = byID[requirement.id]!
            let notes = links.map(\.note)
            let fate: Fate
            if links.count > 1 || notes.contains(where: { $0.hasPrefix("split") }) {
                fate = .split
            } else if notes.contains(where: { $0.hasPrefix("merged") }) {
                fate = .merged
            } else if notes.contains(where: { $0.hasPrefix("renamed") }) {
                fate = .renamed
            } else {
                fate = .kept
            }
            rows.append(
                Row(
                    id: requirement.id, title: requirement.title, fate: fate, targets: links.map(\.target.id),
                    note: notes.first ?? ""))
        }
        let reached = Set(crosswalk.links.map(\.target.id))
        let kinds = Set(to.allRequirements.filter { reached.contains($0.id) }.map(\.kind)).subtracting(RequirementKind.grouping)
        let new = to.allRequirements.filter { kinds.contains($0.kind) && $0.children.isEmpty && !reached.contains($0.id) }
            .map { ($0.id, $0.title) }
        return VersionDiff(from: from.id, to: to.id, rows: rows, new: new)
    }
}

extension FrameworkDiff {
    /// Evidence already collected for A that applies to B's covered and partly covered requirements:
    /// items linked to A's related requirements, attached to the controls that meet them, or findings
    /// of those controls' automated checks. By B's requirement id, ids in order.
    public func evidenceReuse(index: MappingIndex, evidence: [EvidenceItem]) -> [String: [String]] {
        var byRequirement: [RequirementRef: Set<Int64>] = [:]
        var byControl: [String: Set<Int64>] = [:]
        var byCheck: [String: Set<Int64>] = [:]
        for item in evidence {
            for ref in item.requirements { byRequirement[ref, default: []].insert(item.id) }
            for control in item.controls { byControl[control, default: []].insert(item.id) }
            if let finding = item.finding { byCheck[finding.checkID, default: []].insert(item.id) }
        }
        var cache: [RequirementRef: Set<Int64>] = [:]
        func applying(to ref: RequirementRef) -> Set<Int64> {
            if let cached = cache[ref] { return cached }
            var ids = byRequirement[ref] ?? []
            for (control, _) in index.controls(for: ref) {
                ids.formUnion(byControl[control.id] ?? [])
                for check in control.prowlerChecks + control.configRules { ids.formUnion(byCheck[check] ?? []) }
            }
            cache[ref] = ids
            return ids
        }
        var out: [String: [String]] = [:]
        for row in rows where row.state != .notCovered {
            var ids: Set<Int64> = []
            for related in row.related { ids.formUnion(applying(to: related.requirement)) }
            if !ids.isEmpty { out[row.id] = ids.sorted().map { "E-\($0)" } }
        }
        return out
    }
}
