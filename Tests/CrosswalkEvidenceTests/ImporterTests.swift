import CrosswalkEvidence
@testable import CrosswalkImport
import CrosswalkFiles
import CrosswalkModel
import Foundation
import Testing

@Suite("Importers")
struct ImporterTests {
    @Test("the real Prowler OCSF scan: 187 findings, 105 PASS, 78 FAIL, 4 MANUAL", .enabled(if: Fixtures.sharedScan != nil, "needs ../shared/data beside the repository"))
    func realOCSF() async throws {
        let ocsf = try #require(Fixtures.ocsf)
        let store = try makeStore()
        let summary = try await FindingImporter(store: store, notation: Fixtures.notation).run(path: ocsf)
        #expect(summary.format == .prowlerOCSF)
        #expect(summary.records == 187 && summary.addedItems == 187)
        #expect(summary.results == [.pass: 105, .fail: 78, .manual: 4])
        // PROVENANCE.md: no CloudTrail trail, an unencrypted scratch bucket, analyst.one without MFA.
        let failing = try store.list({ var f = EvidenceFilter(); f.failing = true; return f }())
        #expect(failing.count == 78)
        #expect(failing.contains { $0.finding?.checkID == "cloudtrail_multi_region_enabled" })
        #expect(failing.contains { $0.finding?.checkID == "s3_bucket_default_encryption" && $0.finding!.resourceID.contains("analytics-scratch") })
        #expect(failing.contains { $0.finding?.checkID == "iam_user_mfa_enabled_console_access" && $0.finding!.resourceID.contains("analyst.one") })
        let item = try #require(failing.first { $0.finding?.checkID == "s3_bucket_default_encryption" })
        #expect(item.kind == .automatedFinding)
        #expect(item.finding?.account == "210987654321" && item.finding?.region == "us-east-1")
        // The requirements Prowler's compliance field names for the check, in our notation.
        #expect(
            item.requirements.map(\.description) == [
                "gdpr:Art.32", "hipaa:164.308(a)(1)(ii)(B)", "hipaa:164.308(a)(4)(ii)(A)", "hipaa:164.312(a)(2)(iv)", "hipaa:164.312(c)(1)",
                "hipaa:164.312(c)(2)", "hipaa:164.312(e)(2)(ii)", "iso27001-2022:A.8.11", "iso27001-2022:A.8.24", "soc2:PI1.4",
            ])
    }

    @Test("OCSF fields match a reference decoder (JSONSerialization) finding by finding", .enabled(if: Fixtures.sharedScan != nil, "needs ../shared/data beside the repository"))
    func crossCheck() async throws {
        let ocsf = try #require(Fixtures.ocsf)
        let store = try makeStore()
        _ = try await FindingImporter(store: store, notation: Fixtures.notation).run(path: ocsf)
        let items = try store.list()
        let reference = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: ocsf))) as? [[String: Any]])
        #expect(items.count == reference.count)
        var byUID: [String: EvidenceItem] = [:]
        for item in items { byUID["\(item.finding!.checkID)|\(item.finding!.resourceID)"] = item }
        for finding in reference {
            let check = (finding["metadata"] as! [String: Any])["event_code"] as! String
            let resource = ((finding["resources"] as! [[String: Any]])[0])["uid"] as! String
            let item = try #require(byUID["\(check)|\(resource)"])
            #expect(item.finding?.result.rawValue == finding["status_code"] as? String)
            #expect(item.title == (finding["finding_info"] as! [String: Any])["title"] as? String)
            #expect(item.finding?.observedAt == (finding["finding_info"] as! [String: Any])["created_time_dt"] as? String)
            #expect(item.finding?.severity == (finding["severity"] as? String)?.lowercased())
        }
    }

    @Test("Prowler's CSV of the same scan names the same findings; ASFF adds observations", .enabled(if: Fixtures.sharedScan != nil, "needs ../shared/data beside the repository"))
    func csvAndASFF() async throws {
        let ocsf = try #require(Fixtures.ocsf)
        let csv = try #require(Fixtures.prowlerCSV)
        let asff = try #require(Fixtures.asff)
        let store = try makeStore()
        _ = try await FindingImporter(store: store, notation: Fixtures.notation).run(path: ocsf)
        let fromCSV = try await FindingImporter(store: store, notation: Fixtures.notation).run(path: csv)
        #expect(fromCSV.format == .prowlerCSV)
        #expect(fromCSV.records == 187 && fromCSV.addedItems == 0 && fromCSV.unchanged == 187)
        let fromASFF = try await FindingImporter(store: store, notation: Fixtures.notation).run(path: asff)
        #expect(fromASFF.format == .asff)
        #expect(fromASFF.records == 183 && fromASFF.addedItems == 0 && fromASFF.newObservations == 183)
        #expect(try store.list().count == 187)
    }

    @Test("importing the same file again adds nothing")
    func idempotent() async throws {
        let store = try makeStore()
        let first = try await FindingImporter(store: store, notation: Fixtures.notation).run(path: Fixtures.path("ocsf-first-scan.json"))
        #expect(first.addedItems == 2)
        let again = try await FindingImporter(store: store, notation: Fixtures.notation).run(path: Fixtures.path("ocsf-first-scan.json"))
        #expect(again.alreadyImported)
        #expect(try store.list().count == 2)
        #expect(try store.auditLog().count == 1)
    }

    @Test("a store keyed the v1 way (natural key as uid) is migrated: a later scan adds observations, not duplicates")
    func migratesNaturalKeys() async throws {
        let store = try makeStore()
        _ = try await FindingImporter(store: store, notation: Fixtures.notation).run(path: Fixtures.path("ocsf-first-scan.json"))
        // Back to v1: the natural key as the uid, and the v2 migration not applied.
        try runSQL(store.path, """
            UPDATE evidence SET uid = (SELECT tool || '|' || check_id || '|' || account || '|' || region || '|' || resource_id
                FROM finding WHERE evidence_id = evidence.id) WHERE kind = 'automated-finding'
            """)
        try runSQL(store.path, "DELETE FROM grdb_migrations WHERE identifier LIKE 'v2:%'")
        let reopened = try EvidenceStore(path: store.path, actor: "tester")
        let later = try await FindingImporter(store: reopened, notation: Fixtures.notation).run(path: Fixtures.path("ocsf-later-scan.json"))
        #expect(later.addedItems == 1 && later.newObservations == 2)
        #expect(try reopened.list().count == 3)
    }

    @Test("a later scan adds observations and the latest observation decides the result")
    func laterScan() async throws {
        let store = try makeStore()
        _ = try await FindingImporter(store: store, notation: Fixtures.notation).run(path: Fixtures.path("ocsf-first-scan.json"))
        let later = try await FindingImporter(store: store, notation: Fixtures.notation).run(path: Fixtures.path("ocsf-later-scan.json"))
        #expect(later.addedItems == 1 && later.newObservations == 2)
        let items = try store.list()
        let s3 = try #require(items.first { $0.finding?.checkID == "s3_bucket_default_encryption" })
        #expect(s3.finding?.result == .pass)  // FAIL on 2026-10-01, PASS on 2026-11-01
        let root = try #require(items.first { $0.finding?.checkID == "iam_root_mfa_enabled" })
        #expect(root.finding?.result == .pass)  // the "later" file's observation is older (2026-09-01): it does not win
        #expect(root.finding?.observedAt == "2026-10-01T09:00:00")
    }

    @Test("escapes, non-ASCII and surrogate pairs in strings decode")
    func strings() async throws {
        let store = try makeStore()
        _ = try await FindingImporter(store: store, notation: Fixtures.notation).run(path: Fixtures.path("ocsf-first-scan.json"))
        let s3 = try #require(try store.list().first { $0.finding?.checkID == "s3_bucket_default_encryption" })
        #expect(s3.title == "S3 bucket has default encryption \"enabled\" — café 🔒")
        // Prowler notation normalised; CIS is not a shipped framework and is left out.
        #expect(Set(s3.requirements.map(\.description)) == [
            "soc2:CC6.1", "soc2:C1.1", "hipaa:164.312(a)(2)(iv)", "gdpr:Art.32", "iso27001-2022:A.8.24",
        ])
    }

    @Test("AWS Security Hub get-findings output and AWS Config results")
    func asffAndConfig() async throws {
        let store = try makeStore()
        let asff = try await FindingImporter(store: store, notation: Fixtures.notation).run(path: Fixtures.path("asff-securityhub-get-findings.json"))
        #expect(asff.format == .asff && asff.records == 2)
        let items = try store.list()
        #expect(items.contains { $0.finding?.checkID == "S3.4" && $0.finding?.tool == "securityhub" && $0.finding?.result == .fail })
        let root = try #require(items.first { $0.finding?.checkID == "iam_root_mfa_enabled" })
        #expect(root.finding?.tool == "prowler")
        #expect(Set(root.requirements.map(\.description)) == ["soc2:CC6.1", "soc2:CC6.2", "hipaa:164.312(d)"])
        var importer = FindingImporter(store: store, notation: Fixtures.notation)
        importer.account = "111122223333"
        importer.region = "eu-west-1"
        let config = try await importer.run(path: Fixtures.path("config-compliance-details.json"))
        #expect(config.format == .config && config.records == 2)
        #expect(config.results == [.pass: 1, .fail: 1])
        let bucket = try #require(try store.list().first { $0.finding?.resourceID == "AWS::S3::Bucket/acme-uploads" && $0.finding?.tool == "config" })
        #expect(bucket.finding?.checkID == "s3-bucket-server-side-encryption-enabled")
        #expect(bucket.finding?.account == "111122223333")
    }

    @Test("Prowler's compliance CSV (real SOC 2 header): one finding per check and resource, with the requirements of all its rows")
    func prowlerComplianceSOC2() async throws {
        let file = Fixtures.path("prowler-compliance-soc2-of-ocsf-first-scan.csv")
        #expect(try FindingImporter.detect(path: file) == .prowlerCompliance)
        let store = try makeStore()
        let summary = try await FindingImporter(store: store, notation: Fixtures.notation).run(path: file)
        #expect(summary.format == .prowlerCompliance)
        #expect(summary.records == 2 && summary.addedItems == 2)
        #expect(summary.results == [.fail: 1, .pass: 1])
        let items = try store.list()
        let s3 = try #require(items.first { $0.finding?.checkID == "s3_bucket_default_encryption" })
        #expect(s3.finding?.tool == "prowler" && s3.finding?.resourceID == "arn:aws:s3:::acme-uploads")
        #expect(s3.finding?.account == "111122223333" && s3.finding?.region == "eu-west-1")
        #expect(s3.finding?.result == .fail && s3.finding?.observedAt == "2026-10-01T09:00:00")
        // Two rows (cc_6_1, cc_c_1_1) of one finding: one item with both requirements.
        #expect(Set(s3.requirements.map(\.description)) == ["soc2:CC6.1", "soc2:C1.1"])
    }

    @Test("Prowler's compliance CSV of a scan already imported as OCSF adds nothing new")
    func prowlerComplianceAfterOCSF() async throws {
        let store = try makeStore()
        _ = try await FindingImporter(store: store, notation: Fixtures.notation).run(path: Fixtures.path("ocsf-first-scan.json"))
        let summary = try await FindingImporter(store: store, notation: Fixtures.notation).run(path: Fixtures.path("prowler-compliance-soc2-of-ocsf-first-scan.csv"))
        #expect(summary.records == 2 && summary.addedItems == 0 && summary.unchanged == 2 && summary.newObservations == 0)
        #expect(try store.list().count == 2)
    }

    @Test("Prowler's ISO 27001 compliance CSV (real header): the edition comes from NAME, manual rows are not findings")
    func prowlerComplianceISO() async throws {
        let store = try makeStore()
        let summary = try await FindingImporter(store: store, notation: Fixtures.notation).run(path: Fixtures.path("prowler-compliance-iso27001-2022-with-manual-row.csv"))
        #expect(summary.format == .prowlerCompliance)
        #expect(summary.records == 2)  // the `manual` / `manual_check` row is left out
        let items = try store.list()
        #expect(!items.contains { $0.finding?.checkID == "manual" })
        let s3 = try #require(items.first { $0.finding?.checkID == "s3_bucket_default_encryption" })
        #expect(s3.requirements.map(\.description) == ["iso27001-2022:A.8.24"])
        let alice = try #require(items.first { $0.finding?.checkID == "iam_user_mfa_enabled_console_access" })
        #expect(alice.requirements.map(\.description) == ["iso27001-2022:A.5.17"] && alice.finding?.result == .pass)
    }

    @Test("the real Prowler compliance CSVs import, and add nothing to their scan's OCSF", .enabled(if: Fixtures.sharedScan != nil, "needs ../shared/data beside the repository"))
    func realComplianceCSVs() async throws {
        let scan = try #require(Fixtures.sharedScan)
        let ocsf = try #require(Fixtures.ocsf)
        let store = try makeStore()
        _ = try await FindingImporter(store: store, notation: Fixtures.notation).run(path: ocsf)
        let folder = scan + "/compliance"
        for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() where name.hasSuffix(".csv") {
            let summary = try await FindingImporter(store: store, notation: Fixtures.notation).run(path: folder + "/" + name)
            #expect(summary.format == .prowlerCompliance, "\(name)")
            #expect(summary.records > 0 && summary.addedItems == 0 && summary.unchanged == summary.records, "\(name)")
        }
        #expect(try store.list().count == 187)
    }

    @Test("the evidence CSV adds manual items with their files")
    func manualCSV() async throws {
        let store = try makeStore()
        let summary = try await FindingImporter(store: store, notation: Fixtures.notation).run(path: Fixtures.path("evidence-list.csv"))
        #expect(summary.format == .csv && summary.addedItems == 2)
        let items = try store.list()
        #expect(items[0].title == "Access control policy v3")
        #expect(items[0].kind == .policy && items[0].status == .accepted)
        #expect(items[0].controls == ["GOV-02", "IAM-01"])
        #expect(items[0].requirements.map(\.description) == ["iso27001-2022:A.5.15", "soc2:CC6.1"])
        #expect(items[0].notes == "Approved by the CISO; reviewed yearly")
        #expect(items[0].files.first?.size == 62)
        #expect(items[1].title == "Quarterly access review, Q3")
        #expect(items[1].effectiveTo == "2026-09-30")
        #expect(try store.verify().isEmpty)
    }

    @Test("bad input: each is rejected with file, line and record, and the store is left as it was", arguments: [
        ("ocsf-truncated.json", "the file ends inside a record"),
        ("ocsf-bad-status-third-record.json", "status_code 'MAYBE' is not PASS, FAIL or MANUAL"),
        ("evidence-list-bad-kind.csv", "kind 'screenshotz' is not one of"),
        ("unknown-format.json", "cannot tell the format"),
    ])
    func badInput(_ c: (String, String)) async throws {
        let store = try makeStore()
        _ = try await FindingImporter(store: store, notation: Fixtures.notation).run(path: Fixtures.path("ocsf-first-scan.json"))
        let before = try store.list()
        let log = try store.auditLog()
        do {
            _ = try await FindingImporter(store: store, notation: Fixtures.notation).run(path: Fixtures.path(c.0))
            Issue.record("\(c.0) was accepted")
        } catch let error as ImportError {
            #expect(error.message.contains(c.1), "\(error)")
            #expect(error.file.hasSuffix(c.0))
            #expect(error.line > 0)
        }
        #expect(try store.list() == before)
        #expect(try store.auditLog() == log)
    }

    @Test("the record, line and column of a bad record are named")
    func badRecordPosition() async throws {
        let store = try makeStore()
        let json = try await #require(throws: ImportError.self) {
            try await FindingImporter(store: store, notation: Fixtures.notation).run(path: Fixtures.path("ocsf-bad-status-third-record.json"))
        }
        #expect(json.record == 3)  // counted from 1, as lines are
        #expect(json.line == 96 && json.column == 20)  // the status_code value of the third element
        #expect(json.description.contains("ocsf-bad-status-third-record.json:96:20: error: status_code 'MAYBE' is not PASS, FAIL or MANUAL (record 3)"))
        let csv = try await #require(throws: ImportError.self) {
            try await FindingImporter(store: store, notation: Fixtures.notation).run(path: Fixtures.path("evidence-list-bad-kind.csv"))
        }
        #expect(csv.line == 3 && csv.record == 2)
    }

    @Test("record numbers count from 1 in every format, as line numbers do", arguments: [
        ("ocsf-bad-status-third-record.json", 3, 96, 20),
        ("ocsf-truncated.json", 4, 0, 0),  // the fourth element is cut
        ("asff-second-record-without-resources.json", 2, 13, 5),
        ("config-first-record-without-compliance-type.json", 1, 3, 5),
        ("prowler-csv-first-row-bad-status.csv", 1, 2, 0),
        ("evidence-list-bad-kind.csv", 2, 3, 21),  // at the kind field
    ])
    func recordNumbers(_ c: (String, Int, Int, Int)) async throws {
        let store = try makeStore()
        var importer = FindingImporter(store: store, notation: Fixtures.notation)
        importer.account = "111122223333"
        let error = try await #require(throws: ImportError.self) { try await importer.run(path: Fixtures.path(c.0)) }
        #expect(error.record == c.1, "\(error)")
        #expect(error.description.hasSuffix("(record \(c.1))"), "\(error)")
        if c.2 > 0 { #expect(error.line == c.2 && (error.column ?? 0) == c.3, "\(error)") }
    }

    @Test("crosswalk evidence import prints the bad record's file, line, column and record number")
    func commandNamesRecord() throws {
        let binary = try #require(KillTests.executable, "the crosswalk executable is not built beside the tests")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crosswalk-record-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        let file = Fixtures.path("ocsf-bad-status-third-record.json")
        process.arguments = ["evidence", "import", file, "--store", folder.appendingPathComponent("e.sqlite").path, "--frameworks", "/nonexistent"]
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(stderr.contains("\(file):96:20: error: status_code 'MAYBE' is not PASS, FAIL or MANUAL (record 3)"), "\(stderr)")
    }

    @Test("Prowler's requirement notation", arguments: [
        ("soc2", "cc_6_1", "CC6.1"), ("soc2", "cc_a_1_1", "A1.1"), ("soc2", "cc_c_1_2", "C1.2"), ("soc2", "pi_1_4", "PI1.4"),
        ("soc2", "p_4_3", "P4.3"), ("hipaa", "164_312_a_2_iv", "164.312(a)(2)(iv)"),
        ("hipaa", "164_308_a_1_ii_b", "164.308(a)(1)(ii)(B)"), ("hipaa", "164_312_b", "164.312(b)"),
        ("gdpr", "article_32", "Art.32"), ("gdpr", "article_05", "Art.5"), ("iso27001-2022", "A.8.24", "A.8.24"),
        ("soc2", "CC_6_1", "CC6.1"), ("hipaa", "164_308_A_1_II_B", "164.308(a)(1)(ii)(B)"),
    ])
    func notation(_ c: (String, String, String)) {
        #expect(Fixtures.notation.requirement(framework: c.0, id: c.1) == c.2)
    }

    @Test("ids the shipped notation does not understand name no requirement", arguments: [
        ("soc2", "cc6.1"), ("soc2", "cc_6"), ("soc2", "x_1_1"), ("hipaa", "164"), ("hipaa", "165_312_b"), ("gdpr", "art_32"),
        ("iso27001-2022", "8.24"), ("nist", "ac_1"),
    ])
    func notationUnknown(_ c: (String, String)) {
        #expect(Fixtures.notation.requirement(framework: c.0, id: c.1) == nil)
    }

    @Test("alternatives: a HIPAA paragraph (i) falls back to its standard, an ISO 2013 objective part to the objective")
    func notationAlternatives() {
        let n = Fixtures.notation
        #expect(n.alternatives(of: RequirementRef(framework: "hipaa", id: "164.308(a)(3)(i)")) == [RequirementRef(framework: "hipaa", id: "164.308(a)(3)")])
        #expect(n.alternatives(of: RequirementRef(framework: "iso27001-2013", id: "A.12.4.A")) == [RequirementRef(framework: "iso27001-2013", id: "A.12.4")])
        #expect(n.alternatives(of: RequirementRef(framework: "hipaa", id: "164.312(b)")).isEmpty)
        #expect(n.alternatives(of: RequirementRef(framework: "soc2", id: "CC6.1")).isEmpty)
    }
}
