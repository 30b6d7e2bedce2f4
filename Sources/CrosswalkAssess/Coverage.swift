import CrosswalkModel

/// How completely the mappings cover each framework (`crosswalk validate --coverage`).
public struct FrameworkCoverage: Sendable, Hashable {
    public var framework: String
    public var requirements: Int
    /// With a responsibility of their own or inherited from an ancestor.
    public var withResponsibility: Int
    /// With AWS services named in their (own or inherited) responsibility entry.
    public var withServices: Int
    /// Mapped by at least one customer control directly.
    public var withControls: Int
    /// With at least one direct crosswalk link to another framework (`no-relationship` rows excluded).
    public var withCrosswalkLinks: Int
    /// Requirements that are the customer's or shared.
    public var customerOrShared: Int
    /// Of those: covered by a control (on it, an ancestor or a descendant).
    public var coveredByControls: Int
    /// Of those: listed as deliberately not covered.
    public var listedNotCovered: Int
    /// Customer or shared requirements neither covered nor listed.
    public var uncovered: [String]
    /// Requirements with no responsibility at all.
    public var withoutResponsibility: [String]

    public static func compute(for framework: Framework, index: MappingIndex) -> FrameworkCoverage {
        var c = FrameworkCoverage(
            framework: framework.id, requirements: 0, withResponsibility: 0, withServices: 0, withControls: 0,
            withCrosswalkLinks: 0, customerOrShared: 0, coveredByControls: 0, listedNotCovered: 0, uncovered: [],
            withoutResponsibility: [])
        for requirement in framework.allRequirements {
            let ref = RequirementRef(framework: framework.id, id: requirement.id)
            c.requirements += 1
            if let (entry, _) = index.responsibility(for: ref) {
                c.withResponsibility += 1
                if !entry.services.isEmpty { c.withServices += 1 }
                if entry.responsibility != .aws {
                    c.customerOrShared += 1
                    if index.isCoveredByControls(ref) {
                        c.coveredByControls += 1
                    } else if index.notCovered(ref) != nil {
                        c.listedNotCovered += 1
                    } else {
                        c.uncovered.append(requirement.id)
                    }
                }
            } else {
                c.withoutResponsibility.append(requirement.id)
            }
            if !index.controls(for: ref).isEmpty { c.withControls += 1 }
            // A `no-relationship` row says no counterpart exists: it is not a link.
            if index.related(to: ref, includeInferred: false).contains(where: { !$0.inferred && $0.relationship != .noRelationship }) {
                c.withCrosswalkLinks += 1
            }
        }
        return c
    }

    /// Percentage of `part` in the framework's requirements, one decimal.
    public func percent(_ part: Int, of whole: Int? = nil) -> Double {
        let total = whole ?? requirements
        guard total > 0 else { return 100 }
        return (Double(part) * 1000 / Double(total)).rounded() / 10
    }
}
