import CrosswalkModel

/// The mapping view of one requirement (`crosswalk map FRAMEWORK:ID`): its responsibility and
/// attestation, AWS services, customer controls, and the requirements of other frameworks related
/// to it, split into links and reviewed rows with no counterpart. Render formats it.
public struct RequirementMapping: Sendable {
    public var ref: RequirementRef
    public var requirement: Requirement
    public var responsibility: ResponsibilityEntry?
    public var inheritedFrom: RequirementRef?
    public var services: [(service: AWSService?, use: ServiceUse)]
    public var controls: [(control: CustomerControl, link: ControlMapping)]
    public var related: [RelatedRequirement]
    /// Requirements a crosswalk reviewed and found to have no counterpart here (`no-relationship`
    /// rows): kept apart from `related`, since they are statements that no link exists.
    public var unrelated: [RelatedRequirement]
    /// Titles of the related requirements, by reference.
    public var titles: [RequirementRef: String]
    /// The title of the responsibility's attestation (Mappings/attestations.yaml).
    public var attestationTitle: String?

    /// Gathers everything the index knows about one requirement.
    public init(ref: RequirementRef, requirement: Requirement, index: MappingIndex, to framework: String?, includeInferred: Bool = true) {
        self.ref = ref
        self.requirement = requirement
        let found = index.responsibility(for: ref)
        responsibility = found?.entry
        inheritedFrom = found?.inheritedFrom
        services = (found?.entry.services ?? []).map { (index.services[$0.service], $0) }
        controls = index.controls(for: ref)
        let all = index.related(to: ref, in: framework, includeInferred: includeInferred)
        related = all.filter { $0.relationship != .noRelationship }
        unrelated = all.filter { $0.relationship == .noRelationship }
        var titles: [RequirementRef: String] = [:]
        for r in all { titles[r.requirement] = index.requirement(r.requirement)?.title ?? "" }
        self.titles = titles
        attestationTitle = found?.entry.attestation.flatMap(index.attestation)?.title
    }
}
