import CrosswalkAssess
import CrosswalkModel
import Testing

/// The requirement mapping view (`crosswalk map`), built in Assess from the mapping index.
@Suite("Requirement mapping view")
struct RequirementMappingTests {
    var shipped: Repo.Shipped { Repo.shipped }

    func mapping(_ ref: RequirementRef, to framework: String? = nil, includeInferred: Bool = true) throws -> RequirementMapping {
        RequirementMapping(
            ref: ref, requirement: try #require(shipped.index.requirement(ref)), index: shipped.index, to: framework,
            includeInferred: includeInferred)
    }

    @Test("responsibility, its attestation's title and the AWS services come from the responsibility entry")
    func responsibility() throws {
        let entry = try #require(shipped.mappings.responsibilities.first { $0.attestation != nil && !$0.services.isEmpty })
        let m = try mapping(entry.requirement)
        #expect(m.responsibility == entry)
        #expect(m.inheritedFrom == nil)
        let attestation = try #require(shipped.index.attestation(entry.attestation!))
        #expect(m.attestationTitle == attestation.title)
        #expect(m.services.map(\.use) == entry.services)
        #expect(m.services.allSatisfy { $0.service?.id == $0.use.service })
    }

    @Test("related requirements: links apart from no-relationship rows, each with its title, limited to the framework asked for")
    func related() throws {
        let m = try mapping(RequirementRef("soc2", "PI1.1"), to: "iso27001-2022")
        #expect(!m.unrelated.isEmpty)
        #expect(m.unrelated.allSatisfy { $0.relationship == .noRelationship })
        #expect(m.related.allSatisfy { $0.relationship != .noRelationship })
        #expect((m.related + m.unrelated).allSatisfy { $0.requirement.framework == "iso27001-2022" })
        for r in m.related + m.unrelated {
            #expect(m.titles[r.requirement] == shipped.index.requirement(r.requirement)?.title)
        }
        let all = try mapping(RequirementRef("soc2", "CC6.1"))
        #expect(Set(all.related.map(\.requirement.framework)).count > 1)
        let direct = try mapping(RequirementRef("soc2", "CC6.1"), includeInferred: false)
        #expect(direct.related.allSatisfy { !$0.inferred })
        #expect(all.related.contains { $0.inferred })
    }

    @Test("the customer controls are the index's controls for the requirement, with their links")
    func controls() throws {
        let ref = RequirementRef("soc2", "CC6.1")
        let m = try mapping(ref)
        #expect(!m.controls.isEmpty)
        #expect(m.controls.map(\.control.id) == shipped.index.controls(for: ref).map(\.control.id))
        #expect(m.controls.allSatisfy { $0.link.requirement == ref })
    }
}
