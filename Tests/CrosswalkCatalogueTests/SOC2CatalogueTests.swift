import Testing
import CrosswalkModel

/// Structure of the shipped SOC 2 catalogue (`Frameworks/soc2.yaml`), checked against lists typed here
/// from the primary source: AICPA TSP section 100, "2017 Trust Services Criteria for Security,
/// Availability, Processing Integrity, Confidentiality, and Privacy (With Revised Points of Focus — 2022)".
@Suite("SOC 2 Trust Services Criteria catalogue")
struct SOC2CatalogueTests {
    struct Category: Sendable {
        let id: String
        let attribute: String
    }

    struct Series: Sendable {
        let id: String
        let category: String
        let title: String
    }

    // MARK: Expected content, typed from the TSC

    /// The five top-level categories, in the document's order, with the `category` attribute their
    /// criteria carry.
    static let categories: [Category] = [
        Category(id: "CC", attribute: "security"),
        Category(id: "A", attribute: "availability"),
        Category(id: "C", attribute: "confidentiality"),
        Category(id: "PI", attribute: "processing-integrity"),
        Category(id: "P", attribute: "privacy"),
    ]

    /// Series id → (parent category, heading).
    static let series: [Series] = [
        Series(id: "CC1", category: "CC", title: "Control Environment"),
        Series(id: "CC2", category: "CC", title: "Communication and Information"),
        Series(id: "CC3", category: "CC", title: "Risk Assessment"),
        Series(id: "CC4", category: "CC", title: "Monitoring Activities"),
        Series(id: "CC5", category: "CC", title: "Control Activities"),
        Series(id: "CC6", category: "CC", title: "Logical and Physical Access Controls"),
        Series(id: "CC7", category: "CC", title: "System Operations"),
        Series(id: "CC8", category: "CC", title: "Change Management"),
        Series(id: "CC9", category: "CC", title: "Risk Mitigation"),
        Series(id: "A1", category: "A", title: "Additional Criteria for Availability"),
        Series(id: "C1", category: "C", title: "Additional Criteria for Confidentiality"),
        Series(id: "PI1", category: "PI", title: "Additional Criteria for Processing Integrity"),
        Series(id: "P1", category: "P", title: "Notice and Communication of Objectives Related to Privacy"),
        Series(id: "P2", category: "P", title: "Choice and Consent"),
        Series(id: "P3", category: "P", title: "Collection"),
        Series(id: "P4", category: "P", title: "Use, Retention, and Disposal"),
        Series(id: "P5", category: "P", title: "Access"),
        Series(id: "P6", category: "P", title: "Disclosure and Notification"),
        Series(id: "P7", category: "P", title: "Quality"),
        Series(id: "P8", category: "P", title: "Monitoring and Enforcement"),
    ]

    /// All 61 criteria, in the document's order.
    static let criteria: [String] = [
        "CC1.1", "CC1.2", "CC1.3", "CC1.4", "CC1.5",
        "CC2.1", "CC2.2", "CC2.3",
        "CC3.1", "CC3.2", "CC3.3", "CC3.4",
        "CC4.1", "CC4.2",
        "CC5.1", "CC5.2", "CC5.3",
        "CC6.1", "CC6.2", "CC6.3", "CC6.4", "CC6.5", "CC6.6", "CC6.7", "CC6.8",
        "CC7.1", "CC7.2", "CC7.3", "CC7.4", "CC7.5",
        "CC8.1",
        "CC9.1", "CC9.2",
        "A1.1", "A1.2", "A1.3",
        "C1.1", "C1.2",
        "PI1.1", "PI1.2", "PI1.3", "PI1.4", "PI1.5",
        "P1.1",
        "P2.1",
        "P3.1", "P3.2",
        "P4.1", "P4.2", "P4.3",
        "P5.1", "P5.2",
        "P6.1", "P6.2", "P6.3", "P6.4", "P6.5", "P6.6", "P6.7",
        "P7.1",
        "P8.1",
    ]

    /// Number of criteria per category.
    static let criteriaPerCategory: [String: Int] = ["CC": 33, "A": 3, "C": 2, "PI": 5, "P": 18]

    /// The COSO 2013 principle each of CC1.1–CC5.3 restates, as the TSC label them ("COSO Principle n").
    /// The CC series follow the COSO components, not the principle numbers: CC2 is principles 13–15,
    /// CC3 is 6–9, CC4 is 16–17 and CC5 is 10–12.
    static let cosoPrinciples: [String: String] = [
        "CC1.1": "1", "CC1.2": "2", "CC1.3": "3", "CC1.4": "4", "CC1.5": "5",
        "CC2.1": "13", "CC2.2": "14", "CC2.3": "15",
        "CC3.1": "6", "CC3.2": "7", "CC3.3": "8", "CC3.4": "9",
        "CC4.1": "16", "CC4.2": "17",
        "CC5.1": "10", "CC5.2": "11", "CC5.3": "12",
    ]

    /// Points of focus per criterion in the 2022 revision (COSO points of focus plus the AICPA's
    /// additional ones, including those for confidentiality, privacy and system-level engagements).
    static let pointsOfFocus: [String: Int] = [
        "CC1.1": 5, "CC1.2": 4, "CC1.3": 6, "CC1.4": 7, "CC1.5": 6,
        "CC2.1": 9, "CC2.2": 13, "CC2.3": 12,
        "CC3.1": 16, "CC3.2": 9, "CC3.3": 5, "CC3.4": 6,
        "CC4.1": 8, "CC4.2": 3,
        "CC5.1": 6, "CC5.2": 4, "CC5.3": 6,
        "CC6.1": 13, "CC6.2": 3, "CC6.3": 4, "CC6.4": 4, "CC6.5": 2, "CC6.6": 4, "CC6.7": 4, "CC6.8": 5,
        "CC7.1": 5, "CC7.2": 4, "CC7.3": 7, "CC7.4": 14, "CC7.5": 6,
        "CC8.1": 18,
        "CC9.1": 2, "CC9.2": 13,
        "A1.1": 3, "A1.2": 11, "A1.3": 2,
        "C1.1": 3, "C1.2": 2,
        "PI1.1": 2, "PI1.2": 3, "PI1.3": 5, "PI1.4": 4, "PI1.5": 4,
        "P1.1": 7, "P2.1": 6, "P3.1": 4, "P3.2": 2,
        "P4.1": 1, "P4.2": 2, "P4.3": 3,
        "P5.1": 5, "P5.2": 4,
        "P6.1": 4, "P6.2": 1, "P6.3": 1, "P6.4": 3, "P6.5": 2, "P6.6": 2, "P6.7": 3,
        "P7.1": 2, "P8.1": 6,
    ]

    /// Scope-specific points of focus (2022): id → value of `applies-when`, at their published numbers.
    static let scopedPointsOfFocus: [String: String] = [
        "CC6.1-POF12": "confidentiality", "CC6.1-POF13": "privacy",
        "CC7.3-POF4": "confidentiality", "CC7.3-POF5": "confidentiality",
        "CC7.3-POF6": "privacy", "CC7.3-POF7": "privacy",
        "CC7.4-POF12": "privacy", "CC7.4-POF13": "privacy", "CC7.4-POF14": "privacy",
        "CC8.1-POF15": "availability", "CC8.1-POF16": "confidentiality",
        "CC8.1-POF17": "privacy", "CC8.1-POF18": "privacy",
        "CC9.2-POF10": "confidentiality", "CC9.2-POF11": "confidentiality",
        "CC9.2-POF12": "privacy", "CC9.2-POF13": "privacy",
        "CC2.3-POF6": "confidentiality", "CC2.3-POF7": "privacy", "CC2.3-POF8": "privacy",
        "CC2.3-POF9": "system-level", "CC2.3-POF10": "system-level",
        "CC2.3-POF11": "system-level", "CC2.3-POF12": "system-level",
        "CC2.2-POF9": "privacy", "CC2.2-POF10": "privacy",
        "CC2.2-POF11": "system-level", "CC2.2-POF12": "system-level", "CC2.2-POF13": "system-level",
        "P5.1-POF1": "privacy", "P5.2-POF1": "privacy", "P6.7-POF1": "privacy",
    ]

    static let allowedAppliesWhen: Set<String> = ["availability", "confidentiality", "privacy", "system-level"]

    /// Our titles, in the published 2022 order, of the criteria whose 2022 additions were once appended
    /// after the 2017 list (issue #21: the twelve the review named, and CC3.2, found with the same
    /// fault). The order is that of the intuitem CISO Assistant library `soc2-2017-rev-2022` (see the
    /// header of Frameworks/soc2.yaml); the titles are our own words.
    static let publishedOrder: [String: [String]] = [
        "CC3.2": [
            "All organisational levels covered",
            "Internal and external factors",
            "Right levels of management involved",
            "Significance of risks estimated",
            "Deciding risk responses",
            "Threats to objectives",
            "Vulnerabilities of system components",
            "Threats from vendors and partners",
            "Weighing significance",
        ],
        "CC2.2": [
            "Internal control information shared",
            "Communication with the board",
            "Separate communication lines",
            "Suitable communication methods",
            "Responsibilities communicated",
            "How to report failures, incidents and concerns",
            "Objectives and their changes",
            "Security awareness",
            "Privacy awareness",
            "Privacy incident reporting methods",
            "System operation and boundaries",
            "System objectives",
            "System changes",
        ],
        "CC2.3": [
            "Information for external parties",
            "Inbound communication",
            "External findings reach the board",
            "Separate lines for outsiders",
            "Suitable methods for outsiders",
            "Confidentiality commitments communicated",
            "Privacy commitments communicated",
            "Privacy incident reporting for outsiders",
            "System operation and boundaries for users",
            "System objectives for users",
            "Responsibilities of outside parties",
            "How outsiders report failures and incidents",
        ],
        "CC6.1": [
            "Inventory of information assets",
            "New architectures assessed",
            "Logical access restricted",
            "Users identified and authenticated",
            "Network segmentation",
            "Points of access managed",
            "Access to specific assets restricted",
            "Identification and authentication rules",
            "Credentials for infrastructure and software",
            "Encryption of data",
            "Cryptographic keys protected",
            "Confidential information restricted to identified purposes",
            "Personal information access and use restricted",
        ],
        "CC6.4": [
            "Physical access granted on approval",
            "Physical access removed",
            "Physical devices recovered",
            "Physical access reviewed",
        ],
        "CC7.3": [
            "Incident handling procedures",
            "Events communicated and reviewed",
            "Incident analysis",
            "Impact on confidential information",
            "Confidential information used or disclosed",
            "Impact on personal information",
            "Personal information used or disclosed",
        ],
        "CC7.4": [
            "Roles and responsibilities",
            "Containing and responding",
            "Mitigating ongoing incidents",
            "Resolving incidents",
            "Restoring operations",
            "Communicating incidents",
            "Understanding the incident",
            "Vulnerabilities remediated",
            "Remediation communicated",
            "Response effectiveness evaluated",
            "Incidents reviewed periodically",
            "Breach response procedures",
            "Unauthorised use and disclosure communicated",
            "Sanctions applied",
        ],
        "CC8.1": [
            "Changes managed across the life cycle",
            "Changes authorised",
            "Changes designed and developed",
            "Changes documented",
            "Changes tracked",
            "Software configured",
            "Changes tested",
            "Changes approved",
            "Changes deployed",
            "Effects of changes evaluated",
            "Changes needed to remediate incidents",
            "Baseline configuration",
            "Emergency changes",
            "Patches managed",
            "System resilience considered",
            "Confidential information protected during change",
            "Personal information protected during change",
            "Privacy by design",
        ],
        "CC9.2": [
            "Requirements for engagements",
            "Vendor vulnerabilities identified",
            "Vendor and partner risks assessed",
            "Owners for vendor relationships",
            "Communication protocols",
            "Exception handling",
            "Vendor and partner performance assessed",
            "Issues from assessments addressed",
            "Terminating relationships",
            "Confidentiality commitments obtained",
            "Compliance with confidentiality commitments assessed",
            "Privacy commitments obtained",
            "Compliance with privacy commitments assessed",
        ],
        "C1.1": [
            "Confidential information defined and identified",
            "Confidential information retained",
            "Protected from destruction",
        ],
        "P5.1": [
            "Requests from data controllers",
            "Identity authenticated",
            "Access permitted",
            "Understandable and timely response",
            "Refusal explained",
        ],
        "P5.2": [
            "Requests from data controllers",
            "Refusal of access explained in writing",
            "Updates and corrections permitted",
            "Refusal of correction explained",
        ],
        "P6.7": [
            "Requests from data controllers",
            "Types of information and handling mapped",
            "Requests captured and answered",
        ],
    ]

    // MARK: Helpers

    static func load() throws -> Framework { try Shipped.framework("soc2") }

    static func categoryID(of criterion: String) -> String {
        String(criterion.prefix { $0.isLetter })
    }

    static func seriesID(of criterion: String) -> String {
        String(criterion.prefix { $0 != "." })
    }

    // MARK: Tests

    @Test func provenance() throws {
        let fw = try Self.load()
        #expect(fw.id == "soc2")
        #expect(fw.kind == .attestation)
        #expect(fw.title.hasPrefix("SOC 2"))
        #expect(fw.title.contains("Trust Services Criteria"))
        #expect(fw.version.contains("2017"))
        #expect(fw.version.contains("2022"))
        #expect(fw.publisher.contains("AICPA"))
        #expect(fw.published == "2022-10-01")
        #expect(fw.sourceURL.hasPrefix("https://www.aicpa-cima.com/"))
        #expect(!fw.licence.isEmpty)
    }

    @Test func topLevelCategories() throws {
        let fw = try Self.load()
        #expect(fw.requirements.map(\.id) == Self.categories.map(\.id))
        for requirement in fw.requirements {
            #expect(requirement.kind == .category, "\(requirement.id)")
            #expect(fw.parentID(of: requirement.id) == nil, "\(requirement.id)")
        }
    }

    @Test func seriesParentsAndTitles() throws {
        let fw = try Self.load()
        let seriesNodes = fw.allRequirements.filter { $0.kind == .series }
        #expect(seriesNodes.map(\.id) == Self.series.map(\.id))
        for expected in Self.series {
            let node = try #require(fw.requirement(expected.id), "missing series \(expected.id)")
            #expect(node.kind == .series, "\(expected.id)")
            #expect(node.title == expected.title, "\(expected.id)")
            #expect(fw.parentID(of: expected.id) == expected.category, "\(expected.id)")
        }
    }

    @Test func allCriteriaPresentInOrderAndUnique() throws {
        let fw = try Self.load()
        #expect(Self.criteria.count == 61)
        #expect(Set(Self.criteria).count == 61)
        let found = fw.allRequirements.filter { $0.kind == .criterion }.map(\.id)
        #expect(found == Self.criteria)
        let ids = fw.allRequirements.map(\.id)
        #expect(Set(ids).count == ids.count, "requirement ids are not unique")
    }

    @Test func criteriaCountsPerCategory() throws {
        let fw = try Self.load()
        for (category, count) in Self.criteriaPerCategory {
            let top = try #require(fw.requirement(category), "missing category \(category)")
            let criteria = top.children.flatMap(\.children).filter { $0.kind == .criterion }
            #expect(criteria.count == count, "\(category)")
        }
        #expect(Self.criteriaPerCategory.values.reduce(0, +) == 61)
    }

    @Test func criterionParentsAndCategoryAttribute() throws {
        let fw = try Self.load()
        let attributeByCategory = Dictionary(uniqueKeysWithValues: Self.categories.map { ($0.id, $0.attribute) })
        for id in Self.criteria {
            let criterion = try #require(fw.requirement(id), "missing criterion \(id)")
            #expect(criterion.kind == .criterion, "\(id)")
            let series = Self.seriesID(of: id)
            let category = Self.categoryID(of: id)
            #expect(fw.parentID(of: id) == series, "\(id)")
            #expect(fw.parentID(of: series) == category, "\(id)")
            #expect(criterion.attribute("category") == attributeByCategory[category], "\(id)")
            #expect(!criterion.title.isEmpty, "\(id)")
        }
    }

    @Test func cosoPrincipleMapping() throws {
        let fw = try Self.load()
        #expect(Self.cosoPrinciples.count == 17)
        #expect(Set(Self.cosoPrinciples.values) == Set((1...17).map { String($0) }))
        for id in Self.criteria {
            let criterion = try #require(fw.requirement(id))
            #expect(criterion.attributes["coso-principle"] == Self.cosoPrinciples[id].map { [$0] }, "\(id)")
        }
    }

    @Test func pointsOfFocus() throws {
        let fw = try Self.load()
        #expect(Self.pointsOfFocus.count == 61)
        var total = 0
        for id in Self.criteria {
            let criterion = try #require(fw.requirement(id))
            let expectedCount = try #require(Self.pointsOfFocus[id], "no expected count for \(id)")
            #expect(expectedCount >= 1)
            #expect(criterion.children.count == expectedCount, "\(id)")
            #expect(criterion.children.map(\.id) == (1...max(expectedCount, 1)).map { "\(id)-POF\($0)" }, "\(id)")
            for pof in criterion.children {
                #expect(pof.kind == .pointOfFocus, "\(pof.id)")
                #expect(pof.children.isEmpty, "\(pof.id)")
                #expect(fw.parentID(of: pof.id) == id, "\(pof.id)")
                #expect(!pof.title.isEmpty, "\(pof.id)")
                if let scope = pof.attribute("applies-when") {
                    #expect(Self.allowedAppliesWhen.contains(scope), "\(pof.id): \(scope)")
                }
            }
            total += criterion.children.count
        }
        #expect(total == 330)
        for (id, scope) in Self.scopedPointsOfFocus {
            let pof = try #require(fw.requirement(id), "missing \(id)")
            #expect(pof.attribute("applies-when") == scope, "\(id)")
        }
        // Published 2022 numbering: a 2022 addition stands where the 2022 document puts it, not
        // after the 2017 list (issue #21): "assesses new architectures" is CC6.1's second point,
        // "identifies vulnerabilities" CC9.2's second, "manages patch changes" CC8.1's fourteenth.
        #expect(Self.publishedOrder.count == 13)
        for (id, titles) in Self.publishedOrder {
            let criterion = try #require(fw.requirement(id), "missing \(id)")
            #expect(criterion.children.map(\.title) == titles, "\(id)")
            #expect(titles.count == Self.pointsOfFocus[id], "\(id)")
        }
    }

    @Test func kindsAndTotals() throws {
        let fw = try Self.load()
        let all = fw.allRequirements
        let allowed: Set<RequirementKind> = [.category, .series, .criterion, .pointOfFocus]
        for requirement in all {
            #expect(allowed.contains(requirement.kind), "\(requirement.id): \(requirement.kind)")
        }
        #expect(all.filter { $0.kind == .category }.count == 5)
        #expect(all.filter { $0.kind == .series }.count == 20)
        #expect(all.filter { $0.kind == .criterion }.count == 61)
        #expect(all.filter { $0.kind == .pointOfFocus }.count == 330)
        #expect(fw.requirementCount == 5 + 20 + 61 + 330)
    }

    @Test func everyRequirementHasTitleAndDescription() throws {
        let fw = try Self.load()
        for requirement in fw.allRequirements {
            #expect(!requirement.title.isEmpty, "\(requirement.id) has no title")
            #expect(!requirement.description.isEmpty, "\(requirement.id) has no description")
            #expect(requirement.references.isEmpty, "\(requirement.id) has unexpected references")
        }
    }
}
