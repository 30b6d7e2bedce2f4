import CrosswalkAssess
import CrosswalkModel
import Testing

/// The shipped mappings: complete, consistent, and right on facts that public sources state.
@Suite("Shipped mappings")
struct ShippedMappingTests {
    var shipped: Repo.Shipped { Repo.shipped }

    @Test("the shipped catalogues and mappings load and check without errors, and no control is equal to two requirements of one framework")
    func clean() {
        #expect(!shipped.diagnostics.hasErrors, "\(shipped.diagnostics.errors.prefix(10))")
        let equalTwice = shipped.diagnostics.sorted.filter { $0.message.contains("is equal to both") }
        #expect(equalTwice.isEmpty, "\(equalTwice.prefix(5).map(\.message))")
    }

    @Test("every requirement of every framework has a responsibility")
    func responsibilityEverywhere() {
        for framework in shipped.frameworks {
            let figures = FrameworkCoverage.compute(for: framework, index: shipped.index)
            #expect(figures.withoutResponsibility.isEmpty, "\(framework.id): \(figures.withoutResponsibility.prefix(10))")
            #expect(figures.withResponsibility == figures.requirements)
        }
    }

    @Test("every customer or shared requirement is covered by a control or listed as not covered")
    func coveredOrListed() {
        for framework in shipped.frameworks {
            let figures = FrameworkCoverage.compute(for: framework, index: shipped.index)
            #expect(figures.uncovered.isEmpty, "\(framework.id): \(figures.uncovered.prefix(20))")
        }
    }

    @Test("the control set has 80 to 150 controls, each with evidence, an owner and requirements; most serve several frameworks")
    func controlSet() {
        let controls = shipped.mappings.controls
        #expect((80...150).contains(controls.count), "\(controls.count)")
        var multiFramework = 0
        for control in controls {
            #expect(!control.evidence.isEmpty && !control.owner.isEmpty, "\(control.id)")
            #expect(!control.satisfies.isEmpty, "\(control.id) maps nothing")
            if Set(control.satisfies.map(\.requirement.framework)).count >= 2 { multiFramework += 1 }
        }
        // Collect once, satisfy many: nearly every control counts for more than one framework.
        #expect(Double(multiFramework) >= Double(controls.count) * 0.9, "\(multiFramework) of \(controls.count)")
        #expect(controls.contains { $0.id.hasPrefix("RSK") && $0.frequency == .semiAnnual },
                "the risk assessment is re-evaluated at least twice a year")
    }

    @Test("at least 40 AWS services, including the ones every programme leans on")
    func services() {
        let ids = Set(shipped.mappings.services.map(\.id))
        #expect(ids.count >= 40)
        for id in ["iam", "kms", "cloudtrail", "config", "guardduty", "securityhub", "inspector", "macie", "waf", "vpc",
                   "shield", "network-firewall", "backup", "s3", "artifact", "audit-manager", "organizations",
                   "identity-center", "secrets-manager", "acm", "cloudhsm", "cloudwatch", "systems-manager",
                   "control-tower", "detective", "firewall-manager"] {
            #expect(ids.contains(id), "\(id)")
        }
        #expect(shipped.index.services["inspector"]?.prowler == ["inspector2"])
    }

    @Test("ISO 27001:2013 → 2022: every 2013 Annex A control and clause has a fate, no new 2022 control or clause is a target")
    func isoVersionCrosswalk() throws {
        let crosswalk = try #require(shipped.mappings.crosswalks.first { $0.source == "iso27001-2013" && $0.target == "iso27001-2022" })
        let iso2013 = try #require(shipped.frameworks.first { $0.id == "iso27001-2013" })
        let controls = Set(iso2013.allRequirements.filter { $0.kind == .control }.map(\.id))
        #expect(controls.count == 114)
        let clauses = Set(iso2013.allRequirements.filter { $0.kind == .clause && $0.children.isEmpty }.map(\.id))
        #expect(clauses.count == 26)
        #expect(Set(crosswalk.links.map(\.source.id)) == controls.union(clauses))
        #expect(crosswalk.links.allSatisfy { $0.target.id != "6.3" })  // planning of changes: new in 2022
        let new2022: Set<String> = ["A.5.7", "A.5.23", "A.5.30", "A.7.4", "A.8.9", "A.8.10", "A.8.11", "A.8.12", "A.8.16", "A.8.23", "A.8.28"]
        #expect(crosswalk.links.allSatisfy { !new2022.contains($0.target.id) })
        // Facts from ISO/IEC 27002:2022 Annex B.
        func targets(_ id: String) -> Set<String> { Set(crosswalk.links.filter { $0.source.id == id }.map(\.target.id)) }
        #expect(targets("A.5.1.1") == ["A.5.1"])
        #expect(targets("A.12.4.1") == ["A.8.15"])
        #expect(targets("A.9.4.2") == ["A.8.5"])
        #expect(targets("A.12.6.1") == ["A.8.8"])
        // The 2022 clause structure: 9.2 and 9.3 divided, 10.1 and 10.2 swapped.
        #expect(targets("9.2") == ["9.2", "9.2.1", "9.2.2"])
        #expect(targets("10.1") == ["10.2"] && targets("10.2") == ["10.1"])
    }

    @Test("well-known facts of the shared responsibility model")
    func responsibilityFacts() throws {
        func party(_ framework: String, _ id: String) -> Responsibility? {
            shipped.index.responsibility(for: RequirementRef(framework, id))?.entry.responsibility
        }
        // Physical security of data centres: AWS's part is evidenced by its own reports; a
        // complementary subservice organisation control of SOC 1 is AWS's alone.
        #expect(party("soc2", "CC6.4") == .shared)
        #expect(party("soc1", "CSOC-01") == .aws)
        // The customer has offices and a network room: working in secure areas, their utilities,
        // their protection against environmental threats, deliveries and cabling are shared, like
        // the perimeters and rooms of A.7.1 and A.7.3. No physical control is AWS's alone.
        #expect(party("iso27001-2022", "A.7.6") == .shared && party("iso27001-2013", "A.11.1.5") == .shared)
        #expect(party("iso27001-2022", "A.7.11") == .shared && party("iso27001-2013", "A.11.2.2") == .shared)
        #expect(party("iso27001-2022", "A.7.5") == .shared && party("iso27001-2013", "A.11.1.4") == .shared)
        #expect(party("iso27001-2022", "A.7.12") == .shared && party("iso27001-2013", "A.11.2.3") == .shared)
        #expect(party("iso27001-2022", "A.7.2") == .shared && party("iso27001-2013", "A.11.1.6") == .shared)
        for (framework, prefix) in [("iso27001-2022", "A.7."), ("iso27001-2013", "A.11.")] {
            let physical = shipped.mappings.responsibilities.filter { $0.requirement.framework == framework && $0.requirement.id.hasPrefix(prefix) }
            #expect(!physical.isEmpty && physical.allSatisfy { $0.responsibility != .aws }, "\(framework) \(prefix)")
        }
        // One obligation, one owner across frameworks: workforce training is the customer's,
        // incident response and backup are shared, provisioning of the entity's users is the customer's.
        #expect(party("soc2", "CC1.4") == .customer && party("iso27001-2022", "A.6.3") == .customer
                && party("hipaa", "164.308(a)(5)") == .customer && party("hipaa", "164.308(a)(5)(ii)(B)") == .customer)
        #expect(party("soc2", "CC7.4") == .shared && party("iso27001-2022", "A.5.26") == .shared
                && party("hipaa", "164.308(a)(6)(ii)") == .shared)
        #expect(party("soc2", "CC7.3") == .shared && party("iso27001-2022", "A.5.25") == .shared)
        #expect(party("iso27001-2022", "A.8.13") == .shared && party("hipaa", "164.308(a)(7)(ii)(A)") == .shared)
        #expect(party("soc2", "CC6.2") == .customer && party("soc2", "CC6.3") == .customer
                && party("iso27001-2022", "A.5.18") == .customer && party("iso27001-2013", "A.9.2.2") == .customer)
        #expect(shipped.index.ownResponsibility(for: RequirementRef("soc2", "CC6.4"))?.attestation == "aws-soc2")
        // Governance and risk assessment are the customer's.
        #expect(party("soc2", "CC3.2") == .customer)
        #expect(party("hipaa", "164.308(a)(1)(ii)(A)") == .customer)
        // Vulnerability management: AWS scans its infrastructure, not customer instances.
        #expect(party("iso27001-2022", "A.8.8") == .shared)
        // Encryption of ePHI is configured by the customer, with KMS enforcing.
        let encryption = try #require(shipped.index.responsibility(for: RequirementRef("hipaa", "164.312(a)(2)(iv)")))
        #expect(encryption.entry.responsibility == .customer)
        #expect(encryption.entry.services.contains(ServiceUse(service: "kms", role: .enforces)))
        // SOC 2 points of focus take their criterion's responsibility.
        let pof = try #require(shipped.index.responsibility(for: RequirementRef("soc2", "CC6.4-POF1")))
        #expect(pof.inheritedFrom == RequirementRef("soc2", "CC6.4"))
    }

    @Test("map: a direct crosswalk link wins, and inferred links are marked and never stronger than their links")
    func related() throws {
        let ref = RequirementRef("hipaa", "164.312(a)(2)(iv)")
        let related = shipped.index.related(to: ref)
        let direct = try #require(related.first { $0.requirement == RequirementRef("iso27001-2022", "A.8.24") })
        #expect(!direct.inferred)
        #expect(related.filter { $0.requirement == direct.requirement }.count == 1)
        #expect(related.contains { $0.inferred && !$0.path.isEmpty })
        // Over the whole shipped graph: every inferred link is no stronger than each of its links.
        for framework in shipped.frameworks {
            for requirement in framework.allRequirements {
                let from = RequirementRef(framework.id, requirement.id)
                for link in shipped.index.related(to: from) where link.inferred {
                    for controlID in link.path {
                        let control = try #require(shipped.index.controls[controlID])
                        let first = try #require(control.satisfies.first { $0.requirement == from })
                        let second = try #require(control.satisfies.first { $0.requirement == link.requirement })
                        #expect(link.relationship.rank >= min(first.relationship.rank, second.relationship.rank))
                        #expect(link.strength <= MappingIndex.strength(of: first.relationship))
                        #expect(link.strength <= MappingIndex.strength(of: second.relationship))
                        if link.relationship.coverage == .full {
                            #expect(first.relationship.inverse.coverage == .full && second.relationship.coverage == .full)
                        }
                    }
                }
            }
        }
    }
}
