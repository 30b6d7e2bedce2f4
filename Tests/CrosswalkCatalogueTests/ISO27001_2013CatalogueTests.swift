import Testing
import CrosswalkModel

/// Structure of the shipped ISO/IEC 27001:2013 catalogue (`Frameworks/iso27001-2013.xml`), checked
/// against lists typed here from the standard's clause headings and Annex A (14 domains,
/// 35 control objectives, 114 controls). The lists are typed independently of the catalogue file.
@Suite("ISO/IEC 27001:2013 catalogue")
struct ISO27001_2013CatalogueTests {
    struct Item: Sendable {
        let id: String
        let title: String
        init(_ id: String, _ title: String) {
            self.id = id
            self.title = title
        }
    }

    static let frameworkID = "iso27001-2013"

    /// The id of the node one level up ("A.9.4.2" → "A.9.4", "6.1.1" → "6.1", "4" → nil).
    static func structuralParent(_ id: String) -> String? {
        guard let dot = id.lastIndex(of: ".") else { return nil }
        let parent = String(id[..<dot])
        return parent == "A" ? nil : parent
    }

    // MARK: Clauses 4–10 (management-system requirements)

    static let topLevelClauses = ["4", "5", "6", "7", "8", "9", "10"]

    static let clauses: [Item] = [
        Item("4", "Context of the organization"),
        Item("4.1", "Understanding the organization and its context"),
        Item("4.2", "Understanding the needs and expectations of interested parties"),
        Item("4.3", "Determining the scope of the information security management system"),
        Item("4.4", "Information security management system"),
        Item("5", "Leadership"),
        Item("5.1", "Leadership and commitment"),
        Item("5.2", "Policy"),
        Item("5.3", "Organizational roles, responsibilities and authorities"),
        Item("6", "Planning"),
        Item("6.1", "Actions to address risks and opportunities"),
        Item("6.1.1", "General"),
        Item("6.1.2", "Information security risk assessment"),
        Item("6.1.3", "Information security risk treatment"),
        Item("6.2", "Information security objectives and planning to achieve them"),
        Item("7", "Support"),
        Item("7.1", "Resources"),
        Item("7.2", "Competence"),
        Item("7.3", "Awareness"),
        Item("7.4", "Communication"),
        Item("7.5", "Documented information"),
        Item("7.5.1", "General"),
        Item("7.5.2", "Creating and updating"),
        Item("7.5.3", "Control of documented information"),
        Item("8", "Operation"),
        Item("8.1", "Operational planning and control"),
        Item("8.2", "Information security risk assessment"),
        Item("8.3", "Information security risk treatment"),
        Item("9", "Performance evaluation"),
        Item("9.1", "Monitoring, measurement, analysis and evaluation"),
        Item("9.2", "Internal audit"),
        Item("9.3", "Management review"),
        Item("10", "Improvement"),
        Item("10.1", "Nonconformity and corrective action"),
        Item("10.2", "Continual improvement"),
    ]

    // MARK: Annex A

    static let domains: [Item] = [
        Item("A.5", "Information security policies"),
        Item("A.6", "Organization of information security"),
        Item("A.7", "Human resource security"),
        Item("A.8", "Asset management"),
        Item("A.9", "Access control"),
        Item("A.10", "Cryptography"),
        Item("A.11", "Physical and environmental security"),
        Item("A.12", "Operations security"),
        Item("A.13", "Communications security"),
        Item("A.14", "System acquisition, development and maintenance"),
        Item("A.15", "Supplier relationships"),
        Item("A.16", "Information security incident management"),
        Item("A.17", "Information security aspects of business continuity management"),
        Item("A.18", "Compliance"),
    ]

    static let objectives: [Item] = [
        Item("A.5.1", "Management direction for information security"),
        Item("A.6.1", "Internal organization"),
        Item("A.6.2", "Mobile devices and teleworking"),
        Item("A.7.1", "Prior to employment"),
        Item("A.7.2", "During employment"),
        Item("A.7.3", "Termination and change of employment"),
        Item("A.8.1", "Responsibility for assets"),
        Item("A.8.2", "Information classification"),
        Item("A.8.3", "Media handling"),
        Item("A.9.1", "Business requirements of access control"),
        Item("A.9.2", "User access management"),
        Item("A.9.3", "User responsibilities"),
        Item("A.9.4", "System and application access control"),
        Item("A.10.1", "Cryptographic controls"),
        Item("A.11.1", "Secure areas"),
        Item("A.11.2", "Equipment"),
        Item("A.12.1", "Operational procedures and responsibilities"),
        Item("A.12.2", "Protection from malware"),
        Item("A.12.3", "Backup"),
        Item("A.12.4", "Logging and monitoring"),
        Item("A.12.5", "Control of operational software"),
        Item("A.12.6", "Technical vulnerability management"),
        Item("A.12.7", "Information systems audit considerations"),
        Item("A.13.1", "Network security management"),
        Item("A.13.2", "Information transfer"),
        Item("A.14.1", "Security requirements of information systems"),
        Item("A.14.2", "Security in development and support processes"),
        Item("A.14.3", "Test data"),
        Item("A.15.1", "Information security in supplier relationships"),
        Item("A.15.2", "Supplier service delivery management"),
        Item("A.16.1", "Management of information security incidents and improvements"),
        Item("A.17.1", "Information security continuity"),
        Item("A.17.2", "Redundancies"),
        Item("A.18.1", "Compliance with legal and contractual requirements"),
        Item("A.18.2", "Information security reviews"),
    ]

    static let controls: [Item] = [
        // A.5 Information security policies
        Item("A.5.1.1", "Policies for information security"),
        Item("A.5.1.2", "Review of the policies for information security"),
        // A.6 Organization of information security
        Item("A.6.1.1", "Information security roles and responsibilities"),
        Item("A.6.1.2", "Segregation of duties"),
        Item("A.6.1.3", "Contact with authorities"),
        Item("A.6.1.4", "Contact with special interest groups"),
        Item("A.6.1.5", "Information security in project management"),
        Item("A.6.2.1", "Mobile device policy"),
        Item("A.6.2.2", "Teleworking"),
        // A.7 Human resource security
        Item("A.7.1.1", "Screening"),
        Item("A.7.1.2", "Terms and conditions of employment"),
        Item("A.7.2.1", "Management responsibilities"),
        Item("A.7.2.2", "Information security awareness, education and training"),
        Item("A.7.2.3", "Disciplinary process"),
        Item("A.7.3.1", "Termination or change of employment responsibilities"),
        // A.8 Asset management
        Item("A.8.1.1", "Inventory of assets"),
        Item("A.8.1.2", "Ownership of assets"),
        Item("A.8.1.3", "Acceptable use of assets"),
        Item("A.8.1.4", "Return of assets"),
        Item("A.8.2.1", "Classification of information"),
        Item("A.8.2.2", "Labelling of information"),
        Item("A.8.2.3", "Handling of assets"),
        Item("A.8.3.1", "Management of removable media"),
        Item("A.8.3.2", "Disposal of media"),
        Item("A.8.3.3", "Physical media transfer"),
        // A.9 Access control
        Item("A.9.1.1", "Access control policy"),
        Item("A.9.1.2", "Access to networks and network services"),
        Item("A.9.2.1", "User registration and de-registration"),
        Item("A.9.2.2", "User access provisioning"),
        Item("A.9.2.3", "Management of privileged access rights"),
        Item("A.9.2.4", "Management of secret authentication information of users"),
        Item("A.9.2.5", "Review of user access rights"),
        Item("A.9.2.6", "Removal or adjustment of access rights"),
        Item("A.9.3.1", "Use of secret authentication information"),
        Item("A.9.4.1", "Information access restriction"),
        Item("A.9.4.2", "Secure log-on procedures"),
        Item("A.9.4.3", "Password management system"),
        Item("A.9.4.4", "Use of privileged utility programs"),
        Item("A.9.4.5", "Access control to program source code"),
        // A.10 Cryptography
        Item("A.10.1.1", "Policy on the use of cryptographic controls"),
        Item("A.10.1.2", "Key management"),
        // A.11 Physical and environmental security
        Item("A.11.1.1", "Physical security perimeter"),
        Item("A.11.1.2", "Physical entry controls"),
        Item("A.11.1.3", "Securing offices, rooms and facilities"),
        Item("A.11.1.4", "Protecting against external and environmental threats"),
        Item("A.11.1.5", "Working in secure areas"),
        Item("A.11.1.6", "Delivery and loading areas"),
        Item("A.11.2.1", "Equipment siting and protection"),
        Item("A.11.2.2", "Supporting utilities"),
        Item("A.11.2.3", "Cabling security"),
        Item("A.11.2.4", "Equipment maintenance"),
        Item("A.11.2.5", "Removal of assets"),
        Item("A.11.2.6", "Security of equipment and assets off-premises"),
        Item("A.11.2.7", "Secure disposal or re-use of equipment"),
        Item("A.11.2.8", "Unattended user equipment"),
        Item("A.11.2.9", "Clear desk and clear screen policy"),
        // A.12 Operations security
        Item("A.12.1.1", "Documented operating procedures"),
        Item("A.12.1.2", "Change management"),
        Item("A.12.1.3", "Capacity management"),
        Item("A.12.1.4", "Separation of development, testing and operational environments"),
        Item("A.12.2.1", "Controls against malware"),
        Item("A.12.3.1", "Information backup"),
        Item("A.12.4.1", "Event logging"),
        Item("A.12.4.2", "Protection of log information"),
        Item("A.12.4.3", "Administrator and operator logs"),
        Item("A.12.4.4", "Clock synchronisation"),
        Item("A.12.5.1", "Installation of software on operational systems"),
        Item("A.12.6.1", "Management of technical vulnerabilities"),
        Item("A.12.6.2", "Restrictions on software installation"),
        Item("A.12.7.1", "Information systems audit controls"),
        // A.13 Communications security
        Item("A.13.1.1", "Network controls"),
        Item("A.13.1.2", "Security of network services"),
        Item("A.13.1.3", "Segregation in networks"),
        Item("A.13.2.1", "Information transfer policies and procedures"),
        Item("A.13.2.2", "Agreements on information transfer"),
        Item("A.13.2.3", "Electronic messaging"),
        Item("A.13.2.4", "Confidentiality or non-disclosure agreements"),
        // A.14 System acquisition, development and maintenance
        Item("A.14.1.1", "Information security requirements analysis and specification"),
        Item("A.14.1.2", "Securing application services on public networks"),
        Item("A.14.1.3", "Protecting application services transactions"),
        Item("A.14.2.1", "Secure development policy"),
        Item("A.14.2.2", "System change control procedures"),
        Item("A.14.2.3", "Technical review of applications after operating platform changes"),
        Item("A.14.2.4", "Restrictions on changes to software packages"),
        Item("A.14.2.5", "Secure system engineering principles"),
        Item("A.14.2.6", "Secure development environment"),
        Item("A.14.2.7", "Outsourced development"),
        Item("A.14.2.8", "System security testing"),
        Item("A.14.2.9", "System acceptance testing"),
        Item("A.14.3.1", "Protection of test data"),
        // A.15 Supplier relationships
        Item("A.15.1.1", "Information security policy for supplier relationships"),
        Item("A.15.1.2", "Addressing security within supplier agreements"),
        Item("A.15.1.3", "Information and communication technology supply chain"),
        Item("A.15.2.1", "Monitoring and review of supplier services"),
        Item("A.15.2.2", "Managing changes to supplier services"),
        // A.16 Information security incident management
        Item("A.16.1.1", "Responsibilities and procedures"),
        Item("A.16.1.2", "Reporting information security events"),
        Item("A.16.1.3", "Reporting information security weaknesses"),
        Item("A.16.1.4", "Assessment of and decision on information security events"),
        Item("A.16.1.5", "Response to information security incidents"),
        Item("A.16.1.6", "Learning from information security incidents"),
        Item("A.16.1.7", "Collection of evidence"),
        // A.17 Information security aspects of business continuity management
        Item("A.17.1.1", "Planning information security continuity"),
        Item("A.17.1.2", "Implementing information security continuity"),
        Item("A.17.1.3", "Verify, review and evaluate information security continuity"),
        Item("A.17.2.1", "Availability of information processing facilities"),
        // A.18 Compliance
        Item("A.18.1.1", "Identification of applicable legislation and contractual requirements"),
        Item("A.18.1.2", "Intellectual property rights"),
        Item("A.18.1.3", "Protection of records"),
        Item("A.18.1.4", "Privacy and protection of personally identifiable information"),
        Item("A.18.1.5", "Regulation of cryptographic controls"),
        Item("A.18.2.1", "Independent review of information security"),
        Item("A.18.2.2", "Compliance with security policies and standards"),
        Item("A.18.2.3", "Technical compliance review"),
    ]

    /// Controls per Annex A domain, as counted in the standard.
    static let controlsPerDomain: [String: Int] = [
        "A.5": 2, "A.6": 7, "A.7": 6, "A.8": 10, "A.9": 14, "A.10": 2, "A.11": 15,
        "A.12": 14, "A.13": 7, "A.14": 13, "A.15": 5, "A.16": 7, "A.17": 4, "A.18": 8,
    ]

    // MARK: Tests

    @Test func provenance() throws {
        let fw = try Shipped.framework(Self.frameworkID)
        #expect(fw.id == "iso27001-2013")
        #expect(fw.kind == .certification)
        #expect(fw.title == "ISO/IEC 27001:2013 Information technology — Security techniques — Information security management systems — Requirements")
        #expect(fw.version == "2013 (second edition, incl. Cor 1:2014 and Cor 2:2015)")
        #expect(fw.publisher == "ISO/IEC JTC 1/SC 27")
        #expect(fw.published == "2013-10-01")
        #expect(fw.sourceURL == "https://www.iso.org/standard/54534.html")
        #expect(fw.licence.contains("copyright"))
        #expect(fw.description.contains("withdrawn"))
        #expect(fw.description.contains("27001:2022"))
        #expect(fw.description.contains("31 October 2025"))
    }

    @Test func typedListsAreConsistent() {
        // Guards the typed lists themselves before they are compared with the catalogue.
        #expect(Self.clauses.count == 35)
        #expect(Self.domains.count == 14)
        #expect(Self.objectives.count == 35)
        #expect(Self.controls.count == 114)
        #expect(Self.controlsPerDomain.values.reduce(0, +) == 114)
        for domain in Self.domains {
            let typed = Self.controls.filter { Self.structuralParent(Self.structuralParent($0.id) ?? "") == domain.id }
            #expect(typed.count == Self.controlsPerDomain[domain.id], "typed controls in \(domain.id)")
        }
        let allIDs = (Self.clauses + Self.domains + Self.objectives + Self.controls).map(\.id)
        #expect(Set(allIDs).count == allIDs.count)
    }

    @Test func countsAndKinds() throws {
        let fw = try Shipped.framework(Self.frameworkID)
        #expect(fw.requirementCount == 198)
        #expect(fw.allRequirements.count == 198)
        #expect(fw.requirements(ofKind: .clause).count == 35)
        #expect(fw.requirements(ofKind: .domain).count == 14)
        #expect(fw.requirements(ofKind: .objective).count == 35)
        #expect(fw.requirements(ofKind: .control).count == 114)
    }

    @Test func idsAreUniqueAndExactlyTheExpectedOnes() throws {
        let fw = try Shipped.framework(Self.frameworkID)
        let ids = fw.allRequirements.map(\.id)
        #expect(Set(ids).count == ids.count, "duplicate ids")
        let expected = Set((Self.clauses + Self.domains + Self.objectives + Self.controls).map(\.id))
        let actual = Set(ids)
        #expect(actual.subtracting(expected).isEmpty, "unexpected ids: \(actual.subtracting(expected).sorted())")
        #expect(expected.subtracting(actual).isEmpty, "missing ids: \(expected.subtracting(actual).sorted())")
    }

    @Test func topLevelOrder() throws {
        let fw = try Shipped.framework(Self.frameworkID)
        #expect(fw.requirements.map(\.id) == Self.topLevelClauses + Self.domains.map(\.id))
    }

    @Test func clauseTree() throws {
        let fw = try Shipped.framework(Self.frameworkID)
        for item in Self.clauses {
            let r = fw.requirement(item.id)
            #expect(r != nil, "missing clause \(item.id)")
            #expect(r?.kind == .clause, "kind of \(item.id)")
            #expect(r?.title == item.title, "title of \(item.id)")
            #expect(fw.parentID(of: item.id) == Self.structuralParent(item.id), "parent of \(item.id)")
        }
        // The 2013 order: 10.1 is nonconformity and corrective action, 10.2 continual improvement.
        #expect(fw.requirement("10.1")?.title == "Nonconformity and corrective action")
        #expect(fw.requirement("10.2")?.title == "Continual improvement")
        #expect(fw.requirement("10")?.children.map(\.id) == ["10.1", "10.2"])
        #expect(fw.requirement("6.1")?.children.map(\.id) == ["6.1.1", "6.1.2", "6.1.3"])
        #expect(fw.requirement("7.5")?.children.map(\.id) == ["7.5.1", "7.5.2", "7.5.3"])
    }

    @Test func domainNodes() throws {
        let fw = try Shipped.framework(Self.frameworkID)
        for item in Self.domains {
            let r = fw.requirement(item.id)
            #expect(r != nil, "missing domain \(item.id)")
            #expect(r?.kind == .domain, "kind of \(item.id)")
            #expect(r?.title == item.title, "title of \(item.id)")
            #expect(fw.parentID(of: item.id) == nil, "\(item.id) is top level")
            #expect(r?.children.allSatisfy { $0.kind == .objective } == true, "children of \(item.id)")
        }
    }

    @Test func objectiveNodes() throws {
        let fw = try Shipped.framework(Self.frameworkID)
        for item in Self.objectives {
            let r = fw.requirement(item.id)
            #expect(r != nil, "missing objective \(item.id)")
            #expect(r?.kind == .objective, "kind of \(item.id)")
            #expect(r?.title == item.title, "title of \(item.id)")
            let parent = Self.structuralParent(item.id)
            #expect(parent != nil && fw.parentID(of: item.id) == parent, "parent of \(item.id)")
            #expect(fw.requirement(parent ?? "")?.kind == .domain, "parent of \(item.id) is a domain")
            #expect(r?.children.isEmpty == false, "\(item.id) has controls")
            #expect(r?.children.allSatisfy { $0.kind == .control } == true, "children of \(item.id)")
        }
    }

    @Test func controlNodes() throws {
        let fw = try Shipped.framework(Self.frameworkID)
        for item in Self.controls {
            let r = fw.requirement(item.id)
            #expect(r != nil, "missing control \(item.id)")
            #expect(r?.kind == .control, "kind of \(item.id)")
            #expect(r?.title == item.title, "title of \(item.id)")
            let objective = Self.structuralParent(item.id)
            #expect(objective != nil && fw.parentID(of: item.id) == objective, "parent of \(item.id)")
            #expect(fw.requirement(objective ?? "")?.kind == .objective, "parent of \(item.id) is an objective")
            #expect(r?.children.isEmpty == true, "\(item.id) has no children")
        }
    }

    @Test func controlCountsPerDomain() throws {
        let fw = try Shipped.framework(Self.frameworkID)
        var total = 0
        for (domainID, expected) in Self.controlsPerDomain {
            let domain = try #require(fw.requirement(domainID), "missing domain \(domainID)")
            let count = domain.children.reduce(0) { sum, objective in
                sum + objective.children.filter { child in child.kind == .control }.count
            }
            #expect(count == expected, "controls in \(domainID)")
            total += count
        }
        #expect(total == 114)
    }

    @Test func titleSpotChecks() throws {
        let fw = try Shipped.framework(Self.frameworkID)
        #expect(fw.requirement("A.9.4.2")?.title == "Secure log-on procedures")
        #expect(fw.requirement("A.12.6.1")?.title == "Management of technical vulnerabilities")
        #expect(fw.requirement("A.18.1.4")?.title == "Privacy and protection of personally identifiable information")
        #expect(fw.requirement("A.12.4.4")?.title == "Clock synchronisation")
        #expect(fw.requirement("A.17")?.title == "Information security aspects of business continuity management")
        #expect(fw.requirement("A.16.1")?.title == "Management of information security incidents and improvements")
    }

    @Test func everyRequirementHasADescription() throws {
        let fw = try Shipped.framework(Self.frameworkID)
        for r in fw.allRequirements {
            #expect(r.title.contains { !$0.isWhitespace }, "title of \(r.id)")
            #expect(r.description.contains { !$0.isWhitespace }, "description of \(r.id)")
        }
    }

    @Test func referencesResolve() throws {
        let fw = try Shipped.framework(Self.frameworkID)
        let ids = Set(fw.allRequirements.map(\.id))
        for r in fw.allRequirements {
            for ref in r.references {
                #expect(ids.contains(ref), "\(r.id) refers to unknown \(ref)")
            }
        }
        #expect(fw.requirement("8.2")?.references == ["6.1.2"])
        #expect(fw.requirement("8.3")?.references == ["6.1.3"])
    }
}
