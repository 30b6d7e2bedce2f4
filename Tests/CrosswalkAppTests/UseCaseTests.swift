import CrosswalkApp
import CrosswalkAssess
import CrosswalkLoad
import CrosswalkModel
import CrosswalkRender
import Foundation
import Testing

/// The application layer's use cases, run as a server would run them: values in, values out, a
/// store behind the EvidenceReading interface (here in memory), no disk written.
@Suite("application use cases")
struct UseCaseTests {
    let policy = EvidenceItem(
        id: 7, title: "Encryption standard", kind: .policy, controls: ["DAT-09"], owner: "CISO", effectiveFrom: "2026-09-01",
        addedAt: "2026-09-02T10:00:00Z", expiresAt: "2027-09-01", status: .accepted,
        files: [EvidenceFile(name: "encryption.md", sha256: String(repeating: "ab", count: 32), size: 10, storedPath: "files/sha256/ab/abab")])

    func context(_ store: (any EvidenceReading)?, frameworks: [String] = ["hipaa"]) async throws -> AssessmentContext {
        try await AssessmentContext.make(project: AppFixtures.project, scope: AppFixtures.scope(frameworks), asOf: "2026-11-22", store: store)
    }

    @Test("a gap bundle is every document and a SHA256SUMS over them and the cited evidence files, as data")
    func gapBundle() async throws {
        let folders = try await GapReports.build(
            try await context(MemoryStore(items: [policy])), frameworks: ["hipaa"], formats: Set(GapReports.Format.allCases),
            outFolder: "/reports", workingDirectory: "/work", pdf: FakePDF())
        let folder = try #require(folders.first)
        #expect(folders.count == 1)
        #expect(folder.path == "/reports/hipaa")
        #expect(folder.files.map(\.path) == ["gap-report.md", "gap-report.html", "gap-report.json", "gap-report.pdf", "SHA256SUMS"])
        let sums = String(decoding: folder.files.last!.bytes, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(sums.count == 5)
        for (line, file) in zip(sums, folder.files.dropLast()) {
            #expect(line == "\(Digest.sha256(file.bytes))  \(file.path)")
        }
        // The cited policy's file, named from the report folder to the store's files.
        #expect(sums.last == "\(String(repeating: "ab", count: 32))  ../../stores/acme/files/sha256/ab/abab")
        #expect(folder.assessment.requirements.contains { $0.evidence.contains("E-7") })
    }

    @Test("the same inputs give the same bytes")
    func deterministic() async throws {
        func build() async throws -> [OutputFile] {
            try await GapReports.build(
                try await context(MemoryStore(items: [policy])), frameworks: ["hipaa", "soc2"], formats: [.md, .json], outFolder: "out",
                workingDirectory: "/work", pdf: FakePDF()
            ).flatMap(\.files)
        }
        let one = try await build()
        let two = try await build()
        #expect(one == two)
        #expect(one.count == 6)
    }

    @Test("a PDF failing for the second framework fails the whole bundle: nothing is returned to write, not even the first")
    func pdfFailure() async throws {
        await #expect(throws: AppError(.failure, "Typst could not compile the soc2 gap report as PDF: boom")) {
            try await GapReports.build(
                try await context(nil), frameworks: ["hipaa", "soc2"], formats: [.md, .pdf], outFolder: "out", workingDirectory: "/",
                pdf: FakePDF(failing: "soc2"))
        }
    }

    @Test("an unknown framework is a request error with did-you-mean, before anything is built")
    func unknownFramework() async throws {
        await #expect(throws: AppError(.request, "no framework with id 'hipa' (did you mean 'hipaa'?); known: gdpr, hipaa, iso27001-2013, iso27001-2022, soc1, soc2")) {
            try await GapReports.build(try await context(nil), frameworks: ["hipaa", "hipa"], formats: [.json], outFolder: "out", workingDirectory: "/", pdf: FakePDF())
        }
    }

    @Test("a store that fails is named, with its own explanation")
    func brokenStore() async throws {
        await #expect(throws: AppError(.failure, "cannot read the evidence store postgres://db.example/crosswalk: the connection was refused")) {
            try await context(BrokenStore())
        }
        await #expect(throws: AppError(.failure, "cannot read the evidence store postgres://db.example/crosswalk: the connection was refused")) {
            try await Documents.checklist(AppFixtures.project, frameworks: ["soc2"], store: BrokenStore(), asOf: "2026-11-22")
        }
    }

    @Test("diff picks the editions diff from the crosswalk's kind, not from the ids")
    func diffKinds() async throws {
        guard case .editions(let version) = try await Documents.diff(AppFixtures.project, from: "iso27001-2013", to: "iso27001-2022", directOnly: false, store: nil)
        else { Issue.record("iso27001-2013 → iso27001-2022 is an editions crosswalk"); return }
        #expect(version.rows.count > 100)
        guard case .coverage = try await Documents.diff(AppFixtures.project, from: "iso27001-2022", to: "soc2", directOnly: false, store: nil)
        else { Issue.record("iso27001-2022 → soc2 is a coverage diff"); return }
        // The same pair, with the crosswalk marked as one between frameworks: a coverage diff.
        var project = AppFixtures.project
        project.mappings.crosswalks = project.mappings.crosswalks.map { var c = $0; c.kind = .frameworks; return c }
        guard case .coverage = try await Documents.diff(project, from: "iso27001-2013", to: "iso27001-2022", directOnly: false, store: nil)
        else { Issue.record("without kind: editions the pair is compared for coverage"); return }
        await #expect(throws: AppError.self) { try await Documents.diff(AppFixtures.project, from: "soc2", to: "soc2", directOnly: false, store: nil) }
    }

    @Test("a Statement of Applicability is for a framework with controls; which ones the catalogue says")
    func soaNeedsControls() async throws {
        await #expect(
            throws: AppError(.request, "a Statement of Applicability lists a framework's controls, and hipaa has none (frameworks with controls: iso27001-2013, iso27001-2022)")
        ) {
            try await Documents.statementOfApplicability(try await context(nil), framework: "hipaa", format: .csv, pdf: FakePDF())
        }
        let (statement, bytes) = try await Documents.statementOfApplicability(try await context(nil), framework: "iso27001-2022", format: .csv, pdf: FakePDF())
        #expect(statement.rows.count == 93)
        #expect(String(decoding: bytes, as: UTF8.self).hasPrefix("Control,Title,Applicable,"))
    }

    @Test("the checklist reads the store through the interface and dates its next reviews")
    func checklist() async throws {
        let checklist = try await Documents.checklist(AppFixtures.project, frameworks: ["hipaa"], store: MemoryStore(items: [policy]), asOf: "2026-11-22")
        let row = try #require(checklist.rows.first { $0.control.id == "DAT-09" })
        #expect(row.latestEvidence?.id == 7)
        #expect(row.nextDue == ISODate.adding(row.control.frequency.days, to: "2026-09-01"))
        let xlsx = try Documents.render(checklist, as: .xlsx)
        #expect(xlsx.starts(with: [0x50, 0x4B, 0x03, 0x04]))  // a zip
    }
}

@Suite("evidence dates and ids")
struct EvidenceRuleTests {
    @Test("expiry: given, else the window's end plus the shortest frequency, else none")
    func expiry() {
        #expect(EvidenceDates.expiry(given: "2027-01-01", effective: "2026-09-30", effectiveTo: nil, frequencies: [.continuous]) == "2027-01-01")
        #expect(EvidenceDates.expiry(given: nil, effective: "2026-09-30", effectiveTo: nil, frequencies: [.annual, .quarterly]) == "2026-12-31")
        #expect(EvidenceDates.expiry(given: nil, effective: "2026-07-01", effectiveTo: "2026-09-30", frequencies: [.quarterly]) == "2026-12-31")
        #expect(EvidenceDates.expiry(given: nil, effective: "2026-09-30", effectiveTo: nil, frequencies: []) == nil)
    }

    @Test("evidence ids: E-12, e-12 and 12; nothing else")
    func ids() {
        #expect(EvidenceID("E-12")?.number == 12)
        #expect(EvidenceID("e-12")?.number == 12)
        #expect(EvidenceID("12")?.description == "E-12")
        for bad in ["E-0", "E-", "-3", "E-1x", "x", "", "E-+5"] { #expect(EvidenceID(bad) == nil, "\(bad)") }
    }

    @Test("relative paths between folders, from the working directory")
    func relativePaths() {
        #expect(Paths.relative("store/files/a", from: "Output/acme/hipaa", workingDirectory: "/w") == "../../../store/files/a")
        #expect(Paths.relative("/s/files/a", from: "/s/reports/x", workingDirectory: "/w") == "../../files/a")
        #expect(Paths.relative("Output/acme/store/./files/../files/a", from: "Output/acme/hipaa", workingDirectory: "/w") == "../store/files/a")
    }
}

@Suite("framework specifics as data")
struct FrameworkDataTests {
    @Test("SOC 2's scoping categories, and which is always in scope, come from its catalogue")
    func categories() throws {
        let soc2 = try AppFixtures.project.framework("soc2")
        #expect(soc2.scopeCategories.map(\.name) == ["security", "availability", "confidentiality", "processing-integrity", "privacy"])
        #expect(soc2.scopeCategories.filter(\.alwaysInScope).map(\.name) == ["security"])
        #expect(try AppFixtures.project.framework("hipaa").scopeCategories.isEmpty)
        // A scope file naming a category no catalogue declares is refused with the catalogue's list.
        let source = SourceText(path: "scope.yaml", bytes: Array("organisation: A\nperiod: {start: 2026-01-01, end: 2026-12-31}\nframeworks: [soc2]\nsoc2-categories: [availabilty]\n".utf8))
        let (scope, diagnostics) = ScopeLoader.load(source, frameworks: AppFixtures.project.frameworks)
        #expect(scope == nil)
        #expect(diagnostics.errors.first?.message == "unknown SOC 2 category 'availabilty' (did you mean 'availability'?); expected security, availability, confidentiality, processing-integrity, privacy")
        // Security is added because the catalogue marks it always in scope.
        let ok = SourceText(path: "scope.yaml", bytes: Array("organisation: A\nperiod: {start: 2026-01-01, end: 2026-12-31}\nframeworks: [soc2]\nsoc2-categories: [privacy]\n".utf8))
        #expect(ScopeLoader.load(ok, frameworks: AppFixtures.project.frameworks).scope?.soc2Categories == ["security", "privacy"])
    }

    @Test("a category left out makes its whole subtree not applicable, the group nodes too, with the reason")
    func categoryOutOfScope() throws {
        let soc2 = try AppFixtures.project.framework("soc2")
        var scope = AppFixtures.scope(["soc2"])
        scope.soc2Categories = ["security"]
        let a = Assessment.run(framework: soc2, index: AppFixtures.project.index, evidence: [], scope: scope, asOf: "2026-11-22")
        for id in ["P", "P1", "P1.1", "A1.2", "C1.1"] {
            let row = try #require(a.requirements.first { $0.id == id })
            #expect(row.status == .notApplicable, "\(id)")
        }
        #expect(a.requirements.first { $0.id == "P1" }?.reasons.first?.text == "The SOC 2 privacy category is not in scope.")
        #expect(a.requirements.first { $0.id == "CC6.1" }?.status != .notApplicable)
    }
}

extension FrameworkDataTests {
    @Test("the AWS attestations are Mappings/attestations.yaml: listed once each, and a responsibility must name one of them")
    func attestations() throws {
        #expect(AppFixtures.project.mappings.attestations.map(\.id).contains("aws-baa"))
        #expect(AppFixtures.project.index.attestation("aws-soc2")?.title.hasPrefix("AWS SOC 2 Type II report") == true)
        let source = SourceText(path: "attestations.yaml", bytes: Array("attestations:\n  - {id: aws-soc2, title: A}\n  - {id: aws-soc2, title: B}\n".utf8))
        let (set, diagnostics) = MappingLoader.load(source)
        #expect(set.attestations.count == 2)
        #expect(diagnostics.errors.map { "\($0.location.line):\($0.location.column) \($0.message)" } == ["3:10 attestation 'aws-soc2' is listed twice"])
    }
}

@Suite("mapping exchange")
struct MappingExchangeTests {
    let project = RendererGoldenTests.project

    @Test("an exported collection imports back to the same links; against the shipped crosswalk it warns of the duplicate pair")
    func roundTrip() throws {
        let json = try MappingExchange.export(project, source: "alpha", target: "beta", format: .json, lastModified: nil)
        let source = SourceText(path: "alpha-beta.json", bytes: Array(json.utf8))
        let alone = try MappingExchange.importCollection(source, frameworks: project.frameworks, existing: [], sourceFramework: nil, targetFramework: nil)
        #expect(alone.diagnostics.items.isEmpty, "\(alone.diagnostics.items)")
        let yaml = try #require(alone.yaml)
        for link in project.mappings.crosswalks[0].links {
            #expect(yaml.contains("{source: \"\(link.source.id)\", target: \"\(link.target.id)\", relationship: \(link.relationship.rawValue)"), "\(link.source) → \(link.target)")
        }
        let again = try MappingExchange.importCollection(
            source, frameworks: project.frameworks, existing: project.mappings.crosswalks, sourceFramework: nil, targetFramework: nil)
        #expect(again.yaml != nil)
        #expect(again.diagnostics.items.map(\.severity) == [.warning])
        #expect(again.diagnostics.items.first?.message.hasPrefix("alpha → beta is already mapped by ") == true)
    }

    @Test("export: an unknown framework is a request error; a pair with no crosswalk a failure naming the shipped ones")
    func exportErrors() throws {
        #expect(throws: AppError.self) { try MappingExchange.export(project, source: "alpah", target: "beta", format: .xml, lastModified: nil) }
        #expect(throws: AppError(.failure, "no crosswalk from beta to alpha; shipped: alpha beta")) {
            try MappingExchange.export(project, source: "beta", target: "alpha", format: .xml, lastModified: nil)
        }
    }

    @Test("coverage of the fixture project: complete, no control meets an AWS-only requirement")
    func coverage() {
        let report = MappingExchange.coverage(project)
        #expect(report.complete)
        #expect(report.warnings.items.isEmpty)
        #expect(report.frameworks.map(\.framework) == ["alpha", "beta"])
        #expect(report.controls.map(\.control) == ["TST-01", "TST-02", "TST-03"])
    }
}

@Suite("output safety")
struct OutputSafetyTests {
    @Test("Markdown carries no raw HTML from titles: angle brackets become entities, code spans stay literal")
    func markdownEscapesHTML() {
        var doc = ReportDocument(title: "t", classification: "c")
        doc.heading(2, "<script>alert(1)</script> Access")
        doc.paragraph(.text("See <img src=x onerror=alert(1)>"), .code("a<b"))
        doc.table(["Title"], [["<b>Clean</b> desks | rooms"]])
        doc.bullets([[.strong("<i>x</i>")]])
        let markdown = doc.markdown()
        #expect(!markdown.contains("<script>") && !markdown.contains("<img") && !markdown.contains("<b>") && !markdown.contains("<i>"))
        #expect(markdown.contains("## &lt;script&gt;alert(1)&lt;/script&gt; Access"))
        #expect(markdown.contains("| &lt;b&gt;Clean&lt;/b&gt; desks \\| rooms |"))
        #expect(markdown.contains("`a<b`"))
        #expect(markdown.contains("**&lt;i&gt;x&lt;/i&gt;**"))
    }

    @Test("CSV fields a spreadsheet would run as formulas are written as text", arguments: [
        ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""), ("+1", "'+1"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"), ("plain, text", "\"plain, text\""), ("E-12", "E-12"), ("", ""),
    ])
    func csvInjection(_ value: String, _ written: String) {
        #expect(CSV.field(value) == written)
    }
}

@Suite("evidence operations")
struct EvidenceOperationTests {
    func item(_ controls: [String], effective: String = "2026-09-30", requirements: [String] = []) -> EvidenceOperations.NewItem {
        EvidenceOperations.NewItem(
            title: "Quarterly user access review", kind: .document, controls: controls, requirements: requirements, owner: "IAM",
            source: "", effective: effective, effectiveTo: nil, expires: nil, notes: "", files: [])
    }

    @Test("add through the write interface: ids checked first, expiry from the controls, a warning when already expired")
    func add() async throws {
        let store = MemoryWritableStore()
        let (fresh, none) = try await EvidenceOperations.add(item(["IAM-08"]), project: AppFixtures.project, store: store, today: "2026-11-22")
        #expect(fresh.expiresAt == "2026-12-31")
        #expect(none == nil)
        let (stale, warning) = try await EvidenceOperations.add(item(["IAM-03"]), project: AppFixtures.project, store: store, today: "2026-11-22")
        #expect(stale.expiresAt == "2026-10-01")
        #expect(warning?.hasPrefix("E-2 has already expired: it stopped counting on 2026-10-01") == true)
        await #expect(throws: AppError(.request, "--control: unknown control 'IAM-99' (did you mean 'IAM-09'?)")) {
            try await EvidenceOperations.add(item(["IAM-99"]), project: AppFixtures.project, store: store, today: "2026-11-22")
        }
        await #expect(throws: AppError(.request, "--requirement: no requirement 'CC61' in soc2 (did you mean 'soc2:CC6.1'?)")) {
            try await EvidenceOperations.add(item([], requirements: ["soc2:CC61"]), project: AppFixtures.project, store: store, today: "2026-11-22")
        }
        #expect(try await store.list(EvidenceFilter()).count == 2)
    }

    @Test("accept, show and verify through the interface; ids as people write them")
    func review() async throws {
        let store = MemoryWritableStore()
        _ = try await EvidenceOperations.add(item(["IAM-08"]), project: AppFixtures.project, store: store, today: "2026-11-22")
        let accepted = try await EvidenceOperations.setStatus("E-1", to: .accepted, note: "ok", store: store)
        #expect(accepted.status == .accepted && accepted.revision == 2)
        let (shown, revisions) = try await EvidenceOperations.show("1", store: store)
        #expect(shown.status == .accepted)
        #expect(revisions.map(\.revision) == [1, 2])
        await #expect(throws: AppError(.failure, "no evidence item E-9")) { try await EvidenceOperations.show("E-9", store: store) }
        await #expect(throws: AppError(.request, "'E-x' is not an evidence id (E-12)")) { try await EvidenceOperations.show("E-x", store: store) }
        let verification = try await EvidenceOperations.verify(store)
        #expect(verification.entries == 2 && verification.report.problems.isEmpty)
    }
}
