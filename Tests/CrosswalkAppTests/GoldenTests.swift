import CrosswalkApp
import CrosswalkAssess
import CrosswalkLoad
import CrosswalkModel
import CrosswalkRender
import CrosswalkTestSupport
import Foundation
import Testing
import ZIPFoundation

/// Golden files for every renderer, built from the fixture project in Fixtures/project (two small
/// frameworks, three controls, one crosswalk) and evidence in memory, not from the shipped content:
/// editing Frameworks/ or Mappings/ never moves these files, only a change to a renderer does.
@Suite("renderer golden files")
struct RendererGoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    static let project: Project = {
        let root = folder.appendingPathComponent("Fixtures/project").path
        let (project, diagnostics) = Project.open(Workspace(frameworksDirectory: root + "/Frameworks", mappingsDirectory: root + "/Mappings"))
        precondition(project != nil, "the fixture project has errors: \(diagnostics.items)")
        return project!
    }()

    static let evidence: [EvidenceItem] = [
        EvidenceItem(
            id: 1, title: "Access policy v2", kind: .policy, controls: ["TST-01"], owner: "Head of security", source: "Policy portal",
            effectiveFrom: "2026-03-01", addedAt: "2026-03-02T09:00:00Z", expiresAt: "2027-03-01", status: .accepted,
            notes: "Approved by the board", revision: 2,
            files: [EvidenceFile(name: "access-policy.md", sha256: String(repeating: "0f", count: 32), size: 1200, storedPath: "files/sha256/0f/0f0f")]),
        EvidenceItem(
            id: 2, title: "Console users have MFA", kind: .automatedFinding, requirements: [RequirementRef(framework: "alpha", id: "A.1.2")],
            source: "prowler", effectiveFrom: "2026-11-20", addedAt: "2026-11-20T10:00:00Z", status: .accepted,
            finding: FindingDetails(
                tool: "prowler", checkID: "iam_user_mfa_enabled_console_access", resourceID: "arn:aws:iam::111122223333:user/ana",
                account: "111122223333", region: "us-east-1", severity: "high", result: .pass, observedAt: "2026-11-20T10:00:00Z")),
        EvidenceItem(
            id: 4, title: "Console users have MFA", kind: .automatedFinding, source: "prowler", effectiveFrom: "2026-11-20",
            addedAt: "2026-11-20T10:00:00Z", status: .accepted,
            finding: FindingDetails(
                tool: "prowler", checkID: "iam_user_mfa_enabled_console_access", resourceID: "arn:aws:iam::111122223333:user/bob",
                account: "111122223333", region: "us-east-1", severity: "high", result: .fail, observedAt: "2026-11-20T10:00:00Z")),
        EvidenceItem(
            id: 3, title: "S3 bucket uses default encryption", kind: .automatedFinding, source: "prowler", effectiveFrom: "2026-11-20",
            addedAt: "2026-11-20T10:00:00Z", status: .accepted,
            finding: FindingDetails(
                tool: "prowler", checkID: "s3_bucket_default_encryption", resourceID: "arn:aws:s3:::scratch", account: "111122223333",
                region: "eu-west-1", severity: "medium", result: .fail, observedAt: "2026-11-20T10:00:00Z")),
    ]

    func golden(_ text: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        try Golden.expect(text, file: Self.folder.appendingPathComponent("Golden").appendingPathComponent(name).path, sourceLocation: sourceLocation)
    }

    func context(_ frameworks: [String]) async throws -> AssessmentContext {
        let scope = Scope(
            organisation: "Example Ltd", periodStart: "2026-01-01", periodEnd: "2026-12-31", frameworks: frameworks,
            soc2Categories: ["security", "availability", "confidentiality", "processing-integrity", "privacy"], notApplicable: [RequirementRef(framework: "alpha", id: "A.2.2"): "Example Ltd has no offices."],
            location: .file("test"))
        return try await AssessmentContext.make(project: Self.project, scope: scope, asOf: "2026-11-22", store: MemoryStore(items: Self.evidence))
    }

    /// The parts of an XLSX workbook, each as text, in a fixed order.
    func parts(_ bytes: [UInt8]) throws -> String {
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        var out = ""
        for entry in archive.sorted(by: { $0.path < $1.path }) {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            out += "=== \(entry.path)\n" + String(decoding: data, as: UTF8.self) + "\n"
        }
        return out
    }

    @Test("gap report: Markdown, HTML, Typst source, JSON and SHA256SUMS")
    func gap() async throws {
        let (_, assessment, evidence) = try await context(["alpha"]).assess("alpha")
        let document = GapReportRender.document(assessment, index: Self.project.index, evidence: evidence)
        try golden(document.markdown(), "gap-alpha.md")
        try golden(document.html(), "gap-alpha.html")
        try golden(document.typst(date: "2026-11-22"), "gap-alpha.typ")
        try golden(GapReportRender.json(assessment, index: Self.project.index), "gap-alpha.json")
        let folders = try await GapReports.build(
            try await context(["alpha"]), frameworks: ["alpha"], formats: Set(GapReports.Format.allCases), outFolder: "out",
            workingDirectory: "/work", pdf: FakePDF())
        try golden(String(decoding: folders[0].files.last!.bytes, as: UTF8.self), "gap-alpha.SHA256SUMS")
    }

    @Test("Statement of Applicability: Markdown, CSV, Typst source and the XLSX parts")
    func soa() async throws {
        let c = try await context(["alpha"])
        let statement = StatementOfApplicability(try await c.assess("alpha").assessment, index: Self.project.index)
        #expect(statement.rows.map(\.id) == ["A.1.1", "A.1.2", "A.2.1", "A.2.2"])
        try golden(statement.markdown(), "soa-alpha.md")
        try golden(statement.csv(), "soa-alpha.csv")
        try golden(statement.document().typst(date: "2026-11-22"), "soa-alpha.typ")
        let xlsx = try await Documents.statementOfApplicability(c, framework: "alpha", format: .xlsx, pdf: FakePDF()).bytes
        try golden(try parts(xlsx), "soa-alpha.xlsx.txt")
    }

    @Test("checklist: Markdown, CSV, JSON and the XLSX parts")
    func checklist() async throws {
        let checklist = try await Documents.checklist(Self.project, frameworks: ["alpha", "beta"], store: MemoryStore(items: Self.evidence), asOf: "2026-11-22")
        try golden(ChecklistRender.markdown(checklist), "checklist-alpha-beta.md")
        try golden(ChecklistRender.csv(checklist), "checklist-alpha-beta.csv")
        try golden(ChecklistRender.json(checklist), "checklist-alpha-beta.json")
        try golden(try parts(try Documents.render(checklist, as: .xlsx)), "checklist-alpha-beta.xlsx.txt")
    }

    @Test("OSCAL mapping collection (JSON and XML) and the crosswalk YAML written back")
    func oscal() throws {
        let crosswalk = try #require(Self.project.mappings.crosswalks.first)
        try golden(OSCALMappingWriter.json(crosswalk, lastModified: "2026-11-22", title: "Crosswalk: Alpha to Beta"), "oscal-alpha-beta.json")
        try golden(OSCALMappingWriter.xml(crosswalk, lastModified: "2026-11-22", title: "Crosswalk: Alpha to Beta"), "oscal-alpha-beta.xml")
        try golden(CrosswalkYAMLWriter.yaml(crosswalk, date: crosswalk.date, comment: "Imported from a test."), "crosswalk-alpha-beta.yaml")
    }

    @Test("map: a requirement's responsibility, services, controls and related requirements, text and JSON")
    func map() throws {
        for id in ["A.1.2", "A.2.2"] {
            let ref = RequirementRef(framework: "alpha", id: id)
            let requirement = try Project.requirement(ref, in: Self.project.frameworks)
            let mapping = RequirementMapping(ref: ref, requirement: requirement, index: Self.project.index, to: nil)
            try golden(mapping.text(), "map-alpha-\(id).txt")
            try golden(mapping.json(), "map-alpha-\(id).json")
        }
    }

    @Test("diff: coverage in text, JSON and CSV")
    func diff() async throws {
        guard case .coverage(let diff, let reuse) = try await Documents.diff(
            Self.project, from: "alpha", to: "beta", directOnly: false, store: MemoryStore(items: Self.evidence))
        else {
            Issue.record("alpha → beta is a coverage diff")
            return
        }
        try golden(DiffRender.text(diff, reuse: reuse), "diff-alpha-beta.txt")
        try golden(DiffRender.json(diff, reuse: reuse), "diff-alpha-beta.json")
        try golden(DiffRender.csv(diff, reuse: reuse), "diff-alpha-beta.csv")
    }

    @Test("evidence list and item, text and JSON")
    func evidence() throws {
        try golden(EvidenceRender.listText(Self.evidence), "evidence-list.txt")
        try golden(EvidenceRender.listJSON(Self.evidence), "evidence-list.json")
        let revisions = [
            EvidenceRevisionLine(revision: 1, changedAt: "2026-03-02T09:00:00Z", changedBy: "ana"),
            EvidenceRevisionLine(revision: 2, changedAt: "2026-03-05T14:30:00Z", changedBy: "ben"),
        ]
        try golden(EvidenceRender.itemText(Self.evidence[0], revisions: revisions), "evidence-item.txt")
        try golden(EvidenceRender.itemJSON(Self.evidence[0], revisions: revisions), "evidence-item.json")
    }
}
