@testable import CrosswalkAssess
import CrosswalkModel
import Testing

/// The Statement of Applicability's rules (Assess decides; Render only formats): which
/// requirements are rows, whether each applies, and the justification.
@Suite("Statement of Applicability rules")
struct StatementOfApplicabilityTests {
    var shipped: Repo.Shipped { Repo.shipped }

    /// One assessed requirement of ISO/IEC 27001:2022 with the fields the rules read.
    func assessed(_ id: String, _ status: RequirementStatus, reasons: [Reason] = [], responsibility: Responsibility? = nil) -> RequirementAssessment {
        RequirementAssessment(
            id: id, title: "t", kind: .control, parent: nil, status: status, reasons: reasons, responsibility: responsibility,
            attestation: nil, controls: ["GOV-02"], evidence: ["E-1"], hasChildren: false)
    }

    @Test("a not-applicable control is excluded, justified by its first reason, or by the scope when it has none")
    func excluded() {
        let row = StatementOfApplicability.row(
            for: assessed("A.8.30", .notApplicable, reasons: [Reason(.notApplicable, "No development is outsourced."), Reason(.noEvidence, "x")]),
            framework: "iso27001-2022", index: shipped.index)
        #expect(!row.applicable)
        #expect(row.justification == "No development is outsourced.")
        let bare = StatementOfApplicability.row(for: assessed("A.8.30", .notApplicable), framework: "iso27001-2022", index: shipped.index)
        #expect(!bare.applicable && bare.justification == "Excluded in the scope.")
    }

    @Test("an inherited control is included as carried by AWS, naming its reason or the AWS attestation")
    func inherited() {
        let row = StatementOfApplicability.row(
            for: assessed("A.7.5", .inherited, reasons: [Reason(.awsInherited, "AWS ISO/IEC 27001 certificate")]),
            framework: "iso27001-2022", index: shipped.index)
        #expect(row.applicable)
        #expect(row.justification == "Included: carried by AWS for the AWS infrastructure (AWS ISO/IEC 27001 certificate).")
        let bare = StatementOfApplicability.row(for: assessed("A.7.5", .inherited), framework: "iso27001-2022", index: shipped.index)
        #expect(bare.justification == "Included: carried by AWS for the AWS infrastructure (AWS attestation).")
    }

    @Test("any other control is included with its responsibility (customer when unmapped) and the mapping's rationale")
    func included() throws {
        let ref = RequirementRef("iso27001-2022", "A.5.1")
        let rationale = try #require(shipped.index.responsibility(for: ref)).entry.rationale
        #expect(!rationale.isEmpty)
        let row = StatementOfApplicability.row(for: assessed("A.5.1", .gap, responsibility: .shared), framework: "iso27001-2022", index: shipped.index)
        #expect(row.applicable && row.status == .gap)
        #expect(row.justification == "Included: shared responsibility. \(rationale)")
        #expect(row.controls == ["GOV-02"] && row.evidence == ["E-1"])
        let unmapped = StatementOfApplicability.row(for: assessed("Z.9", .notAssessed), framework: "iso27001-2022", index: shipped.index)
        #expect(unmapped.justification == "Included: customer responsibility. ")
    }

    @Test("the rows are the framework's controls, in catalogue order; the scope's exclusions are counted apart")
    func rows() throws {
        let iso = try #require(shipped.frameworks.first { $0.id == "iso27001-2022" })
        let scope = Scope(
            organisation: "Acme", periodStart: "2026-01-01", periodEnd: "2026-12-31", frameworks: ["iso27001-2022"],
            soc2Categories: ["security"],
            notApplicable: [RequirementRef("iso27001-2022", "A.8.30"): "No development is outsourced."], location: .file("test"))
        let a = Assessment.run(framework: iso, index: shipped.index, evidence: [], scope: scope, asOf: "2026-11-22")
        let soa = StatementOfApplicability(a, index: shipped.index)
        let controls = a.requirements.filter { $0.kind == .control }
        #expect(soa.rows.count == 93)
        #expect(soa.rows.map(\.id) == controls.map(\.id))
        #expect(soa.rows.map(\.status) == controls.map(\.status))
        #expect(soa.excludedCount == 1 && soa.applicableCount == 92)
        let excluded = try #require(soa.rows.first { !$0.applicable })
        #expect(excluded.id == "A.8.30" && excluded.justification == "No development is outsourced.")
    }
}
