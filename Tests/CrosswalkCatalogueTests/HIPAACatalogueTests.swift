import Testing
import CrosswalkModel

/// Structure of the shipped HIPAA Security Rule catalogue (`Frameworks/hipaa.yaml`), checked against
/// lists typed here from the primary source: 45 CFR Part 164, Subpart C (§§ 164.302–164.318) as in
/// force on eCFR, and Appendix A to Subpart C (Security Standards: Matrix).
@Suite("HIPAA Security Rule catalogue")
struct HIPAACatalogueTests {
    struct Section: Sendable {
        let id: String
        let title: String
    }

    struct Standard: Sendable {
        let id: String
        let title: String
        let section: String
    }

    struct Spec: Sendable {
        let title: String
        let standard: String
    }

    // MARK: Expected content, typed from the rule

    /// §§ 164.302–164.318, in order.
    static let sections: [Section] = [
        Section(id: "164.302", title: "Applicability"),
        Section(id: "164.304", title: "Definitions"),
        Section(id: "164.306", title: "Security standards: General rules"),
        Section(id: "164.308", title: "Administrative safeguards"),
        Section(id: "164.310", title: "Physical safeguards"),
        Section(id: "164.312", title: "Technical safeguards"),
        Section(id: "164.314", title: "Organizational requirements"),
        Section(id: "164.316", title: "Policies and procedures and documentation requirements"),
        Section(id: "164.318", title: "Compliance dates for the initial implementation of the security standards"),
    ]

    /// § 164.306 paragraphs: id → parent.
    static let generalRuleParagraphs: [String: String] = [
        "164.306(a)": "164.306",
        "164.306(a)(1)": "164.306(a)",
        "164.306(a)(2)": "164.306(a)",
        "164.306(a)(3)": "164.306(a)",
        "164.306(a)(4)": "164.306(a)",
        "164.306(b)": "164.306",
        "164.306(c)": "164.306",
        "164.306(d)": "164.306",
        "164.306(e)": "164.306",
    ]

    static let generalRuleTitles: [String: String] = [
        "164.306(a)": "General requirements",
        "164.306(b)": "Flexibility of approach",
        "164.306(c)": "Standards",
        "164.306(d)": "Implementation specifications",
        "164.306(e)": "Maintenance",
    ]

    /// The 18 standards of §§ 164.308–164.312, in the rule's order.
    static let safeguardStandards: [Standard] = [
        Standard(id: "164.308(a)(1)", title: "Security management process", section: "164.308"),
        Standard(id: "164.308(a)(2)", title: "Assigned security responsibility", section: "164.308"),
        Standard(id: "164.308(a)(3)", title: "Workforce security", section: "164.308"),
        Standard(id: "164.308(a)(4)", title: "Information access management", section: "164.308"),
        Standard(id: "164.308(a)(5)", title: "Security awareness and training", section: "164.308"),
        Standard(id: "164.308(a)(6)", title: "Security incident procedures", section: "164.308"),
        Standard(id: "164.308(a)(7)", title: "Contingency plan", section: "164.308"),
        Standard(id: "164.308(a)(8)", title: "Evaluation", section: "164.308"),
        Standard(id: "164.308(b)(1)", title: "Business associate contracts and other arrangements", section: "164.308"),
        Standard(id: "164.310(a)(1)", title: "Facility access controls", section: "164.310"),
        Standard(id: "164.310(b)", title: "Workstation use", section: "164.310"),
        Standard(id: "164.310(c)", title: "Workstation security", section: "164.310"),
        Standard(id: "164.310(d)(1)", title: "Device and media controls", section: "164.310"),
        Standard(id: "164.312(a)(1)", title: "Access control", section: "164.312"),
        Standard(id: "164.312(b)", title: "Audit controls", section: "164.312"),
        Standard(id: "164.312(c)(1)", title: "Integrity", section: "164.312"),
        Standard(id: "164.312(d)", title: "Person or entity authentication", section: "164.312"),
        Standard(id: "164.312(e)(1)", title: "Transmission security", section: "164.312"),
    ]

    /// Standards with no separate implementation specifications (Appendix A marks each "(R)").
    static let standardsWithoutSpecs: [String] = [
        "164.308(a)(2)", "164.308(a)(8)", "164.310(b)", "164.310(c)", "164.312(b)", "164.312(d)",
    ]

    /// The 36 implementation specifications of §§ 164.308–164.312 and the flag the rule prints after
    /// each title ("(Required)" / "(Addressable)").
    static let safeguardSpecImplementation: [String: String] = [
        "164.308(a)(1)(ii)(A)": "required",
        "164.308(a)(1)(ii)(B)": "required",
        "164.308(a)(1)(ii)(C)": "required",
        "164.308(a)(1)(ii)(D)": "required",
        "164.308(a)(3)(ii)(A)": "addressable",
        "164.308(a)(3)(ii)(B)": "addressable",
        "164.308(a)(3)(ii)(C)": "addressable",
        "164.308(a)(4)(ii)(A)": "required",
        "164.308(a)(4)(ii)(B)": "addressable",
        "164.308(a)(4)(ii)(C)": "addressable",
        "164.308(a)(5)(ii)(A)": "addressable",
        "164.308(a)(5)(ii)(B)": "addressable",
        "164.308(a)(5)(ii)(C)": "addressable",
        "164.308(a)(5)(ii)(D)": "addressable",
        "164.308(a)(6)(ii)": "required",
        "164.308(a)(7)(ii)(A)": "required",
        "164.308(a)(7)(ii)(B)": "required",
        "164.308(a)(7)(ii)(C)": "required",
        "164.308(a)(7)(ii)(D)": "addressable",
        "164.308(a)(7)(ii)(E)": "addressable",
        "164.308(b)(3)": "required",
        "164.310(a)(2)(i)": "addressable",
        "164.310(a)(2)(ii)": "addressable",
        "164.310(a)(2)(iii)": "addressable",
        "164.310(a)(2)(iv)": "addressable",
        "164.310(d)(2)(i)": "required",
        "164.310(d)(2)(ii)": "required",
        "164.310(d)(2)(iii)": "addressable",
        "164.310(d)(2)(iv)": "addressable",
        "164.312(a)(2)(i)": "required",
        "164.312(a)(2)(ii)": "required",
        "164.312(a)(2)(iii)": "addressable",
        "164.312(a)(2)(iv)": "addressable",
        "164.312(c)(2)": "addressable",
        "164.312(e)(2)(i)": "addressable",
        "164.312(e)(2)(ii)": "addressable",
    ]

    /// Titles and parent standards of the 36 specifications.
    static let safeguardSpecs: [String: Spec] = [
        "164.308(a)(1)(ii)(A)": Spec(title: "Risk analysis", standard: "164.308(a)(1)"),
        "164.308(a)(1)(ii)(B)": Spec(title: "Risk management", standard: "164.308(a)(1)"),
        "164.308(a)(1)(ii)(C)": Spec(title: "Sanction policy", standard: "164.308(a)(1)"),
        "164.308(a)(1)(ii)(D)": Spec(title: "Information system activity review", standard: "164.308(a)(1)"),
        "164.308(a)(3)(ii)(A)": Spec(title: "Authorization and/or supervision", standard: "164.308(a)(3)"),
        "164.308(a)(3)(ii)(B)": Spec(title: "Workforce clearance procedure", standard: "164.308(a)(3)"),
        "164.308(a)(3)(ii)(C)": Spec(title: "Termination procedures", standard: "164.308(a)(3)"),
        "164.308(a)(4)(ii)(A)": Spec(title: "Isolating health care clearinghouse functions", standard: "164.308(a)(4)"),
        "164.308(a)(4)(ii)(B)": Spec(title: "Access authorization", standard: "164.308(a)(4)"),
        "164.308(a)(4)(ii)(C)": Spec(title: "Access establishment and modification", standard: "164.308(a)(4)"),
        "164.308(a)(5)(ii)(A)": Spec(title: "Security reminders", standard: "164.308(a)(5)"),
        "164.308(a)(5)(ii)(B)": Spec(title: "Protection from malicious software", standard: "164.308(a)(5)"),
        "164.308(a)(5)(ii)(C)": Spec(title: "Log-in monitoring", standard: "164.308(a)(5)"),
        "164.308(a)(5)(ii)(D)": Spec(title: "Password management", standard: "164.308(a)(5)"),
        "164.308(a)(6)(ii)": Spec(title: "Response and reporting", standard: "164.308(a)(6)"),
        "164.308(a)(7)(ii)(A)": Spec(title: "Data backup plan", standard: "164.308(a)(7)"),
        "164.308(a)(7)(ii)(B)": Spec(title: "Disaster recovery plan", standard: "164.308(a)(7)"),
        "164.308(a)(7)(ii)(C)": Spec(title: "Emergency mode operation plan", standard: "164.308(a)(7)"),
        "164.308(a)(7)(ii)(D)": Spec(title: "Testing and revision procedures", standard: "164.308(a)(7)"),
        "164.308(a)(7)(ii)(E)": Spec(title: "Applications and data criticality analysis", standard: "164.308(a)(7)"),
        "164.308(b)(3)": Spec(title: "Written contract or other arrangement", standard: "164.308(b)(1)"),
        "164.310(a)(2)(i)": Spec(title: "Contingency operations", standard: "164.310(a)(1)"),
        "164.310(a)(2)(ii)": Spec(title: "Facility security plan", standard: "164.310(a)(1)"),
        "164.310(a)(2)(iii)": Spec(title: "Access control and validation procedures", standard: "164.310(a)(1)"),
        "164.310(a)(2)(iv)": Spec(title: "Maintenance records", standard: "164.310(a)(1)"),
        "164.310(d)(2)(i)": Spec(title: "Disposal", standard: "164.310(d)(1)"),
        "164.310(d)(2)(ii)": Spec(title: "Media re-use", standard: "164.310(d)(1)"),
        "164.310(d)(2)(iii)": Spec(title: "Accountability", standard: "164.310(d)(1)"),
        "164.310(d)(2)(iv)": Spec(title: "Data backup and storage", standard: "164.310(d)(1)"),
        "164.312(a)(2)(i)": Spec(title: "Unique user identification", standard: "164.312(a)(1)"),
        "164.312(a)(2)(ii)": Spec(title: "Emergency access procedure", standard: "164.312(a)(1)"),
        "164.312(a)(2)(iii)": Spec(title: "Automatic logoff", standard: "164.312(a)(1)"),
        "164.312(a)(2)(iv)": Spec(title: "Encryption and decryption", standard: "164.312(a)(1)"),
        "164.312(c)(2)": Spec(title: "Mechanism to authenticate electronic protected health information", standard: "164.312(c)(1)"),
        "164.312(e)(2)(i)": Spec(title: "Integrity controls", standard: "164.312(e)(1)"),
        "164.312(e)(2)(ii)": Spec(title: "Encryption", standard: "164.312(e)(1)"),
    ]

    /// Standards of §§ 164.314 and 164.316.
    static let organizationalStandards: [Standard] = [
        Standard(id: "164.314(a)(1)", title: "Business associate contracts or other arrangements", section: "164.314"),
        Standard(id: "164.314(b)(1)", title: "Requirements for group health plans", section: "164.314"),
        Standard(id: "164.316(a)", title: "Policies and procedures", section: "164.316"),
        Standard(id: "164.316(b)(1)", title: "Documentation", section: "164.316"),
    ]

    /// Implementation specifications of §§ 164.314 and 164.316 (all required): id → parent.
    static let organizationalSpecParents: [String: String] = [
        "164.314(a)(2)(i)": "164.314(a)(1)",
        "164.314(a)(2)(i)(A)": "164.314(a)(2)(i)",
        "164.314(a)(2)(i)(B)": "164.314(a)(2)(i)",
        "164.314(a)(2)(i)(C)": "164.314(a)(2)(i)",
        "164.314(a)(2)(ii)": "164.314(a)(1)",
        "164.314(a)(2)(iii)": "164.314(a)(1)",
        "164.314(b)(2)(i)": "164.314(b)(1)",
        "164.314(b)(2)(ii)": "164.314(b)(1)",
        "164.314(b)(2)(iii)": "164.314(b)(1)",
        "164.314(b)(2)(iv)": "164.314(b)(1)",
        "164.316(b)(2)(i)": "164.316(b)(1)",
        "164.316(b)(2)(ii)": "164.316(b)(1)",
        "164.316(b)(2)(iii)": "164.316(b)(1)",
    ]

    /// Titles the rule itself gives to §§ 164.314 / 164.316 specifications.
    static let organizationalSpecTitles: [String: String] = [
        "164.314(a)(2)(i)": "Business associate contracts",
        "164.314(a)(2)(ii)": "Other arrangements",
        "164.314(a)(2)(iii)": "Business associate contracts with subcontractors",
        "164.316(b)(2)(i)": "Time limit",
        "164.316(b)(2)(ii)": "Availability",
        "164.316(b)(2)(iii)": "Updates",
    ]

    // MARK: Tests

    @Test func provenance() throws {
        let fw = try Shipped.framework("hipaa")
        #expect(fw.id == "hipaa")
        #expect(fw.kind == .law)
        #expect(fw.title == "HIPAA Security Rule — Security Standards for the Protection of Electronic Protected Health Information (45 CFR Part 164, Subpart C)")
        #expect(fw.publisher == "U.S. Department of Health and Human Services (HHS)")
        #expect(fw.published == "2003-02-20")
        #expect(fw.sourceURL == "https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C")
        #expect(fw.version.contains("2013 Omnibus Rule"))
        #expect(fw.licence.contains("public domain"))
        #expect(fw.description.contains("2025-01-06"))
        #expect(fw.description.contains("90 FR 898"))
    }

    @Test func sectionsAreTheTopLevel() throws {
        let fw = try Shipped.framework("hipaa")
        #expect(fw.requirements.map(\.id) == Self.sections.map(\.id))
        for section in Self.sections {
            let r = try #require(fw.requirement(section.id), "missing \(section.id)")
            #expect(r.kind == .section, "\(section.id)")
            #expect(r.title == section.title, "\(section.id)")
            #expect(fw.parentID(of: section.id) == nil, "\(section.id)")
        }
    }

    @Test func generalRulesParagraphs() throws {
        let fw = try Shipped.framework("hipaa")
        let general = try #require(fw.requirement("164.306"))
        #expect(general.children.map(\.id) == ["164.306(a)", "164.306(b)", "164.306(c)", "164.306(d)", "164.306(e)"])
        let generalRequirements = try #require(fw.requirement("164.306(a)"))
        #expect(generalRequirements.children.map(\.id) == ["164.306(a)(1)", "164.306(a)(2)", "164.306(a)(3)", "164.306(a)(4)"])
        for (id, parent) in Self.generalRuleParagraphs {
            let r = try #require(fw.requirement(id), "missing \(id)")
            #expect(r.kind == .paragraph, "\(id)")
            #expect(fw.parentID(of: id) == parent, "\(id)")
        }
        for (id, title) in Self.generalRuleTitles {
            #expect(fw.requirement(id)?.title == title, "\(id)")
        }
    }

    @Test func eighteenSafeguardStandards() throws {
        let fw = try Shipped.framework("hipaa")
        #expect(Self.safeguardStandards.count == 18)
        for standard in Self.safeguardStandards {
            let r = try #require(fw.requirement(standard.id), "missing \(standard.id)")
            #expect(r.kind == .standard, "\(standard.id)")
            #expect(r.title == standard.title, "\(standard.id)")
            #expect(fw.parentID(of: standard.id) == standard.section, "\(standard.id)")
        }
        // Each safeguard section holds exactly its standards, in the rule's order.
        let expectedCounts = ["164.308": 9, "164.310": 4, "164.312": 5]
        for (section, count) in expectedCounts {
            let r = try #require(fw.requirement(section))
            let expected = Self.safeguardStandards.filter { $0.section == section }.map(\.id)
            #expect(expected.count == count, "\(section)")
            #expect(r.children.map(\.id) == expected, "\(section)")
            #expect(r.children.allSatisfy { $0.kind == .standard }, "\(section)")
        }
        let allStandards = fw.allRequirements.filter {
            $0.kind == .standard && ["164.308", "164.310", "164.312"].contains(fw.parentID(of: $0.id) ?? "")
        }
        #expect(allStandards.count == 18)
    }

    @Test func thirtySixSafeguardSpecifications() throws {
        let fw = try Shipped.framework("hipaa")
        #expect(Self.safeguardSpecImplementation.count == 36)
        #expect(Set(Self.safeguardSpecs.keys) == Set(Self.safeguardSpecImplementation.keys))
        #expect(Self.safeguardSpecImplementation.values.filter { $0 == "required" }.count == 14)
        #expect(Self.safeguardSpecImplementation.values.filter { $0 == "addressable" }.count == 22)

        for (id, flag) in Self.safeguardSpecImplementation {
            let r = try #require(fw.requirement(id), "missing \(id)")
            let spec = try #require(Self.safeguardSpecs[id])
            #expect(r.kind == .implementationSpecification, "\(id)")
            #expect(r.title == spec.title, "\(id)")
            #expect(fw.parentID(of: id) == spec.standard, "\(id)")
            #expect(r.attribute("implementation") == flag, "\(id)")
            #expect(r.attributes["implementation"]?.count == 1, "\(id)")
            #expect(r.children.isEmpty, "\(id)")
        }

        // Per-section counts (21 / 8 / 7) as found in the catalogue.
        let inCatalogue = fw.allRequirements.filter { $0.kind == .implementationSpecification }
        func specs(in section: String) -> [Requirement] {
            inCatalogue.filter { $0.id.hasPrefix(section + "(") }
        }
        #expect(specs(in: "164.308").count == 21)
        #expect(specs(in: "164.310").count == 8)
        #expect(specs(in: "164.312").count == 7)
        let safeguardSpecs = specs(in: "164.308") + specs(in: "164.310") + specs(in: "164.312")
        #expect(safeguardSpecs.filter { $0.attribute("implementation") == "required" }.count == 14)
        #expect(safeguardSpecs.filter { $0.attribute("implementation") == "addressable" }.count == 22)

        // Each standard holds exactly its specifications.
        for standard in Self.safeguardStandards {
            let r = try #require(fw.requirement(standard.id))
            let expected = Set(Self.safeguardSpecs.filter { $0.value.standard == standard.id }.keys)
            #expect(Set(r.children.map(\.id)) == expected, "\(standard.id)")
            #expect(r.children.count == expected.count, "\(standard.id)")
        }
    }

    @Test func standardsWithoutSeparateSpecificationsAreRequired() throws {
        let fw = try Shipped.framework("hipaa")
        for id in Self.standardsWithoutSpecs {
            let r = try #require(fw.requirement(id), "missing \(id)")
            #expect(r.children.isEmpty, "\(id)")
            #expect(r.attribute("implementation") == "required", "\(id)")
        }
        // Appendix A: 14 required specifications + 6 standards marked (R) = 20 "(R)" rows.
        let safeguardIDs = Set(Self.safeguardStandards.map(\.id)).union(Self.safeguardSpecImplementation.keys)
        let requiredRows = fw.allRequirements.filter {
            safeguardIDs.contains($0.id) && $0.attribute("implementation") == "required"
        }
        #expect(requiredRows.count == 20)
    }

    @Test func organizationalAndDocumentationRequirements() throws {
        let fw = try Shipped.framework("hipaa")
        for standard in Self.organizationalStandards {
            let r = try #require(fw.requirement(standard.id), "missing \(standard.id)")
            #expect(r.kind == .standard, "\(standard.id)")
            #expect(r.title == standard.title, "\(standard.id)")
            #expect(fw.parentID(of: standard.id) == standard.section, "\(standard.id)")
        }
        #expect(fw.requirement("164.314")?.children.map(\.id) == ["164.314(a)(1)", "164.314(b)(1)"])
        #expect(fw.requirement("164.316")?.children.map(\.id) == ["164.316(a)", "164.316(b)(1)"])
        #expect(fw.requirement("164.314(a)(1)")?.children.map(\.id) == ["164.314(a)(2)(i)", "164.314(a)(2)(ii)", "164.314(a)(2)(iii)"])
        #expect(fw.requirement("164.314(a)(2)(i)")?.children.map(\.id) == ["164.314(a)(2)(i)(A)", "164.314(a)(2)(i)(B)", "164.314(a)(2)(i)(C)"])
        #expect(fw.requirement("164.314(b)(1)")?.children.map(\.id) == ["164.314(b)(2)(i)", "164.314(b)(2)(ii)", "164.314(b)(2)(iii)", "164.314(b)(2)(iv)"])
        #expect(fw.requirement("164.316(b)(1)")?.children.map(\.id) == ["164.316(b)(2)(i)", "164.316(b)(2)(ii)", "164.316(b)(2)(iii)"])
        #expect(fw.requirement("164.316(a)")?.children.isEmpty == true)

        for (id, parent) in Self.organizationalSpecParents {
            let r = try #require(fw.requirement(id), "missing \(id)")
            #expect(r.kind == .implementationSpecification, "\(id)")
            #expect(fw.parentID(of: id) == parent, "\(id)")
            #expect(r.attribute("implementation") == "required", "\(id)")
            if id.hasPrefix("164.314") {
                // The rule puts "(Required)" on the group heading, not after each title.
                #expect(!(r.attribute("implementation-note") ?? "").isEmpty, "\(id)")
            }
        }
        for (id, title) in Self.organizationalSpecTitles {
            #expect(fw.requirement(id)?.title == title, "\(id)")
        }
    }

    @Test func totalsAndKinds() throws {
        let fw = try Shipped.framework("hipaa")
        let all = fw.allRequirements
        #expect(fw.requirementCount == 89)
        #expect(all.count == 89)
        #expect(all.filter { $0.kind == .section }.count == 9)
        #expect(all.filter { $0.kind == .paragraph }.count == 9)
        #expect(all.filter { $0.kind == .standard }.count == 22)
        #expect(all.filter { $0.kind == .implementationSpecification }.count == 49)

        var expected = Set(Self.sections.map(\.id))
        expected.formUnion(Self.generalRuleParagraphs.keys)
        expected.formUnion(Self.safeguardStandards.map(\.id))
        expected.formUnion(Self.safeguardSpecImplementation.keys)
        expected.formUnion(Self.organizationalStandards.map(\.id))
        expected.formUnion(Self.organizationalSpecParents.keys)
        #expect(expected.count == 89)
        #expect(Set(all.map(\.id)) == expected)

        // Every implementation flag is one of the two values the rule uses.
        for r in all {
            if let flag = r.attribute("implementation") {
                #expect(flag == "required" || flag == "addressable", "\(r.id)")
            }
        }
    }

    @Test func idsUniqueAndEveryRequirementDescribed() throws {
        let fw = try Shipped.framework("hipaa")
        let all = fw.allRequirements
        #expect(Set(all.map(\.id)).count == all.count)
        let ids = Set(all.map(\.id))
        for r in all {
            #expect(!r.title.isEmpty, "\(r.id) has no title")
            #expect(!r.description.isEmpty, "\(r.id) has no description")
            #expect(r.id.hasPrefix("164.3"), "\(r.id)")
            #expect(!r.id.contains(" "), "\(r.id)")
            for ref in r.references {
                #expect(ids.contains(ref), "\(r.id) refers to unknown \(ref)")
            }
        }
    }
}
