import Testing
import CrosswalkModel

/// Structure test for `Frameworks/gdpr.yaml`.
///
/// Every list below is typed from the official text of Regulation (EU) 2016/679 (consolidated English
/// text, OJ L 119, 4.5.2016, p. 1, with the 2018 corrigendum), not generated from the catalogue:
/// chapter and section titles and ranges, the 99 article titles, and the numbered paragraphs and
/// lettered points of the articles the catalogue breaks down.
@Suite("GDPR catalogue")
struct GDPRCatalogueTests {
    struct Chapter: Sendable {
        let id: String
        let title: String
        let articles: ClosedRange<Int>
    }

    struct Section: Sendable {
        let id: String
        let title: String
        let chapter: String
        let articles: ClosedRange<Int>
    }

    static let chapters: [Chapter] = [
        Chapter(id: "Chapter I", title: "General provisions", articles: 1...4),
        Chapter(id: "Chapter II", title: "Principles", articles: 5...11),
        Chapter(id: "Chapter III", title: "Rights of the data subject", articles: 12...23),
        Chapter(id: "Chapter IV", title: "Controller and processor", articles: 24...43),
        Chapter(
            id: "Chapter V", title: "Transfers of personal data to third countries or international organisations",
            articles: 44...50),
        Chapter(id: "Chapter VI", title: "Independent supervisory authorities", articles: 51...59),
        Chapter(id: "Chapter VII", title: "Cooperation and consistency", articles: 60...76),
        Chapter(id: "Chapter VIII", title: "Remedies, liability and penalties", articles: 77...84),
        Chapter(id: "Chapter IX", title: "Provisions relating to specific processing situations", articles: 85...91),
        Chapter(id: "Chapter X", title: "Delegated acts and implementing acts", articles: 92...93),
        Chapter(id: "Chapter XI", title: "Final provisions", articles: 94...99),
    ]

    static let sections: [Section] = [
        Section(id: "Chapter III Section 1", title: "Transparency and modalities", chapter: "Chapter III", articles: 12...12),
        Section(
            id: "Chapter III Section 2", title: "Information and access to personal data", chapter: "Chapter III",
            articles: 13...15),
        Section(id: "Chapter III Section 3", title: "Rectification and erasure", chapter: "Chapter III", articles: 16...20),
        Section(
            id: "Chapter III Section 4", title: "Right to object and automated individual decision-making",
            chapter: "Chapter III", articles: 21...22),
        Section(id: "Chapter III Section 5", title: "Restrictions", chapter: "Chapter III", articles: 23...23),
        Section(id: "Chapter IV Section 1", title: "General obligations", chapter: "Chapter IV", articles: 24...31),
        Section(id: "Chapter IV Section 2", title: "Security of personal data", chapter: "Chapter IV", articles: 32...34),
        Section(
            id: "Chapter IV Section 3", title: "Data protection impact assessment and prior consultation",
            chapter: "Chapter IV", articles: 35...36),
        Section(id: "Chapter IV Section 4", title: "Data protection officer", chapter: "Chapter IV", articles: 37...39),
        Section(
            id: "Chapter IV Section 5", title: "Codes of conduct and certification", chapter: "Chapter IV",
            articles: 40...43),
        Section(id: "Chapter VI Section 1", title: "Independent status", chapter: "Chapter VI", articles: 51...54),
        Section(id: "Chapter VI Section 2", title: "Competence, tasks and powers", chapter: "Chapter VI", articles: 55...59),
        Section(id: "Chapter VII Section 1", title: "Cooperation", chapter: "Chapter VII", articles: 60...62),
        Section(id: "Chapter VII Section 2", title: "Consistency", chapter: "Chapter VII", articles: 63...67),
        Section(id: "Chapter VII Section 3", title: "European data protection board", chapter: "Chapter VII", articles: 68...76),
    ]

    /// The official title of every article.
    static let articleTitles: [String: String] = [
        "Art.1": "Subject-matter and objectives",
        "Art.2": "Material scope",
        "Art.3": "Territorial scope",
        "Art.4": "Definitions",
        "Art.5": "Principles relating to processing of personal data",
        "Art.6": "Lawfulness of processing",
        "Art.7": "Conditions for consent",
        "Art.8": "Conditions applicable to child's consent in relation to information society services",
        "Art.9": "Processing of special categories of personal data",
        "Art.10": "Processing of personal data relating to criminal convictions and offences",
        "Art.11": "Processing which does not require identification",
        "Art.12": "Transparent information, communication and modalities for the exercise of the rights of the data subject",
        "Art.13": "Information to be provided where personal data are collected from the data subject",
        "Art.14": "Information to be provided where personal data have not been obtained from the data subject",
        "Art.15": "Right of access by the data subject",
        "Art.16": "Right to rectification",
        "Art.17": "Right to erasure (‘right to be forgotten’)",
        "Art.18": "Right to restriction of processing",
        "Art.19": "Notification obligation regarding rectification or erasure of personal data or restriction of processing",
        "Art.20": "Right to data portability",
        "Art.21": "Right to object",
        "Art.22": "Automated individual decision-making, including profiling",
        "Art.23": "Restrictions",
        "Art.24": "Responsibility of the controller",
        "Art.25": "Data protection by design and by default",
        "Art.26": "Joint controllers",
        "Art.27": "Representatives of controllers or processors not established in the Union",
        "Art.28": "Processor",
        "Art.29": "Processing under the authority of the controller or processor",
        "Art.30": "Records of processing activities",
        "Art.31": "Cooperation with the supervisory authority",
        "Art.32": "Security of processing",
        "Art.33": "Notification of a personal data breach to the supervisory authority",
        "Art.34": "Communication of a personal data breach to the data subject",
        "Art.35": "Data protection impact assessment",
        "Art.36": "Prior consultation",
        "Art.37": "Designation of the data protection officer",
        "Art.38": "Position of the data protection officer",
        "Art.39": "Tasks of the data protection officer",
        "Art.40": "Codes of conduct",
        "Art.41": "Monitoring of approved codes of conduct",
        "Art.42": "Certification",
        "Art.43": "Certification bodies",
        "Art.44": "General principle for transfers",
        "Art.45": "Transfers on the basis of an adequacy decision",
        "Art.46": "Transfers subject to appropriate safeguards",
        "Art.47": "Binding corporate rules",
        "Art.48": "Transfers or disclosures not authorised by Union law",
        "Art.49": "Derogations for specific situations",
        "Art.50": "International cooperation for the protection of personal data",
        "Art.51": "Supervisory authority",
        "Art.52": "Independence",
        "Art.53": "General conditions for the members of the supervisory authority",
        "Art.54": "Rules on the establishment of the supervisory authority",
        "Art.55": "Competence",
        "Art.56": "Competence of the lead supervisory authority",
        "Art.57": "Tasks",
        "Art.58": "Powers",
        "Art.59": "Activity reports",
        "Art.60": "Cooperation between the lead supervisory authority and the other supervisory authorities concerned",
        "Art.61": "Mutual assistance",
        "Art.62": "Joint operations of supervisory authorities",
        "Art.63": "Consistency mechanism",
        "Art.64": "Opinion of the Board",
        "Art.65": "Dispute resolution by the Board",
        "Art.66": "Urgency procedure",
        "Art.67": "Exchange of information",
        "Art.68": "European Data Protection Board",
        "Art.69": "Independence",
        "Art.70": "Tasks of the Board",
        "Art.71": "Reports",
        "Art.72": "Procedure",
        "Art.73": "Chair",
        "Art.74": "Tasks of the Chair",
        "Art.75": "Secretariat",
        "Art.76": "Confidentiality",
        "Art.77": "Right to lodge a complaint with a supervisory authority",
        "Art.78": "Right to an effective judicial remedy against a supervisory authority",
        "Art.79": "Right to an effective judicial remedy against a controller or processor",
        "Art.80": "Representation of data subjects",
        "Art.81": "Suspension of proceedings",
        "Art.82": "Right to compensation and liability",
        "Art.83": "General conditions for imposing administrative fines",
        "Art.84": "Penalties",
        "Art.85": "Processing and freedom of expression and information",
        "Art.86": "Processing and public access to official documents",
        "Art.87": "Processing of the national identification number",
        "Art.88": "Processing in the context of employment",
        "Art.89": "Safeguards and derogations relating to processing for archiving purposes in the public interest, scientific or historical research purposes or statistical purposes",
        "Art.90": "Obligations of secrecy",
        "Art.91": "Existing data protection rules of churches and religious associations",
        "Art.92": "Exercise of the delegation",
        "Art.93": "Committee procedure",
        "Art.94": "Repeal of Directive 95/46/EC",
        "Art.95": "Relationship with Directive 2002/58/EC",
        "Art.96": "Relationship with previously concluded Agreements",
        "Art.97": "Commission reports",
        "Art.98": "Review of other Union legal acts on data protection",
        "Art.99": "Entry into force and application",
    ]

    /// The articles the catalogue must break down into paragraphs and points (the brief's list).
    static let listedArticles: [Int] = [
        5, 6, 7, 9, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 24, 25, 28, 30, 32, 33, 34, 35, 37, 44, 45, 46,
    ]

    /// Listed articles whose text has no numbered paragraphs (a single unnumbered block), so they have
    /// no paragraph children: Art. 16 (rectification), Art. 19 (notification to recipients) and
    /// Art. 44 (general principle for transfers).
    static let articlesWithoutNumberedParagraphs: Set<Int> = [16, 19, 44]

    /// For each broken-down article, one entry per numbered paragraph (1), (2), … giving how many
    /// lettered points (a), (b), … that paragraph has in the official text.
    static let paragraphPoints: [Int: [Int]] = [
        5: [6, 0],
        6: [6, 0, 2, 5],
        7: [0, 0, 0, 0],
        9: [0, 10, 0, 0],
        12: [0, 0, 0, 0, 2, 0, 0, 0],
        13: [6, 6, 0, 0],
        14: [6, 7, 3, 0, 4],
        15: [8, 0, 0, 0],
        17: [6, 0, 5],
        18: [4, 0, 0],
        20: [2, 0, 0, 0],
        21: [0, 0, 0, 0, 0, 0],
        22: [0, 3, 0, 0],
        24: [0, 0, 0],
        25: [0, 0, 0],
        28: [0, 0, 8, 0, 0, 0, 0, 0, 0, 0],
        30: [7, 4, 0, 0, 0],
        32: [4, 0, 0, 0],
        33: [0, 0, 4, 0, 0],
        34: [0, 0, 3, 0],
        35: [0, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0],
        37: [3, 0, 0, 0, 0, 0, 0],
        45: [0, 3, 0, 0, 0, 0, 0, 0, 0],
        46: [0, 6, 2, 0, 0],
    ]

    /// Articles whose infringement Article 83(4)(a)–(c) lists (fines up to EUR 10 000 000 or 2 %):
    /// Articles 8, 11, 25 to 39, 42 and 43, and 41(4).
    static let fineTier4: Set<Int> = Set<Int>([8, 11, 41, 42, 43]).union(25...39)
    /// Articles whose infringement Article 83(5)(a)–(c) lists (fines up to EUR 20 000 000 or 4 %):
    /// Articles 5, 6, 7 and 9, 12 to 22, and 44 to 49; and Article 58, whose orders and access
    /// Article 83(5)(e) and 83(6) fine at the same level.
    static let fineTier5: Set<Int> = Set<Int>([5, 6, 7, 9, 58]).union(12...22).union(44...49)

    static let letters: [Character] = Array("abcdefghijklmnopqrstuvwxyz")

    static let expectedParagraphCount = 263
    static let expectedTotal = 11 + 15 + 99 + 263

    func load() throws -> Framework { try Shipped.framework("gdpr") }

    @Test func provenance() throws {
        let fw = try load()
        #expect(fw.id == "gdpr")
        #expect(fw.kind == .law)
        #expect(fw.title == "General Data Protection Regulation — Regulation (EU) 2016/679")
        #expect(fw.version == "OJ L 119, 4.5.2016, p. 1 (incl. corrigenda)")
        #expect(fw.publisher == "European Parliament and Council of the European Union")
        #expect(fw.published == "2016-04-27")
        #expect(fw.sourceURL == "https://eur-lex.europa.eu/eli/reg/2016/679/oj")
        #expect(fw.licence.contains("2011/833/EU"))
        #expect(fw.description.contains("25 May 2018"))
    }

    @Test func countsAndUniqueness() throws {
        let fw = try load()
        let all = fw.allRequirements
        #expect(fw.requirementCount == Self.expectedTotal)
        #expect(all.count == Self.expectedTotal)
        #expect(Set(all.map(\.id)).count == all.count, "ids must be unique")
        #expect(all.filter { $0.kind == .chapter }.count == 11)
        #expect(all.filter { $0.kind == .section }.count == 15)
        #expect(all.filter { $0.kind == .article }.count == 99)
        #expect(all.filter { $0.kind == .paragraph }.count == Self.expectedParagraphCount)
        let allowed: Set<RequirementKind> = [.chapter, .section, .article, .paragraph]
        for r in all {
            #expect(allowed.contains(r.kind), "\(r.id) has kind \(r.kind)")
        }
        // The typed paragraph table accounts for every paragraph node.
        let typed = Self.paragraphPoints.values.reduce(0) { $0 + $1.count + $1.reduce(0, +) }
        #expect(typed == Self.expectedParagraphCount)
        #expect(Self.articleTitles.count == 99)
    }

    @Test func chapters() throws {
        let fw = try load()
        #expect(fw.requirements.map(\.id) == Self.chapters.map(\.id))
        for chapter in Self.chapters {
            let r = try #require(fw.requirement(chapter.id), "missing \(chapter.id)")
            #expect(r.kind == .chapter, "\(chapter.id)")
            #expect(r.title == chapter.title, "\(chapter.id)")
            #expect(fw.parentID(of: chapter.id) == nil, "\(chapter.id)")
        }
    }

    @Test func sections() throws {
        let fw = try load()
        for section in Self.sections {
            let r = try #require(fw.requirement(section.id), "missing \(section.id)")
            #expect(r.kind == .section, "\(section.id)")
            #expect(r.title == section.title, "\(section.id)")
            #expect(fw.parentID(of: section.id) == section.chapter, "\(section.id)")
            #expect(r.children.map(\.id) == section.articles.map { "Art.\($0)" }, "\(section.id)")
        }
        // Chapters with sections hold only their sections, in order; the others hold their articles.
        for chapter in Self.chapters {
            let r = try #require(fw.requirement(chapter.id))
            let own = Self.sections.filter { $0.chapter == chapter.id }
            if own.isEmpty {
                #expect(r.children.map(\.id) == chapter.articles.map { "Art.\($0)" }, "\(chapter.id)")
            } else {
                #expect(r.children.map(\.id) == own.map(\.id), "\(chapter.id)")
            }
        }
    }

    @Test func articleTitlesAndKinds() throws {
        let fw = try load()
        let articles = fw.allRequirements.filter { $0.kind == .article }
        #expect(articles.map(\.id) == (1...99).map { "Art.\($0)" })
        for n in 1...99 {
            let id = "Art.\(n)"
            let title = try #require(Self.articleTitles[id], "no typed title for \(id)")
            let r = try #require(fw.requirement(id), "missing \(id)")
            #expect(r.kind == .article, "\(id)")
            #expect(r.title == title, "\(id)")
        }
    }

    @Test func articleParents() throws {
        let fw = try load()
        for n in 1...99 {
            let chapter = try #require(Self.chapters.first(where: { $0.articles.contains(n) }))
            let section = Self.sections.first(where: { $0.articles.contains(n) })
            if let section {
                #expect(section.chapter == chapter.id)
            }
            #expect(fw.parentID(of: "Art.\(n)") == (section?.id ?? chapter.id), "Art.\(n)")
        }
    }

    @Test func paragraphsAndPoints() throws {
        let fw = try load()
        for (n, points) in Self.paragraphPoints.sorted(by: { $0.key < $1.key }) {
            let article = try #require(fw.requirement("Art.\(n)"), "missing Art.\(n)")
            let expectedParagraphs = points.indices.map { "Art.\(n)(\($0 + 1))" }
            #expect(article.children.map(\.id) == expectedParagraphs, "Art.\(n)")
            guard article.children.count == points.count else { continue }
            for (i, count) in points.enumerated() {
                let paragraph = article.children[i]
                #expect(paragraph.kind == .paragraph, "\(paragraph.id)")
                let expectedPoints = Self.letters.prefix(count).map { "\(paragraph.id)(\($0))" }
                #expect(paragraph.children.map(\.id) == expectedPoints, "\(paragraph.id)")
                for point in paragraph.children {
                    #expect(point.kind == .paragraph, "\(point.id)")
                    #expect(point.children.isEmpty, "\(point.id)")
                    #expect(fw.parentID(of: point.id) == paragraph.id, "\(point.id)")
                }
            }
        }
        // Every listed article has paragraph children, except the three with no numbered paragraphs.
        for n in Self.listedArticles {
            let article = try #require(fw.requirement("Art.\(n)"), "missing Art.\(n)")
            if Self.articlesWithoutNumberedParagraphs.contains(n) {
                #expect(article.children.isEmpty, "Art.\(n) has no numbered paragraphs")
                #expect(Self.paragraphPoints[n] == nil)
            } else {
                #expect(!article.children.isEmpty, "Art.\(n) should have paragraph children")
                #expect(Self.paragraphPoints[n] != nil, "Art.\(n) missing from the typed table")
            }
        }
        // Articles that are not broken down have no children.
        for n in 1...99 where Self.paragraphPoints[n] == nil {
            #expect(fw.requirement("Art.\(n)")?.children.isEmpty == true, "Art.\(n)")
        }
    }

    @Test func spotChecks() throws {
        let fw = try load()
        #expect(
            fw.requirement("Art.32(1)")?.children.map(\.id)
                == ["Art.32(1)(a)", "Art.32(1)(b)", "Art.32(1)(c)", "Art.32(1)(d)"])
        #expect(fw.requirement("Art.5(1)")?.children.count == 6)
        #expect(fw.requirement("Art.5(1)(a)")?.title == "Lawfulness, fairness and transparency")
        #expect(fw.requirement("Art.5(1)(b)")?.title == "Purpose limitation")
        #expect(fw.requirement("Art.5(1)(f)")?.title == "Integrity and confidentiality")
        #expect(fw.requirement("Art.5(2)")?.title == "Accountability")
        #expect(fw.requirement("Art.6(1)")?.children.count == 6)
        #expect(fw.requirement("Art.9(2)")?.children.last?.id == "Art.9(2)(j)")
        #expect(fw.requirement("Art.28")?.children.count == 10)
        #expect(fw.requirement("Art.28(3)")?.children.last?.id == "Art.28(3)(h)")
        #expect(fw.requirement("Art.30(1)")?.children.last?.id == "Art.30(1)(g)")
        #expect(fw.requirement("Art.30(2)")?.children.last?.id == "Art.30(2)(d)")
        #expect(fw.requirement("Art.33")?.children.count == 5)
        #expect(fw.requirement("Art.33(3)")?.children.count == 4)
        #expect(fw.requirement("Art.35")?.children.count == 11)
        #expect(fw.requirement("Art.46(2)")?.children.count == 6)
        #expect(fw.parentID(of: "Art.32(1)(a)") == "Art.32(1)")
        #expect(fw.parentID(of: "Art.32(1)") == "Art.32")
        #expect(fw.parentID(of: "Art.32") == "Chapter IV Section 2")
        #expect(fw.parentID(of: "Chapter IV Section 2") == "Chapter IV")
        #expect(fw.parentID(of: "Art.44") == "Chapter V")
        #expect(fw.parentID(of: "Art.5") == "Chapter II")
        #expect(fw.requirement("Art.32(5)") == nil)
        #expect(fw.requirement("Art.5(3)") == nil)
        #expect(fw.requirement("Art.16(1)") == nil)
    }

    @Test func attributes() throws {
        let fw = try load()
        for n in 1...99 {
            let expected: String? =
                Self.fineTier4.contains(n) ? "Art.83(4)" : Self.fineTier5.contains(n) ? "Art.83(5)" : nil
            #expect(fw.requirement("Art.\(n)")?.attribute("fine-tier") == expected, "Art.\(n)")
        }
        #expect(Self.fineTier4.isDisjoint(with: Self.fineTier5))
        // Paragraph and point titles are Crosswalk's labels; each says so in a title-note.
        for r in fw.allRequirements where r.kind == .paragraph {
            #expect(r.attribute("title-note")?.isEmpty == false, "\(r.id) needs a title-note")
        }
    }

    @Test func descriptionsAndReferences() throws {
        let fw = try load()
        for r in fw.allRequirements {
            #expect(r.title.contains(where: { !$0.isWhitespace }), "\(r.id) has an empty title")
            #expect(r.description.contains(where: { !$0.isWhitespace }), "\(r.id) has an empty description")
            for ref in r.references {
                #expect(fw.requirement(ref) != nil, "\(r.id) refers to unknown \(ref)")
                #expect(ref != r.id, "\(r.id) refers to itself")
            }
        }
        #expect(fw.requirement("Art.28(3)(c)")?.references == ["Art.32"])
        #expect(fw.requirement("Art.34(2)")?.references == ["Art.33(3)(b)", "Art.33(3)(c)", "Art.33(3)(d)"])
        #expect(fw.requirement("Art.5(1)(f)")?.references == ["Art.32"])
    }
}
