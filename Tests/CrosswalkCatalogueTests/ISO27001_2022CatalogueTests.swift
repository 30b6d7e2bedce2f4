import Testing
import CrosswalkModel

/// Structure of the shipped ISO/IEC 27001:2022 catalogue (Frameworks/iso27001-2022.xml), checked against
/// identifiers and titles typed here from ISO/IEC 27001:2022 (clauses 4–10 and Annex A, incl. Amd 1:2024)
/// and attribute values typed from ISO/IEC 27002:2022 Table A.1.
@Suite("ISO/IEC 27001:2022 catalogue")
struct ISO27001_2022CatalogueTests {
    static let frameworkID = "iso27001-2022"

    /// Management-system clauses: id, official title, parent id (nil for top level).
    static let clauses: [(id: String, title: String, parent: String?)] = [
        ("4", "Context of the organization", nil),
        ("4.1", "Understanding the organization and its context", "4"),
        ("4.2", "Understanding the needs and expectations of interested parties", "4"),
        ("4.3", "Determining the scope of the information security management system", "4"),
        ("4.4", "Information security management system", "4"),
        ("5", "Leadership", nil),
        ("5.1", "Leadership and commitment", "5"),
        ("5.2", "Policy", "5"),
        ("5.3", "Organizational roles, responsibilities and authorities", "5"),
        ("6", "Planning", nil),
        ("6.1", "Actions to address risks and opportunities", "6"),
        ("6.1.1", "General", "6.1"),
        ("6.1.2", "Information security risk assessment", "6.1"),
        ("6.1.3", "Information security risk treatment", "6.1"),
        ("6.2", "Information security objectives and planning to achieve them", "6"),
        ("6.3", "Planning of changes", "6"),
        ("7", "Support", nil),
        ("7.1", "Resources", "7"),
        ("7.2", "Competence", "7"),
        ("7.3", "Awareness", "7"),
        ("7.4", "Communication", "7"),
        ("7.5", "Documented information", "7"),
        ("7.5.1", "General", "7.5"),
        ("7.5.2", "Creating and updating", "7.5"),
        ("7.5.3", "Control of documented information", "7.5"),
        ("8", "Operation", nil),
        ("8.1", "Operational planning and control", "8"),
        ("8.2", "Information security risk assessment", "8"),
        ("8.3", "Information security risk treatment", "8"),
        ("9", "Performance evaluation", nil),
        ("9.1", "Monitoring, measurement, analysis and evaluation", "9"),
        ("9.2", "Internal audit", "9"),
        ("9.2.1", "General", "9.2"),
        ("9.2.2", "Internal audit programme", "9.2"),
        ("9.3", "Management review", "9"),
        ("9.3.1", "General", "9.3"),
        ("9.3.2", "Management review inputs", "9.3"),
        ("9.3.3", "Management review results", "9.3"),
        ("10", "Improvement", nil),
        ("10.1", "Continual improvement", "10"),
        ("10.2", "Nonconformity and corrective action", "10"),
    ]

    static let themes: [(id: String, title: String, count: Int)] = [
        ("A.5", "Organizational controls", 37),
        ("A.6", "People controls", 8),
        ("A.7", "Physical controls", 14),
        ("A.8", "Technological controls", 34),
    ]

    /// All 93 Annex A controls with their official ISO/IEC 27001:2022 titles.
    static let controls: [(id: String, title: String)] = [
        ("A.5.1", "Policies for information security"),
        ("A.5.2", "Information security roles and responsibilities"),
        ("A.5.3", "Segregation of duties"),
        ("A.5.4", "Management responsibilities"),
        ("A.5.5", "Contact with authorities"),
        ("A.5.6", "Contact with special interest groups"),
        ("A.5.7", "Threat intelligence"),
        ("A.5.8", "Information security in project management"),
        ("A.5.9", "Inventory of information and other associated assets"),
        ("A.5.10", "Acceptable use of information and other associated assets"),
        ("A.5.11", "Return of assets"),
        ("A.5.12", "Classification of information"),
        ("A.5.13", "Labelling of information"),
        ("A.5.14", "Information transfer"),
        ("A.5.15", "Access control"),
        ("A.5.16", "Identity management"),
        ("A.5.17", "Authentication information"),
        ("A.5.18", "Access rights"),
        ("A.5.19", "Information security in supplier relationships"),
        ("A.5.20", "Addressing information security within supplier agreements"),
        ("A.5.21", "Managing information security in the ICT supply chain"),
        ("A.5.22", "Monitoring, review and change management of supplier services"),
        ("A.5.23", "Information security for use of cloud services"),
        ("A.5.24", "Information security incident management planning and preparation"),
        ("A.5.25", "Assessment and decision on information security events"),
        ("A.5.26", "Response to information security incidents"),
        ("A.5.27", "Learning from information security incidents"),
        ("A.5.28", "Collection of evidence"),
        ("A.5.29", "Information security during disruption"),
        ("A.5.30", "ICT readiness for business continuity"),
        ("A.5.31", "Legal, statutory, regulatory and contractual requirements"),
        ("A.5.32", "Intellectual property rights"),
        ("A.5.33", "Protection of records"),
        ("A.5.34", "Privacy and protection of PII"),
        ("A.5.35", "Independent review of information security"),
        ("A.5.36", "Compliance with policies, rules and standards for information security"),
        ("A.5.37", "Documented operating procedures"),
        ("A.6.1", "Screening"),
        ("A.6.2", "Terms and conditions of employment"),
        ("A.6.3", "Information security awareness, education and training"),
        ("A.6.4", "Disciplinary process"),
        ("A.6.5", "Responsibilities after termination or change of employment"),
        ("A.6.6", "Confidentiality or non-disclosure agreements"),
        ("A.6.7", "Remote working"),
        ("A.6.8", "Information security event reporting"),
        ("A.7.1", "Physical security perimeters"),
        ("A.7.2", "Physical entry"),
        ("A.7.3", "Securing offices, rooms and facilities"),
        ("A.7.4", "Physical security monitoring"),
        ("A.7.5", "Protecting against physical and environmental threats"),
        ("A.7.6", "Working in secure areas"),
        ("A.7.7", "Clear desk and clear screen"),
        ("A.7.8", "Equipment siting and protection"),
        ("A.7.9", "Security of assets off-premises"),
        ("A.7.10", "Storage media"),
        ("A.7.11", "Supporting utilities"),
        ("A.7.12", "Cabling security"),
        ("A.7.13", "Equipment maintenance"),
        ("A.7.14", "Secure disposal or re-use of equipment"),
        ("A.8.1", "User end point devices"),
        ("A.8.2", "Privileged access rights"),
        ("A.8.3", "Information access restriction"),
        ("A.8.4", "Access to source code"),
        ("A.8.5", "Secure authentication"),
        ("A.8.6", "Capacity management"),
        ("A.8.7", "Protection against malware"),
        ("A.8.8", "Management of technical vulnerabilities"),
        ("A.8.9", "Configuration management"),
        ("A.8.10", "Information deletion"),
        ("A.8.11", "Data masking"),
        ("A.8.12", "Data leakage prevention"),
        ("A.8.13", "Information backup"),
        ("A.8.14", "Redundancy of information processing facilities"),
        ("A.8.15", "Logging"),
        ("A.8.16", "Monitoring activities"),
        ("A.8.17", "Clock synchronization"),
        ("A.8.18", "Use of privileged utility programs"),
        ("A.8.19", "Installation of software on operational systems"),
        ("A.8.20", "Networks security"),
        ("A.8.21", "Security of network services"),
        ("A.8.22", "Segregation of networks"),
        ("A.8.23", "Web filtering"),
        ("A.8.24", "Use of cryptography"),
        ("A.8.25", "Secure development life cycle"),
        ("A.8.26", "Application security requirements"),
        ("A.8.27", "Secure system architecture and engineering principles"),
        ("A.8.28", "Secure coding"),
        ("A.8.29", "Security testing in development and acceptance"),
        ("A.8.30", "Outsourced development"),
        ("A.8.31", "Separation of development, test and production environments"),
        ("A.8.32", "Change management"),
        ("A.8.33", "Test information"),
        ("A.8.34", "Protection of information systems during audit testing"),
    ]

    /// The 11 controls new in the 2022 edition.
    static let newIn2022: Set<String> = [
        "A.5.7", "A.5.23", "A.5.30", "A.7.4", "A.8.9", "A.8.10", "A.8.11", "A.8.12", "A.8.16", "A.8.23", "A.8.28",
    ]

    static let attributeValues: [String: Set<String>] = [
        "control-type": ["preventive", "detective", "corrective"],
        "security-property": ["confidentiality", "integrity", "availability"],
        "cybersecurity-concept": ["identify", "protect", "detect", "respond", "recover"],
        "operational-capability": [
            "governance", "asset-management", "information-protection", "human-resource-security",
            "physical-security", "system-and-network-security", "application-security", "secure-configuration",
            "identity-and-access-management", "threat-and-vulnerability-management", "continuity",
            "supplier-relationships-security", "legal-and-compliance", "information-security-event-management",
            "information-security-assurance",
        ],
        "security-domain": ["governance-and-ecosystem", "protection", "defence", "resilience"],
    ]

    /// Spot checks from ISO/IEC 27002:2022 Table A.1: control → attribute name → values in the standard's order.
    static let spotChecks: [String: [String: [String]]] = [
        "A.5.1": [
            "control-type": ["preventive"],
            "security-property": ["confidentiality", "integrity", "availability"],
            "cybersecurity-concept": ["identify"],
            "operational-capability": ["governance"],
            "security-domain": ["governance-and-ecosystem", "resilience"],
        ],
        "A.5.7": [
            "control-type": ["preventive", "detective", "corrective"],
            "security-property": ["confidentiality", "integrity", "availability"],
            "cybersecurity-concept": ["identify", "detect", "respond"],
            "operational-capability": ["threat-and-vulnerability-management"],
            "security-domain": ["defence", "resilience"],
        ],
        "A.5.22": [
            "control-type": ["preventive"],
            "cybersecurity-concept": ["identify"],
            "operational-capability": ["supplier-relationships-security", "information-security-assurance"],
            "security-domain": ["governance-and-ecosystem", "protection", "defence"],
        ],
        "A.5.30": [
            "control-type": ["corrective"],
            "security-property": ["availability"],
            "cybersecurity-concept": ["respond"],
            "operational-capability": ["continuity"],
            "security-domain": ["resilience"],
        ],
        "A.6.6": [
            "security-property": ["confidentiality"],
            "operational-capability": [
                "human-resource-security", "information-protection", "supplier-relationships-security",
            ],
        ],
        "A.7.11": [
            "control-type": ["preventive", "detective"],
            "security-property": ["integrity", "availability"],
            "cybersecurity-concept": ["protect", "detect"],
        ],
        "A.8.13": [
            "control-type": ["corrective"],
            "security-property": ["integrity", "availability"],
            "cybersecurity-concept": ["recover"],
            "operational-capability": ["continuity"],
            "security-domain": ["protection"],
        ],
        "A.8.16": [
            "control-type": ["detective", "corrective"],
            "security-property": ["confidentiality", "integrity", "availability"],
            "cybersecurity-concept": ["detect", "respond"],
            "operational-capability": ["information-security-event-management"],
            "security-domain": ["defence"],
        ],
        "A.8.24": [
            "control-type": ["preventive"],
            "security-property": ["confidentiality", "integrity", "availability"],
            "cybersecurity-concept": ["protect"],
            "operational-capability": ["secure-configuration"],
            "security-domain": ["protection"],
        ],
        "A.8.30": [
            "control-type": ["preventive", "detective"],
            "cybersecurity-concept": ["identify", "protect", "detect"],
            "operational-capability": [
                "system-and-network-security", "application-security", "supplier-relationships-security",
            ],
            "security-domain": ["governance-and-ecosystem", "protection"],
        ],
    ]

    @Test func provenance() throws {
        let fw = try Shipped.framework(Self.frameworkID)
        #expect(fw.id == "iso27001-2022")
        #expect(fw.kind == .certification)
        #expect(fw.title == "ISO/IEC 27001:2022 Information security, cybersecurity and privacy protection — Information security management systems — Requirements")
        #expect(fw.version == "2022 (third edition, incl. Amd 1:2024)")
        #expect(fw.publisher == "ISO/IEC JTC 1/SC 27")
        #expect(fw.published == "2022-10-25")
        #expect(fw.sourceURL == "https://www.iso.org/standard/27001")
        #expect(!fw.licence.isEmpty)
    }

    @Test func countsAndUniqueIDs() throws {
        let fw = try Shipped.framework(Self.frameworkID)
        let ids = fw.allRequirements.map(\.id)
        #expect(Set(ids).count == ids.count, "duplicate ids")
        #expect(Self.clauses.count == 41)
        #expect(Self.controls.count == 93)
        #expect(fw.requirementCount == Self.clauses.count + Self.themes.count + Self.controls.count)
        let expected = Set(Self.clauses.map { $0.id } + Self.themes.map { $0.id } + Self.controls.map { $0.id })
        #expect(Set(ids) == expected)
        #expect(fw.requirements(ofKind: .control).count == 93)
        #expect(fw.requirements(ofKind: .clause).count == 41)
        #expect(fw.requirements(ofKind: .theme).count == 4)
    }

    @Test func topLevelOrder() throws {
        let fw = try Shipped.framework(Self.frameworkID)
        #expect(fw.requirements.map(\.id) == ["4", "5", "6", "7", "8", "9", "10", "A.5", "A.6", "A.7", "A.8"])
    }

    @Test func clausesMatchTheStandard() throws {
        let fw = try Shipped.framework(Self.frameworkID)
        for c in Self.clauses {
            let r = try #require(fw.requirement(c.id), "missing clause \(c.id)")
            #expect(r.title == c.title, "title of \(c.id)")
            #expect(r.kind == .clause, "kind of \(c.id)")
            #expect(fw.parentID(of: c.id) == c.parent, "parent of \(c.id)")
        }
        // 2022 order of clause 10: continual improvement first.
        let ten = try #require(fw.requirement("10"))
        #expect(ten.children.map(\.id) == ["10.1", "10.2"])
        #expect(fw.requirement("10.1")?.title == "Continual improvement")
        #expect(fw.requirement("6.1")?.children.map(\.id) == ["6.1.1", "6.1.2", "6.1.3"])
        #expect(fw.requirement("9.3")?.children.map(\.id) == ["9.3.1", "9.3.2", "9.3.3"])
        // Amendment 1:2024 (climate change) is mentioned in 4.1 and 4.2.
        for id in ["4.1", "4.2"] {
            let d = fw.requirement(id)?.description.lowercased() ?? ""
            #expect(d.contains("climate"), "\(id) should mention the 2024 climate-change amendment")
        }
    }

    @Test func themesHoldTheirControls() throws {
        let fw = try Shipped.framework(Self.frameworkID)
        for t in Self.themes {
            let theme = try #require(fw.requirement(t.id), "missing theme \(t.id)")
            #expect(theme.kind == .theme)
            #expect(theme.title == t.title)
            #expect(fw.parentID(of: t.id) == nil)
            #expect(theme.children.count == t.count, "controls in \(t.id)")
            let expected = (1...t.count).map { "\(t.id).\($0)" }
            #expect(theme.children.map(\.id) == expected, "order of controls in \(t.id)")
        }
    }

    @Test func controlsMatchAnnexA() throws {
        let fw = try Shipped.framework(Self.frameworkID)
        for c in Self.controls {
            let r = try #require(fw.requirement(c.id), "missing control \(c.id)")
            #expect(r.title == c.title, "title of \(c.id)")
            #expect(r.kind == .control, "kind of \(c.id)")
            let theme = String(c.id.split(separator: ".").prefix(2).joined(separator: "."))
            #expect(fw.parentID(of: c.id) == theme, "parent of \(c.id)")
            #expect(r.children.isEmpty)
        }
    }

    @Test func everyControlHasAllFiveAttributes() throws {
        let fw = try Shipped.framework(Self.frameworkID)
        for r in fw.requirements(ofKind: .control) {
            for (name, allowed) in Self.attributeValues {
                let values = r.attributes[name] ?? []
                #expect(!values.isEmpty, "\(r.id) lacks \(name)")
                #expect(Set(values).isSubset(of: allowed), "\(r.id) \(name) has \(values)")
                #expect(Set(values).count == values.count, "\(r.id) \(name) repeats a value")
            }
            let known = Set(Self.attributeValues.keys).union(["new-in-2022"])
            #expect(Set(r.attributes.keys).isSubset(of: known), "\(r.id) has unexpected attributes")
        }
    }

    @Test func newControlsOf2022() throws {
        let fw = try Shipped.framework(Self.frameworkID)
        #expect(Self.newIn2022.count == 11)
        let flagged = Set(fw.requirements(ofKind: .control).filter { $0.attribute("new-in-2022") == "true" }.map(\.id))
        #expect(flagged == Self.newIn2022)
        #expect(fw.requirement("A.5.7")?.title == "Threat intelligence")
        #expect(fw.requirement("A.5.23")?.title == "Information security for use of cloud services")
        #expect(fw.requirement("A.8.28")?.title == "Secure coding")
    }

    @Test func attributeSpotChecks() throws {
        let fw = try Shipped.framework(Self.frameworkID)
        for (id, expected) in Self.spotChecks {
            let r = try #require(fw.requirement(id), "missing \(id)")
            for (name, values) in expected {
                #expect(r.attributes[name] == values, "\(id) \(name)")
            }
        }
        // Counts by control type that follow from Table A.1.
        let controls = fw.requirements(ofKind: .control)
        let correctiveOnly = controls.filter { $0.attributes["control-type"] == ["corrective"] }.map(\.id)
        #expect(Set(correctiveOnly) == ["A.5.24", "A.5.26", "A.5.28", "A.5.30", "A.8.13"])
        let corrective = controls.filter { $0.attributes["control-type"]?.contains("corrective") == true }
        #expect(corrective.count == 14)
    }

    @Test func descriptionsAndReferences() throws {
        let fw = try Shipped.framework(Self.frameworkID)
        let ids = Set(fw.allRequirements.map(\.id))
        for r in fw.allRequirements {
            #expect(!r.title.isEmpty, "\(r.id) has no title")
            #expect(r.description.contains { !$0.isWhitespace }, "\(r.id) has no description")
            for ref in r.references {
                #expect(ids.contains(ref), "\(r.id) refers to unknown \(ref)")
            }
        }
    }
}
