import CrosswalkAssess
import CrosswalkEvidence
@testable import CrosswalkImport
import CrosswalkFiles
import CrosswalkModel
import CrosswalkRender
import CrosswalkTestSupport
import Foundation
import Testing

/// The gap assessment's rules, on the shipped catalogues and mappings with evidence made for each case.
@Suite("Gap assessment")
struct AssessmentTests {
    static let shipped = try! ChecklistTests.shipped()

    func framework(_ id: String) -> Framework { Self.shipped.frameworks.first { $0.id == id }! }

    func scope(_ fw: String, categories: [String] = ["security", "availability", "confidentiality", "processing-integrity", "privacy"], notApplicable: [RequirementRef: String] = [:]) -> Scope {
        Scope(
            organisation: "Acme Health", periodStart: "2026-01-01", periodEnd: "2026-12-31", frameworks: [fw],
            soc2Categories: categories, notApplicable: notApplicable, location: .file("test"))
    }

    func item(_ id: Int64, controls: [String], status: EvidenceStatus = .accepted, from: String = "2026-10-01", expires: String? = "2027-10-01") -> EvidenceItem {
        EvidenceItem(id: id, title: "Evidence \(id)", kind: .configExport, controls: controls, owner: "Owner", effectiveFrom: from, addedAt: "2026-10-02T00:00:00Z", expiresAt: expires, status: status)
    }

    func finding(_ id: Int64, check: String, resource: String, result: FindingResult) -> EvidenceItem {
        EvidenceItem(
            id: id, title: check, kind: .automatedFinding, owner: "", effectiveFrom: "2026-11-01", addedAt: "2026-11-01T00:00:00Z", status: .accepted,
            finding: FindingDetails(tool: "prowler", checkID: check, resourceID: resource, account: "1", region: "eu-west-1", severity: "high", result: result, observedAt: "2026-11-01T00:00:00"))
    }

    func assess(_ fw: String, _ evidence: [EvidenceItem], scope: Scope? = nil) -> Assessment {
        Assessment.run(framework: framework(fw), index: Self.shipped.index, evidence: evidence, scope: scope ?? self.scope(fw), asOf: "2026-11-22")
    }

    func status(_ a: Assessment, _ id: String) -> RequirementAssessment { a.requirements.first { $0.id == id }! }

    let encryption = "164.312(a)(2)(iv)"  // DAT-02 equal, DAT-03 subset-of

    @Test("met: a fully covering control with current, accepted evidence and no failing check")
    func met() {
        let a = assess("hipaa", [item(1, controls: ["DAT-02"])])
        #expect(status(a, encryption).status == .met)
        #expect(status(a, encryption).evidence == ["E-1"])
        #expect(status(a, encryption).reasons.isEmpty)
    }

    @Test("partially met: only a control that covers part of it is effective")
    func partial() {
        let a = assess("hipaa", [item(1, controls: ["DAT-03"])])
        let r = status(a, encryption)
        #expect(r.status == .partiallyMet)
        #expect(r.reasons.first?.code == .partialCoverage)
        #expect(r.reasons.contains { $0.code == .noEvidence && $0.control == "DAT-02" })
    }

    @Test("expired and unaccepted evidence do not count")
    func expiredAndUnaccepted() {
        let expired = assess("hipaa", [item(1, controls: ["DAT-02"], from: "2025-01-01", expires: "2025-12-31")])
        #expect(status(expired, encryption).status == .gap)
        #expect(status(expired, encryption).reasons.contains { $0.code == .evidenceExpired && $0.control == "DAT-02" })
        let submitted = assess("hipaa", [item(1, controls: ["DAT-02"], status: .submitted)])
        #expect(status(submitted, encryption).status == .gap)
        #expect(status(submitted, encryption).reasons.contains { $0.code == .evidenceNotAccepted })
    }

    @Test("a FAIL on one resource outweighs a PASS on another, and names the check and resource")
    func failingOutweighs() {
        let a = assess("hipaa", [
            item(1, controls: ["DAT-02"]),
            finding(2, check: "s3_bucket_default_encryption", resource: "arn:aws:s3:::good", result: .pass),
            finding(3, check: "s3_bucket_default_encryption", resource: "arn:aws:s3:::bad", result: .fail),
        ])
        let r = status(a, encryption)
        #expect(r.status == .gap)  // DAT-02's own evidence does not count while its check fails
        let failing = r.reasons.first { $0.code == .automatedCheckFailing }
        #expect(failing?.checkID == "s3_bucket_default_encryption" && failing?.resource == "arn:aws:s3:::bad")
    }

    @Test("a passing automated check is evidence")
    func passingCheckIsEvidence() {
        let a = assess("hipaa", [finding(2, check: "s3_bucket_default_encryption", resource: "arn:aws:s3:::good", result: .pass)])
        #expect(status(a, encryption).status == .met)
    }

    @Test("inherited: AWS's part, with its attestation named")
    func inherited() {
        let a = assess("soc1", [])
        let r = status(a, "CSOC-01")  // AWS restricts physical access to its data centres
        #expect(r.status == .inherited)
        #expect(r.reasons.first?.code == .awsInherited)
        #expect(r.reasons.first?.text.contains("AWS SOC 1") == true)
    }

    @Test("not applicable: by the scope's justification, and SOC 2 categories out of scope")
    func notApplicable() {
        let s = scope("soc2", categories: ["security"], notApplicable: [RequirementRef(framework: "soc2", id: "CC9.2"): "No vendors process customer data."])
        let a = assess("soc2", [], scope: s)
        #expect(status(a, "CC9.2").status == .notApplicable)
        #expect(status(a, "CC9.2").reasons.first?.text == "No vendors process customer data.")
        #expect(status(a, "CC9.2-POF1").status == .notApplicable)
        #expect(status(a, "A1.1").status == .notApplicable)
        #expect(status(a, "P4.1").status == .notApplicable)
        #expect(status(a, "CC6.1").status == .gap)
    }

    @Test("not assessed: listed as not covered by the control set, with the reason")
    func notAssessed() {
        let a = assess("hipaa", [])
        #expect(status(a, "164.304").status == .notAssessed)
        #expect(status(a, "164.304").reasons.first?.code == .notCoveredByControlSet)
    }

    @Test("parents roll up from their children")
    func rollUp() {
        let a = assess("hipaa", [item(1, controls: ["DAT-02"])])
        // 164.306(a) has no control of its own: it rolls up from (a)(1)–(4).
        #expect(status(a, "164.306(a)").status == .gap)
        #expect(status(a, "164.312").status == .partiallyMet)  // the encryption spec is met, others are not
        #expect(a.coverage == 1.9)  // one encryption item meets little of HIPAA
    }

    @Test("every status but met names its reasons, in every framework; a parent that rolls up names the parts that are not met")
    func everyStatusHasReasons() {
        let evidence = [item(1, controls: ["DAT-02"]), item(2, controls: ["RSK-02"], expires: "2026-10-31")]
        for framework in Self.shipped.frameworks {
            let a = assess(framework.id, evidence)
            for r in a.requirements where r.status != .met {
                #expect(!r.reasons.isEmpty, "\(framework.id):\(r.id) is \(r.status.rawValue) with no reason")
            }
        }
        let a = assess("hipaa", evidence)
        let parent = status(a, "164.306(a)")
        #expect(parent.reasons.map(\.code) == [.partsNotMet])
        #expect(parent.reasons.first?.text.hasPrefix("Not every part of it is met: 164.306(a)(1) (gap), ") == true)
    }

    @Test("the requirements table's reasons are plain words that name each control once per kind")
    func reasonSummary() {
        let reasons = [
            Reason(.noEvidence, "IAM-03: no evidence collected", control: "IAM-03"),
            Reason(.automatedCheckFailing, "x fails", control: "LOG-01", checkID: "cloudtrail_multi_region_enabled"),
            Reason(.noEvidence, "IAM-04: no evidence collected", control: "IAM-04"),
            Reason(.evidenceExpired, "RSK-02: its evidence expired", control: "RSK-02"),
            Reason(.noEvidence, "IAM-03: no evidence collected", control: "IAM-03"),
        ]
        #expect(
            Reason.summary(reasons)
                == "No evidence for IAM-03 and IAM-04; check cloudtrail_multi_region_enabled fails (LOG-01); RSK-02's evidence has expired")
        #expect(Reason.summary([Reason(.awsInherited, "AWS's part, evidenced by the AWS SOC 2 report.")]) == "AWS's part, evidenced by the AWS SOC 2 report")
        #expect(
            Reason.summary([Reason(.partialCoverage, "Its effective controls cover it only in part."), Reason(.partsNotMet, "Not every part of it is met: a (gap).")])
                == "Its controls cover it only in part; not every part of it is met: a (gap)")
    }

    @Test("same inputs, same bytes; every requirement is in the JSON with its status and reasons")
    func deterministic() throws {
        let evidence = [item(1, controls: ["DAT-02"]), finding(2, check: "s3_bucket_default_encryption", resource: "arn:aws:s3:::bad", result: .fail)]
        let one = GapReportRender.json(assess("hipaa", evidence), index: Self.shipped.index)
        let two = GapReportRender.json(assess("hipaa", evidence), index: Self.shipped.index)
        #expect(one == two)
        let md1 = GapReportRender.markdown(assess("hipaa", evidence), index: Self.shipped.index, evidence: evidence)
        let md2 = GapReportRender.markdown(assess("hipaa", evidence), index: Self.shipped.index, evidence: evidence)
        #expect(md1 == md2)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(one.utf8)) as? [String: Any])
        let rows = try #require(parsed["requirements"] as? [[String: Any]])
        #expect(rows.count == 89)
        let row = try #require(rows.first { $0["id"] as? String == encryption })
        #expect(row["status"] as? String == "gap")  // the failing check outweighs the item
        let reasons = try #require(row["reasons"] as? [[String: Any]])
        #expect(reasons.contains { $0["code"] as? String == "automated-check-failing" && $0["checkId"] as? String == "s3_bucket_default_encryption" && $0["resource"] as? String == "arn:aws:s3:::bad" })
        #expect(row["responsibility"] as? String == "customer")
        #expect((row["controls"] as? [String])?.contains("DAT-02") == true)
        #expect(row["evidence"] as? [String] == ["E-1"])
    }
}

/// The gap report's documents on a fixed scenario, compared with golden files.
@Suite("Gap report golden files")
struct GapReportGoldenTests {
    @Test("HIPAA with the fixture scan and two manual items: Markdown, HTML and JSON")
    func golden() async throws {
        let store = try makeStore()
        _ = try await FindingImporter(store: store, notation: Fixtures.notation).run(path: Fixtures.path("ocsf-first-scan.json"))
        _ = try store.add(.init(title: "Encryption standard", kind: .policy, controls: ["DAT-09"], owner: "CISO", effectiveFrom: "2026-09-01", expiresAt: "2027-09-01", status: .accepted, files: [Fixtures.path("files/access-policy.txt")]))
        _ = try store.add(.init(title: "Risk register H1", kind: .document, controls: ["RSK-02"], owner: "CISO", effectiveFrom: "2026-01-01", effectiveTo: "2026-06-30", expiresAt: "2026-10-31", status: .accepted))
        let (frameworks, index) = try ChecklistTests.shipped()
        let hipaa = frameworks.first { $0.id == "hipaa" }!
        let scope = Scope(
            organisation: "Acme Health Ltd", periodStart: "2026-01-01", periodEnd: "2026-12-31", frameworks: ["hipaa"],
            soc2Categories: ["security"], notApplicable: [RequirementRef(framework: "hipaa", id: "164.314(b)(1)"): "Acme sponsors no group health plan."],
            location: .file("test"))
        let evidence = try store.list()
        let a = Assessment.run(framework: hipaa, index: index, evidence: evidence, scope: scope, asOf: "2026-11-22")
        #expect(a.requirements.first { $0.id == "164.314(b)(2)(i)" }?.status == .notApplicable)
        let folder = ChecklistTests.golden
        try Golden.expect(GapReportRender.markdown(a, index: index, evidence: evidence), file: folder.appendingPathComponent("gap-hipaa.md").path)
        try Golden.expect(GapReportRender.html(a, index: index, evidence: evidence), file: folder.appendingPathComponent("gap-hipaa.html").path)
        try Golden.expect(GapReportRender.json(a, index: index), file: folder.appendingPathComponent("gap-hipaa.json").path)
    }
}

@Suite("Statement of Applicability")
struct SoATests {
    @Test("all 93 Annex A controls, exclusions justified from the scope, statuses from the assessment")
    func soa() throws {
        let (frameworks, index) = try ChecklistTests.shipped()
        let iso = frameworks.first { $0.id == "iso27001-2022" }!
        let scope = Scope(
            organisation: "Acme Health Ltd", periodStart: "2026-01-01", periodEnd: "2026-12-31", frameworks: ["iso27001-2022"],
            soc2Categories: ["security"], notApplicable: [RequirementRef(framework: "iso27001-2022", id: "A.8.30"): "No development is outsourced."],
            location: .file("test"))
        let evidence = [EvidenceItem(id: 1, title: "Policy set", kind: .policy, controls: ["GOV-02"], owner: "CISO", effectiveFrom: "2026-09-01", addedAt: "2026-09-02T00:00:00Z", expiresAt: "2027-09-01", status: .accepted)]
        // No shipped Annex A control is AWS's alone (the customer has offices: A.7 is shared), so the
        // inherited row is checked on a copy of the mappings in which A.7.5 is AWS's alone.
        var mappings = index.mappings
        let physical = try #require(mappings.responsibilities.firstIndex { $0.requirement == RequirementRef(framework: "iso27001-2022", id: "A.7.5") })
        #expect(mappings.responsibilities[physical].responsibility == .shared)
        mappings.responsibilities[physical].responsibility = .aws
        let awsIndex = MappingIndex(frameworks: frameworks, mappings: mappings)
        let a = Assessment.run(framework: iso, index: awsIndex, evidence: evidence, scope: scope, asOf: "2026-11-22")
        let soa = StatementOfApplicability(a, index: awsIndex)
        #expect(soa.rows.count == 93)
        let excluded = try #require(soa.rows.first { $0.id == "A.8.30" })
        #expect(!excluded.applicable && excluded.justification == "No development is outsourced.")
        let inherited = try #require(soa.rows.first { $0.id == "A.7.5" })
        #expect(inherited.applicable && inherited.status == .inherited && inherited.justification.hasPrefix("Included: carried by AWS"))
        let policies = try #require(soa.rows.first { $0.id == "A.5.1" })
        #expect(policies.controls.contains("GOV-02") && policies.evidence == ["E-1"])
        let csv = soa.csv()
        #expect(csv.hasPrefix("Control,Title,Applicable,Justification,Implementation status,Customer controls,Evidence\r\n"))
        #expect(csv.split(separator: "\r\n").count == 94)
    }
}
