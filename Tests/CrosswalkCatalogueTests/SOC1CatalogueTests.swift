import Testing
import CrosswalkModel

/// Structure of the shipped SOC 1 catalogue (`Frameworks/soc1.yaml`).
///
/// SSAE 18 / AT-C section 320 has no fixed list of control objectives: each service organisation
/// writes its own. The shipped catalogue is therefore a Crosswalk template (see docs/soc1-template.md),
/// and the lists below are the template's ids and titles, typed here so that any accidental change to
/// the catalogue shows up as a test failure.
@Suite("SOC 1 catalogue")
struct SOC1CatalogueTests {
    static let topLevel: [(id: String, title: String)] = [
        ("ITGC", "IT general controls"),
        ("BPC", "Business process controls"),
        ("CUEC", "Complementary user entity controls"),
        ("CSOC", "Complementary subservice organization controls"),
    ]

    /// Control objectives: id, parent group, title, area, number of example control activities.
    static let objectives: [(id: String, parent: String, title: String, area: String, activities: Int)] = [
        ("CO-01", "ITGC", "Organization and administration", "itgc", 6),
        ("CO-02", "ITGC", "Logical access", "itgc", 5),
        ("CO-03", "ITGC", "User provisioning and de-provisioning", "itgc", 5),
        ("CO-04", "ITGC", "Privileged access", "itgc", 5),
        ("CO-05", "ITGC", "Physical and environmental security", "itgc", 4),
        ("CO-06", "ITGC", "Change management", "itgc", 6),
        ("CO-07", "ITGC", "System development", "itgc", 4),
        ("CO-08", "ITGC", "Computer operations and job scheduling", "itgc", 4),
        ("CO-09", "ITGC", "Data backup, recovery and redundancy", "itgc", 6),
        ("CO-10", "ITGC", "Incident handling", "itgc", 5),
        ("CO-11", "ITGC", "Data transmission", "itgc", 4),
        ("CO-12", "ITGC", "Vendor and subservice organization management", "itgc", 4),
        ("CO-13", "ITGC", "Monitoring of controls", "itgc", 4),
        ("CO-14", "BPC", "Transaction initiation and authorization", "business-process", 4),
        ("CO-15", "BPC", "Input completeness and accuracy", "business-process", 5),
        ("CO-16", "BPC", "Processing and data integrity", "business-process", 5),
        ("CO-17", "BPC", "Output and reporting", "business-process", 4),
        ("CO-18", "BPC", "Reconciliations", "business-process", 4),
        ("CO-19", "BPC", "Billing", "business-process", 5),
        ("CO-20", "BPC", "Client onboarding and setup", "business-process", 5),
    ]

    /// Objectives whose `assertions` attribute is expected, with its values.
    static let assertions: [String: [String]] = [
        "CO-02": ["restricted-access", "validity"],
        "CO-03": ["restricted-access", "validity"],
        "CO-04": ["restricted-access"],
        "CO-05": ["restricted-access"],
        "CO-06": ["completeness", "accuracy", "validity"],
        "CO-07": ["completeness", "accuracy"],
        "CO-08": ["completeness", "accuracy", "cut-off"],
        "CO-09": ["completeness", "accuracy"],
        "CO-10": ["completeness", "accuracy"],
        "CO-11": ["completeness", "accuracy", "restricted-access"],
        "CO-14": ["validity"],
        "CO-15": ["completeness", "accuracy", "validity"],
        "CO-16": ["completeness", "accuracy", "cut-off", "restricted-access"],
        "CO-17": ["completeness", "accuracy", "restricted-access"],
        "CO-18": ["completeness", "accuracy", "cut-off"],
        "CO-19": ["completeness", "accuracy", "validity", "cut-off"],
        "CO-20": ["accuracy", "validity"],
    ]

    static let cuecs: [(id: String, title: String)] = [
        ("CUEC-01", "Authorizing the user entity's own users"),
        ("CUEC-02", "Reviewing and removing the user entity's users"),
        ("CUEC-03", "Protecting credentials and enabling MFA"),
        ("CUEC-04", "Authorizing transactions submitted"),
        ("CUEC-05", "Complete and accurate input data"),
        ("CUEC-06", "Reviewing output and reconciling to own records"),
        ("CUEC-07", "Maintaining authorized contacts"),
        ("CUEC-08", "Reviewing setup and configuration"),
        ("CUEC-09", "Reviewing invoices"),
        ("CUEC-10", "Reporting suspected incidents"),
    ]

    static let csocs: [(id: String, title: String)] = [
        ("CSOC-01", "Physical access to data centers"),
        ("CSOC-02", "Environmental protection of data centers"),
        ("CSOC-03", "Secure decommissioning of storage media"),
        ("CSOC-04", "Infrastructure redundancy and hardware maintenance"),
        ("CSOC-05", "Change management for the underlying infrastructure"),
        ("CSOC-06", "Provider staff access to the underlying infrastructure"),
    ]

    static let frequencies: Set<String> = [
        "continuous", "daily", "weekly", "monthly", "quarterly", "semi-annual", "annual", "as-needed",
    ]
    static let natures: Set<String> = ["manual", "automated", "it-dependent-manual"]
    static let allowedAssertions: Set<String> = [
        "completeness", "accuracy", "validity", "cut-off", "restricted-access",
    ]
    static let testMethods: Set<String> = ["inquiry", "inspection", "observation", "re-performance"]

    /// The activity ids expected under an objective: `CO-01.1`, `CO-01.2`, …
    static func activityIDs(_ objective: String, _ count: Int) -> [String] {
        (1...count).map { "\(objective).\($0)" }
    }

    @Test func provenance() throws {
        let fw = try Shipped.framework("soc1")
        #expect(fw.id == "soc1")
        #expect(fw.kind == .attestation)
        #expect(fw.title == "SOC 1 — Report on Controls at a Service Organization Relevant to User Entities' Internal Control over Financial Reporting (SSAE 18, AT-C 320) — control objective template")
        #expect(fw.version == "SSAE 18 (AT-C 320); Crosswalk template 1.0")
        #expect(fw.publisher == "AICPA (Auditing Standards Board) — template by Crosswalk")
        #expect(fw.published == "2017-05-01")
        #expect(fw.sourceURL == "https://www.aicpa-cima.com/topic/audit-assurance/audit-and-assurance-greater-than-soc-1")
        #expect(fw.licence.contains("AICPA"))
        #expect(fw.licence.contains("CC0"))
        // The description must say plainly that this is a template and that AT-C 320 fixes no list.
        #expect(fw.description.contains("template"))
        #expect(fw.description.contains("no fixed list of control objectives"))
        #expect(fw.description.contains("AT-C"))
    }

    @Test func topLevelGroups() throws {
        let fw = try Shipped.framework("soc1")
        #expect(fw.requirements.map(\.id) == Self.topLevel.map { $0.id })
        for expected in Self.topLevel {
            let r = try #require(fw.requirement(expected.id), "missing \(expected.id)")
            #expect(r.title == expected.title, "\(expected.id)")
            #expect(r.kind == .group, "\(expected.id)")
            #expect(fw.parentID(of: expected.id) == nil, "\(expected.id)")
            #expect(r.attribute("template") == "true", "\(expected.id)")
            // Every top-level description says the objectives are not fixed by the standard.
            #expect(r.description.contains("AT-C 320"), "\(expected.id)")
            #expect(r.description.contains("no list"), "\(expected.id)")
            #expect(r.description.contains("replace"), "\(expected.id)")
        }
    }

    @Test func counts() throws {
        let fw = try Shipped.framework("soc1")
        let all = fw.allRequirements
        let objectiveActivities = Self.objectives.reduce(0) { $0 + $1.activities }
        #expect(objectiveActivities == 94)
        #expect(all.filter { $0.kind == .group }.count == 4)
        #expect(all.filter { $0.kind == .controlObjective }.count == 20)
        #expect(all.filter { $0.kind == .controlActivity }.count == objectiveActivities + Self.cuecs.count + Self.csocs.count)
        #expect(all.filter { $0.kind == .controlActivity }.count == 110)
        #expect(fw.requirementCount == 134)
        #expect(Set(all.map(\.kind)) == [.group, .controlObjective, .controlActivity])
    }

    @Test func idsAreUnique() throws {
        let fw = try Shipped.framework("soc1")
        let ids = fw.allRequirements.map(\.id)
        #expect(Set(ids).count == ids.count)
        let expected = Self.topLevel.map { $0.id }
            + Self.objectives.flatMap { [$0.id] + Self.activityIDs($0.id, $0.activities) }
            + Self.cuecs.map { $0.id } + Self.csocs.map { $0.id }
        #expect(Set(expected).count == expected.count)
        #expect(Set(ids) == Set(expected))
    }

    @Test func controlObjectives() throws {
        let fw = try Shipped.framework("soc1")
        let found = fw.allRequirements.filter { $0.kind == .controlObjective }.map(\.id)
        #expect(found == Self.objectives.map { $0.id })
        for expected in Self.objectives {
            let r = try #require(fw.requirement(expected.id), "missing \(expected.id)")
            #expect(r.kind == .controlObjective, "\(expected.id)")
            #expect(r.title == expected.title, "\(expected.id)")
            #expect(fw.parentID(of: expected.id) == expected.parent, "\(expected.id)")
            #expect(r.attribute("template") == "true", "\(expected.id)")
            #expect(r.attribute("area") == expected.area, "\(expected.id)")
            #expect(r.description.hasPrefix("Controls provide reasonable assurance that"), "\(expected.id)")
            let values = r.attributes["assertions"] ?? []
            #expect(values.allSatisfy { Self.allowedAssertions.contains($0) }, "\(expected.id): \(values)")
            #expect(values == (Self.assertions[expected.id] ?? []), "\(expected.id): \(values)")
            // 3–6 example control activities, numbered CO-NN.1 … in order.
            #expect((3...6).contains(r.children.count), "\(expected.id) has \(r.children.count) activities")
            #expect(r.children.map(\.id) == Self.activityIDs(expected.id, expected.activities), "\(expected.id)")
            for child in r.children {
                #expect(child.kind == .controlActivity, "\(child.id)")
                #expect(fw.parentID(of: child.id) == expected.id, "\(child.id)")
            }
        }
    }

    @Test func controlActivitiesHaveFrequencyAndNature() throws {
        let fw = try Shipped.framework("soc1")
        let activities = fw.allRequirements.filter { $0.kind == .controlActivity }
        #expect(!activities.isEmpty)
        for a in activities {
            #expect(a.attribute("template") == "true", "\(a.id)")
            #expect(a.attributes["frequency"]?.count == 1, "\(a.id)")
            #expect(Self.frequencies.contains(a.attribute("frequency") ?? ""), "\(a.id): frequency \(a.attribute("frequency") ?? "none")")
            #expect(a.attributes["control-nature"]?.count == 1, "\(a.id)")
            #expect(Self.natures.contains(a.attribute("control-nature") ?? ""), "\(a.id): control-nature \(a.attribute("control-nature") ?? "none")")
            let methods = a.attributes["test-method"] ?? []
            #expect(!methods.isEmpty, "\(a.id)")
            #expect(methods.allSatisfy { Self.testMethods.contains($0) }, "\(a.id): \(methods)")
            #expect(methods != ["inquiry"], "\(a.id): inquiry alone is not a test")
            #expect(a.children.isEmpty, "\(a.id)")
        }
    }

    @Test func complementaryUserEntityControls() throws {
        let fw = try Shipped.framework("soc1")
        let group = try #require(fw.requirement("CUEC"))
        #expect(group.children.map(\.id) == Self.cuecs.map { $0.id })
        for expected in Self.cuecs {
            let r = try #require(fw.requirement(expected.id), "missing \(expected.id)")
            #expect(r.title == expected.title, "\(expected.id)")
            #expect(r.kind == .controlActivity, "\(expected.id)")
            #expect(fw.parentID(of: expected.id) == "CUEC", "\(expected.id)")
            #expect(r.attribute("responsible-party") == "user-entity", "\(expected.id)")
            #expect(!r.references.isEmpty, "\(expected.id) names the objectives it complements")
            #expect(r.references.allSatisfy { $0.hasPrefix("CO-") }, "\(expected.id)")
        }
    }

    @Test func complementarySubserviceOrganizationControls() throws {
        let fw = try Shipped.framework("soc1")
        let group = try #require(fw.requirement("CSOC"))
        #expect(group.children.map(\.id) == Self.csocs.map { $0.id })
        #expect(group.references == ["CO-12"])
        for expected in Self.csocs {
            let r = try #require(fw.requirement(expected.id), "missing \(expected.id)")
            #expect(r.title == expected.title, "\(expected.id)")
            #expect(r.kind == .controlActivity, "\(expected.id)")
            #expect(fw.parentID(of: expected.id) == "CSOC", "\(expected.id)")
            #expect(r.attribute("responsible-party") == "subservice-organization", "\(expected.id)")
            // Each CSOC is monitored through the review of the provider's SOC report.
            #expect(r.references.contains("CO-12.2"), "\(expected.id)")
        }
    }

    @Test func referencesResolve() throws {
        let fw = try Shipped.framework("soc1")
        for r in fw.allRequirements {
            for ref in r.references {
                #expect(fw.requirement(ref) != nil, "\(r.id) refers to unknown \(ref)")
                #expect(ref != r.id, "\(r.id) refers to itself")
            }
        }
    }

    @Test func everyRequirementHasTitleAndDescription() throws {
        let fw = try Shipped.framework("soc1")
        for r in fw.allRequirements {
            #expect(r.title.contains { !$0.isWhitespace }, "\(r.id) has no title")
            #expect(r.description.contains { !$0.isWhitespace }, "\(r.id) has no description")
            #expect(r.attribute("template") == "true", "\(r.id)")
        }
    }
}
