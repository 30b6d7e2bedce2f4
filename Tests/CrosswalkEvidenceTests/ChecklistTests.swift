import CrosswalkAssess
import CrosswalkEvidence
@testable import CrosswalkImport
import CrosswalkFiles
import CrosswalkLoad
import CrosswalkModel
import CrosswalkRender
import CrosswalkTestSupport
import Foundation
import Testing

/// The evidence checklist, on the shipped mappings and fixture evidence, in every format.
@Suite("Evidence checklist")
struct ChecklistTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func shipped() throws -> (frameworks: [Framework], index: MappingIndex) {
        let workspace = Workspace(
            frameworksDirectory: root.appendingPathComponent("Frameworks").path,
            mappingsDirectory: root.appendingPathComponent("Mappings").path)
        let frameworks = workspace.loadFrameworks().frameworks
        let mappings = workspace.loadMappings()
        return (frameworks, MappingIndex(frameworks: frameworks, mappings: mappings.mappings))
    }

    /// A store with the first fixture scan, a policy attached to GOV-02 and an expired review for IAM-05.
    func checklist(_ ids: [String]) async throws -> Checklist {
        let store = try makeStore()
        _ = try await FindingImporter(store: store, notation: Fixtures.notation).run(path: Fixtures.path("ocsf-first-scan.json"))
        _ = try store.add(.init(title: "Information security policy", kind: .policy, controls: ["GOV-02"], owner: "CISO", effectiveFrom: "2026-09-01", expiresAt: "2027-09-01", status: .accepted))
        _ = try store.add(.init(title: "Access review Q1", kind: .document, controls: ["IAM-05"], owner: "Cloud lead", effectiveFrom: "2026-01-01", effectiveTo: "2026-03-31", expiresAt: "2026-06-30"))
        let (frameworks, index) = try Self.shipped()
        let chosen = ids.map { id in frameworks.first { $0.id == id }! }
        return Checklist.build(frameworks: chosen, index: index, evidence: try store.list(), asOf: "2026-11-22")
    }

    func expectGolden(_ text: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        try Golden.expect(text, file: Self.golden.appendingPathComponent(name).path, sourceLocation: sourceLocation)
    }

    @Test("one row per control across frameworks, with states from the evidence")
    func rows() async throws {
        let c = try await checklist(["soc2", "hipaa"])
        #expect(Set(c.rows.map(\.control.id)).count == c.rows.count)
        let gov = try #require(c.rows.first { $0.control.id == "GOV-02" })
        #expect(gov.state == .collected && gov.latestEvidence?.title == "Information security policy")
        let review = try #require(c.rows.first { $0.control.id == "IAM-05" })
        #expect(review.state == .expired)
        // s3_bucket_default_encryption fails in the fixture scan: every control hooked to it is failing.
        let failing = c.rows.filter { $0.control.prowlerChecks.contains("s3_bucket_default_encryption") }
        #expect(!failing.isEmpty && failing.allSatisfy { $0.state == .failing })
        #expect(c.rows.contains { $0.state == .missing })
        // Rows name requirements of the chosen frameworks only.
        #expect(c.rows.allSatisfy { Set($0.requirements.keys).isSubset(of: ["soc2", "hipaa"]) })
    }

    @Test("AWS-inherited requirements come with the attestation to download")
    func inherited() async throws {
        let c = try await checklist(["soc1"])
        let dataCentre = try #require(c.inherited.first { $0.requirement.id == "CSOC-01" })  // AWS data-centre access
        #expect(dataCentre.attestation?.id == "aws-soc1")
        // ISO/IEC 27001:2022 has none left: the customer's offices give every A.7 control a customer part.
        await #expect(try checklist(["iso27001-2022"]).inherited.isEmpty)
    }

    @Test("Markdown, CSV and JSON match their golden files")
    func golden() async throws {
        let c = try await checklist(["iso27001-2022", "hipaa"])
        try expectGolden(ChecklistRender.markdown(c), "checklist-iso27001-2022-hipaa.md")
        try expectGolden(ChecklistRender.csv(c), "checklist-iso27001-2022-hipaa.csv")
        try expectGolden(ChecklistRender.json(c), "checklist-iso27001-2022-hipaa.json")
    }

    @Test("the XLSX workbook reads back with openpyxl: sheets, frozen header, autofilter, widths, colours")
    func xlsx() async throws {
        let c = try await checklist(["soc2", "hipaa"])
        let data = try XLSXWriter.workbook(c)
        #expect(try XLSXWriter.workbook(c) == data, "same checklist, same bytes")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("checklist-\(UUID().uuidString).xlsx").path
        try data.write(to: URL(fileURLWithPath: path))
        let script = """
            import json, sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            out = {"sheets": wb.sheetnames}
            ws = wb["soc2"]
            out["freeze"] = ws.freeze_panes
            out["filter"] = ws.auto_filter.ref
            out["rows"] = ws.max_row
            out["header"] = [c.value for c in ws[1]]
            out["widthB"] = ws.column_dimensions["B"].width
            states = {}
            for row in ws.iter_rows(min_row=2):
                states[row[0].value] = [row[10].value, row[10].fill.fgColor.rgb]
            out["states"] = states
            print(json.dumps(out))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "openpyxl failed (run scripts/setup): \(String(decoding: output, as: UTF8.self))")
        let read = try #require(try JSONSerialization.jsonObject(with: output) as? [String: Any])
        #expect(read["sheets"] as? [String] == ["Summary", "soc2", "hipaa", "AWS inherited"])
        #expect(read["freeze"] as? String == "A2")
        let soc2Rows = c.rows.filter { $0.requirements["soc2"] != nil }.count
        #expect(read["filter"] as? String == "A1:K\(soc2Rows + 1)")
        #expect(read["rows"] as? Int == soc2Rows + 1)
        #expect((read["header"] as? [String])?.first == "Control")
        #expect(read["widthB"] as? Double == 44)
        let states = try #require(read["states"] as? [String: [String]])
        #expect(states["GOV-02"] == ["collected", "FFC6EFCE"])
        #expect(states["IAM-05"] == ["expired", "FFFFEB9C"])
        #expect(states.values.contains { $0 == ["failing", "FFC00000"] })
        #expect(states.values.contains { $0 == ["missing", "FFFFC7CE"] })
    }
}

@Suite("Evidence reuse across frameworks")
struct ReuseTests {
    @Test("evidence collected for ISO 27001 counts for the HIPAA requirements it covers")
    func reuse() async throws {
        let store = try makeStore()
        _ = try await FindingImporter(store: store, notation: Fixtures.notation).run(path: Fixtures.path("ocsf-first-scan.json"))
        let policy = try store.add(
            .init(title: "Cryptography policy", kind: .policy, requirements: [RequirementRef(framework: "iso27001-2022", id: "A.8.24")],
                  owner: "CISO", effectiveFrom: "2026-09-01"))
        let (frameworks, index) = try ChecklistTests.shipped()
        let diff = FrameworkDiff.compute(
            from: frameworks.first { $0.id == "iso27001-2022" }!, to: frameworks.first { $0.id == "hipaa" }!, index: index)
        let reuse = diff.evidenceReuse(index: index, evidence: try store.list())
        // HIPAA's encryption specification is covered by A.8.24: the policy applies to it.
        #expect(reuse["164.312(a)(2)(iv)"]?.contains(policy.displayID) == true)
        // Not-covered requirements never list evidence.
        for row in diff.rows where row.state == .notCovered { #expect(reuse[row.id] == nil) }
    }
}
