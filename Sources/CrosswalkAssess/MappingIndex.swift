import CrosswalkModel

/// The crosswalk graph: frameworks, their requirements and every mapping between them, indexed for
/// the questions Crosswalk answers — who is responsible for a requirement, which AWS services and
/// customer controls serve it, and what it corresponds to in other frameworks (directly, or
/// inferred through the customer controls that map to both).
public struct MappingIndex: Sendable {
    public let frameworks: [String: Framework]
    public let mappings: MappingSet
    public let services: [String: AWSService]
    public let controls: [String: CustomerControl]

    let parents: [RequirementRef: RequirementRef]
    let children: [RequirementRef: [RequirementRef]]
    let requirements: [RequirementRef: Requirement]
    let responsibilityByRef: [RequirementRef: ResponsibilityEntry]
    /// For each requirement: the controls that map to it, with their link.
    let controlLinks: [RequirementRef: [(control: String, link: ControlMapping)]]
    /// Direct crosswalk links touching each requirement, oriented from it.
    let directLinks: [RequirementRef: [RelatedRequirement]]
    let notCoveredByRef: [RequirementRef: NotCovered]

    public init(frameworks: [Framework], mappings: MappingSet) {
        self.frameworks = Dictionary(uniqueKeysWithValues: frameworks.map { ($0.id, $0) })
        self.mappings = mappings
        services = Dictionary(mappings.services.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        controls = Dictionary(mappings.controls.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

        var parents: [RequirementRef: RequirementRef] = [:]
        var children: [RequirementRef: [RequirementRef]] = [:]
        var requirements: [RequirementRef: Requirement] = [:]
        for framework in frameworks {
            func walk(_ list: [Requirement], parent: RequirementRef?) {
                for r in list {
                    let ref = RequirementRef(framework: framework.id, id: r.id)
                    requirements[ref] = r
                    if let parent {
                        parents[ref] = parent
                        children[parent, default: []].append(ref)
                    }
                    walk(r.children, parent: ref)
                }
            }
            walk(framework.requirements, parent: nil)
        }
        self.parents = parents
        self.children = children
        self.requirements = requirements
        responsibilityByRef = Dictionary(mappings.responsibilities.map { ($0.requirement, $0) }, uniquingKeysWith: { a, _ in a })
        notCoveredByRef = Dictionary(mappings.notCovered.map { ($0.requirement, $0) }, uniquingKeysWith: { a, _ in a })

        var controlLinks: [RequirementRef: [(control: String, link: ControlMapping)]] = [:]
        for control in mappings.controls {
            for link in control.satisfies { controlLinks[link.requirement, default: []].append((control.id, link)) }
        }
        self.controlLinks = controlLinks

        var direct: [RequirementRef: [RelatedRequirement]] = [:]
        for crosswalk in mappings.crosswalks {
            for link in crosswalk.links {
                direct[link.source, default: []].append(
                    RelatedRequirement(
                        requirement: link.target, relationship: link.relationship, strength: link.strength,
                        rationale: link.rationale, inferred: false, path: [], note: link.note))
                direct[link.target, default: []].append(
                    RelatedRequirement(
                        requirement: link.source, relationship: link.relationship.inverse, strength: link.strength,
                        rationale: link.rationale, inferred: false, path: [], note: link.note))
            }
        }
        directLinks = direct
    }

    // MARK: - Requirements

    /// The requirement a reference names, if it exists.
    public func requirement(_ ref: RequirementRef) -> Requirement? { requirements[ref] }

    /// The parent of a requirement, if any.
    public func parent(of ref: RequirementRef) -> RequirementRef? { parents[ref] }

    /// The children of a requirement.
    public func children(of ref: RequirementRef) -> [RequirementRef] { children[ref] ?? [] }

    // MARK: - Responsibility

    /// Who is responsible, from the requirement's own entry or else its nearest ancestor's.
    public func responsibility(for ref: RequirementRef) -> (entry: ResponsibilityEntry, inheritedFrom: RequirementRef?)? {
        if let own = responsibilityByRef[ref] { return (own, nil) }
        var cursor = parents[ref]
        while let c = cursor {
            if let entry = responsibilityByRef[c] { return (entry, c) }
            cursor = parents[c]
        }
        return nil
    }

    /// The requirement's own responsibility entry (no inheritance).
    public func ownResponsibility(for ref: RequirementRef) -> ResponsibilityEntry? { responsibilityByRef[ref] }

    // MARK: - Controls

    /// The customer controls mapped to this requirement, strongest first, then by id.
    public func controls(for ref: RequirementRef) -> [(control: CustomerControl, link: ControlMapping)] {
        (controlLinks[ref] ?? []).compactMap { entry in controls[entry.control].map { ($0, entry.link) } }
            .sorted { ($0.link.relationship, $0.control.id) < ($1.link.relationship, $1.control.id) }
    }

    /// Whether a control maps this requirement, one of its ancestors, or one of its descendants.
    public func isCoveredByControls(_ ref: RequirementRef) -> Bool {
        if controlLinks[ref] != nil { return true }
        var cursor = parents[ref]
        while let c = cursor {
            if controlLinks[c] != nil { return true }
            cursor = parents[c]
        }
        var stack = children[ref] ?? []
        while let next = stack.popLast() {
            if controlLinks[next] != nil { return true }
            stack += children[next] ?? []
        }
        return false
    }

    /// The not-covered entry of a requirement or of its nearest ancestor.
    /// An attestation of Mappings/attestations.yaml by id.
    public func attestation(_ id: String) -> Attestation? {
        mappings.attestations.first { $0.id == id }
    }

    public func notCovered(_ ref: RequirementRef) -> NotCovered? {
        if let own = notCoveredByRef[ref] { return own }
        var cursor = parents[ref]
        while let c = cursor {
            if let entry = notCoveredByRef[c] { return entry }
            cursor = parents[c]
        }
        return nil
    }

    // MARK: - Related requirements

    /// Strength given to a control's link to a requirement (control links carry no number of their
    /// own): how much of the requirement the relationship can stand for.
    public static func strength(of relationship: Relationship) -> Int {
        switch relationship {
        case .equal: return 10
        case .supersetOf: return 9
        case .subsetOf: return 6
        case .intersectsWith: return 4
        case .noRelationship: return 1
        }
    }

    /// Requirements of other frameworks related to this one: direct crosswalk links, then links
    /// inferred through customer controls (A → control → B), never stronger than their weakest link.
    /// A direct link wins over an inferred one for the same pair. Sorted by framework, then id in
    /// natural order. Direct `no-relationship` rows are included (a reviewed "no counterpart" wins
    /// over an inferred link for the same pair); callers that list links keep them apart.
    public func related(to ref: RequirementRef, in framework: String? = nil, includeInferred: Bool = true)
        -> [RelatedRequirement]
    {
        var best: [RequirementRef: RelatedRequirement] = [:]
        for link in directLinks[ref] ?? [] where framework == nil || link.requirement.framework == framework {
            if let current = best[link.requirement], !link.isStronger(than: current) { continue }
            best[link.requirement] = link
        }
        if includeInferred {
            var inferred: [RequirementRef: RelatedRequirement] = [:]
            for (controlID, first) in controlLinks[ref] ?? [] {
                guard let control = controls[controlID] else { continue }
                // ref <first.relationship.inverse> control, control <second.relationship> other
                for second in control.satisfies where second.requirement.framework != ref.framework {
                    if let framework, second.requirement.framework != framework { continue }
                    if best[second.requirement] != nil { continue }  // a direct link wins
                    let relationship = first.relationship.inverse.then(second.relationship)
                    let strength = min(Self.strength(of: first.relationship), Self.strength(of: second.relationship))
                    let candidate = RelatedRequirement(
                        requirement: second.requirement, relationship: relationship, strength: strength,
                        rationale: .functional, inferred: true, path: [controlID], note: "")
                    if let current = inferred[second.requirement] {
                        if candidate.isStronger(than: current) {
                            inferred[second.requirement] = candidate
                        } else if candidate.relationship == current.relationship, candidate.strength == current.strength {
                            var merged = current
                            merged.path = Array(Set(current.path + [controlID])).sorted()
                            inferred[second.requirement] = merged
                        }
                    } else {
                        inferred[second.requirement] = candidate
                    }
                }
            }
            for (key, value) in inferred where best[key] == nil { best[key] = value }
        }
        return best.values.sorted { $0.requirement.naturallyPrecedes($1.requirement) }
    }
}

/// A requirement of another framework related to the one asked about.
public struct RelatedRequirement: Sendable, Hashable {
    public var requirement: RequirementRef
    /// "asked-about requirement is <relationship> this one".
    public var relationship: Relationship
    public var strength: Int
    public var rationale: MatchingRationale
    /// True when derived through customer controls rather than stated in a crosswalk.
    public var inferred: Bool
    /// The controls an inferred link goes through.
    public var path: [String]
    public var note: String

    /// Stronger relationship first, then the higher strength.
    func isStronger(than other: RelatedRequirement) -> Bool {
        (relationship.rank, -strength) < (other.relationship.rank, -other.strength)
    }
}
