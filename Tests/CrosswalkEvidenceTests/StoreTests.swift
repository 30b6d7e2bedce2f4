import CrosswalkEvidence
@testable import CrosswalkImport
import CrosswalkFiles
import CrosswalkModel
import Foundation
import Testing

@Suite("Evidence store")
struct StoreTests {
    func addPolicy(_ store: EvidenceStore) throws -> EvidenceItem {
        try store.add(
            .init(
                title: "Access control policy", kind: .policy, controls: ["GOV-02"],
                requirements: [RequirementRef(framework: "soc2", id: "CC6.1")], owner: "CISO", effectiveFrom: "2026-09-01",
                expiresAt: "2027-09-01", files: [Fixtures.path("files/access-policy.txt")]))
    }

    @Test("files are copied in by SHA-256 and the item keeps their hash and size")
    func files() throws {
        let store = try makeStore()
        let item = try addPolicy(store)
        let file = try #require(item.files.first)
        #expect(file.sha256 == "a15441df58feccefbe9f494f201b39b39611511860b2593a06f4011292e9ebe9")  // sha256sum of the fixture
        #expect(file.storedPath == "files/sha256/\(file.sha256.prefix(2))/\(file.sha256.dropFirst(2))")
        let (digest, size) = try EvidenceStore.sha256(ofFile: store.folder + "/" + file.storedPath)
        #expect(digest == file.sha256 && size == file.size)
        #expect(item.displayID == "E-1" && item.revision == 1)
    }

    @Test("accepting adds a revision; nothing is overwritten")
    func revisions() throws {
        let store = try makeStore()
        let item = try addPolicy(store)
        let accepted = try store.setStatus(item.id, to: .accepted, note: "Reviewed by the auditor")
        #expect(accepted.status == .accepted && accepted.revision == 2)
        let history = try store.revisions(of: item.id)
        #expect(history.map(\.revision) == [1, 2])
        #expect(history[0].snapshot.contains("\"status\":\"submitted\""))
        #expect(history[1].snapshot.contains("\"status\":\"accepted\""))
        #expect(history.allSatisfy { $0.changedBy == "tester" && $0.changedAt == "2026-11-22T12:00:00Z" })
    }

    @Test("verify passes on an untouched store and names a changed file")
    func tamperedFile() throws {
        let store = try makeStore()
        let item = try addPolicy(store)
        #expect(try store.verify().isEmpty)
        let stored = store.folder + "/" + item.files[0].storedPath
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: stored)
        try Data("tampered".utf8).write(to: URL(fileURLWithPath: stored))
        let problems = try store.verify()
        #expect(problems.count == 1)
        #expect(problems[0].contains("content changed (evidence E-1, access-policy.txt)"))
    }

    @Test("verify names an audit log entry that was altered or removed")
    func tamperedLog() throws {
        let store = try makeStore()
        let item = try addPolicy(store)
        _ = try store.setStatus(item.id, to: .accepted)
        _ = try store.setStatus(item.id, to: .rejected)
        #expect(try store.auditLog().count == 3)
        // Alter entry 2 behind the store's back.
        try runSQL(store.path, "UPDATE audit_log SET detail = 'status submitted -> rejected' WHERE seq = 2")
        #expect(try store.verify() == ["\(store.path): audit log entry 2 was altered (its hash does not match its content)"])
        try runSQL(store.path, "DELETE FROM audit_log WHERE seq = 2")
        #expect(try store.verify().contains { $0.contains("audit log entry 3 does not follow entry 2") })
    }

    @Test("list filters: control (with its checks), requirement, framework, status, expired, failing")
    func filters() async throws {
        let store = try makeStore()
        _ = try addPolicy(store)
        _ = try await FindingImporter(store: store, notation: Fixtures.notation).run(path: Fixtures.path("ocsf-first-scan.json"))
        var f = EvidenceFilter()
        f.control = "GOV-02"
        #expect(try store.list(f).map(\.displayID) == ["E-1"])
        f.controlChecks = ["s3_bucket_default_encryption"]
        #expect(try store.list(f).count == 2)
        f = EvidenceFilter()
        f.requirement = RequirementRef(framework: "soc2", id: "CC6.1")
        #expect(try store.list(f).count == 3)
        f = EvidenceFilter()
        f.framework = "gdpr"
        #expect(try store.list(f).count == 1)
        f = EvidenceFilter()
        f.failing = true
        #expect(try store.list(f).map { $0.finding?.checkID } == ["s3_bucket_default_encryption"])
        f = EvidenceFilter()
        f.expiredOn = "2027-09-02"
        #expect(try store.list(f).map(\.displayID) == ["E-1"])
        f.expiredOn = "2027-09-01"
        #expect(try store.list(f).isEmpty)
        f = EvidenceFilter()
        f.status = .submitted
        #expect(try store.list(f).map(\.displayID) == ["E-1"])
    }
}

/// Runs SQL on the store's database directly, as an attacker with file access would.
func runSQL(_ path: String, _ sql: String) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(sys.argv[2]); c.commit()", path, sql]
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
}

@Suite("Evidence summary")
struct SummaryTests {
    @Test("the store's SQL summary equals the summary of its items, on accepted, submitted, expired, future, rejected and automated evidence")
    func sqlEqualsMemory() async throws {
        let store = try makeStore()
        _ = try await FindingImporter(store: store, notation: Fixtures.notation).run(path: Fixtures.path("ocsf-first-scan.json"))
        _ = try await FindingImporter(store: store, notation: Fixtures.notation).run(path: Fixtures.path("ocsf-later-scan.json"))
        let soc2 = RequirementRef(framework: "soc2", id: "CC6.1")
        _ = try store.add(.init(title: "a", kind: .policy, controls: ["GOV-02", "IAM-01"], requirements: [soc2], owner: "o", effectiveFrom: "2026-01-01", expiresAt: "2027-01-01", status: .accepted))
        _ = try store.add(.init(title: "b", kind: .document, controls: ["GOV-02"], owner: "o", effectiveFrom: "2026-01-01", expiresAt: "2026-06-30", status: .accepted))
        _ = try store.add(.init(title: "c", kind: .document, controls: ["IAM-05"], owner: "o", effectiveFrom: "2026-02-01", status: .submitted))
        _ = try store.add(.init(title: "d", kind: .document, controls: ["IAM-05"], owner: "o", effectiveFrom: "2027-01-01", status: .accepted))
        let rejected = try store.add(.init(title: "e", kind: .document, controls: ["IAM-05"], requirements: [soc2], owner: "o", effectiveFrom: "2026-01-01"))
        _ = try store.setStatus(rejected.id, to: .rejected)
        for day in ["2026-05-01", "2026-11-22", "2027-02-01"] {
            let fromSQL = try store.summary(asOf: day)
            let fromItems = EvidenceSummary(items: try store.list(), asOf: day)
            #expect(fromSQL == fromItems, "as of \(day)")
        }
        let summary = try store.summary(asOf: "2026-11-22")
        #expect(summary.controls["GOV-02"]?.validCount == 1 && summary.controls["GOV-02"]?.expiredCount == 1)
        #expect(summary.controls["IAM-05"]?.unacceptedCount == 1 && summary.controls["IAM-05"]?.expiredCount == 1)
        #expect(summary.checks["s3_bucket_public_access"]?.failing == 1)
        #expect(summary.requirements[soc2]?.count == 1)
    }
}
