import CrosswalkAssess
import CrosswalkEvidence
@testable import CrosswalkImport
import CrosswalkFiles
import CrosswalkLoad
import CrosswalkModel
import Foundation
import Testing

/// Security Hub exports mix control checks with Inspector, GuardDuty, Macie and custom findings
/// that carry no `Compliance` object: those take their check id and controls from
/// Mappings/findings/securityhub-types.yaml and their result from RecordState and Workflow.Status.
@Suite("Security Hub finding types")
struct FindingTypeTests {
    static let workspace = Workspace(
        frameworksDirectory: ChecklistTests.root.appendingPathComponent("Frameworks").path,
        mappingsDirectory: ChecklistTests.root.appendingPathComponent("Mappings").path)

    /// The shipped rules.
    static func rules() throws -> [FindingTypeRule] {
        let (rules, diagnostics) = workspace.loadFindingTypes()
        #expect(diagnostics.items.isEmpty, "\(diagnostics.items)")
        return rules
    }

    /// A store holding the mixed export, imported with the shipped rules.
    func importMixed() async throws -> (EvidenceStore, ImportSummary) {
        let store = try makeStore()
        var importer = FindingImporter(store: store, notation: Fixtures.notation)
        importer.findingTypes = try Self.rules()
        return (store, try await importer.run(path: Fixtures.path("asff-securityhub-mixed-finding-types.json")))
    }

    @Test("a get-findings export mixing a control check, Inspector CVEs, GuardDuty, Macie and a custom finding imports whole")
    func mixedExport() async throws {
        let (store, summary) = try await importMixed()
        #expect(summary.format == .asff)
        #expect(summary.records == 8 && summary.addedItems == 8)
        // FAIL: S3.4, the NOTIFIED CVE, the NEW GuardDuty detection, the Macie finding; PASS: the
        // ARCHIVED CVE and the RESOLVED detection; MANUAL: the WARNING control and the SUPPRESSED custom finding.
        #expect(summary.results == [.fail: 4, .pass: 2, .manual: 2])
        let items = try store.list()
        func find(_ title: String) throws -> FindingDetails { try #require(items.first { $0.title.hasPrefix(title) }?.finding, "\(title)") }

        let s3 = try find("S3.4")
        #expect(s3.tool == "securityhub" && s3.checkID == "S3.4" && s3.result == .fail)
        #expect(try find("IAM.6").result == .manual)  // WARNING

        let cve1 = try find("CVE-2026-0001"), cve2 = try find("CVE-2026-0002")
        #expect(cve1.tool == "inspector" && cve1.checkID == "securityhub/vulnerabilities" && cve1.result == .fail)
        #expect(cve1.severity == "high" && cve1.account == "111122223333" && cve1.region == "eu-west-1")
        #expect(cve1.observedAt == "2026-10-02T08:00:00Z")
        // Two CVEs on one instance: two items (the finding's Id joins the key), the archived one passes.
        #expect(cve2.resourceID == cve1.resourceID && cve2.result == .pass)

        let brute = try find("198.51.100.7"), exfiltration = try find("Anomalous S3")
        #expect(brute.tool == "guardduty" && brute.checkID == "securityhub/threat-detections" && brute.result == .fail)
        #expect(exfiltration.checkID == "securityhub/threat-detections" && exfiltration.result == .pass)  // RESOLVED

        let macie = try find("The S3 object contains personal information")
        #expect(macie.tool == "macie" && macie.checkID == "securityhub/sensitive-data" && macie.result == .fail)

        let custom = try find("Instance uses an NTP server")
        #expect(custom.tool == "securityhub" && custom.checkID == "securityhub/posture-findings" && custom.result == .manual)

        // A later export of the same findings adds observations to the same items, not new items.
        var importer = FindingImporter(store: store, notation: Fixtures.notation)
        importer.findingTypes = try Self.rules()
        #expect(try await importer.run(path: Fixtures.path("asff-securityhub-mixed-finding-types.json")).alreadyImported)
        #expect(try store.list().count == 8)
    }

    @Test("the shipped mappings link each finding type to its controls: evidence list --control sees the findings", arguments: [
        ("VUL-02", ["CVE-2026-0001 - openssl", "CVE-2026-0002 - curl"]),
        ("VUL-03", ["CVE-2026-0001 - openssl", "CVE-2026-0002 - curl"]),
        ("LOG-06", ["198.51.100.7 is performing SSH brute force attacks against i-0abc1234.", "Anomalous S3 GetObject calls by svc-etl.", "Instance uses an NTP server outside the approved list"]),
        ("INC-02", ["198.51.100.7 is performing SSH brute force attacks against i-0abc1234.", "Anomalous S3 GetObject calls by svc-etl.", "Instance uses an NTP server outside the approved list"]),
        ("DAT-05", ["The S3 object contains personal information."]),
    ])
    func controls(_ c: (String, [String])) async throws {
        let (store, _) = try await importMixed()
        let (_, index) = try ChecklistTests.shipped()
        let control = try #require(index.controls[c.0])
        // What `crosswalk evidence list --control` asks the store.
        var filter = EvidenceFilter()
        filter.control = control.id
        filter.controlChecks = Set(control.prowlerChecks + control.configRules)
        let titles = try store.list(filter).filter { $0.kind == .automatedFinding }.map(\.title)
        #expect(Set(titles) == Set(c.1), "\(titles)")
    }

    @Test("the assessment counts a typed finding's failure against its controls")
    func assessment() async throws {
        let (store, _) = try await importMixed()
        let (frameworks, index) = try ChecklistTests.shipped()
        let soc2 = try #require(frameworks.first { $0.id == "soc2" })
        let scope = Scope(
            organisation: "Acme Health", periodStart: "2026-01-01", periodEnd: "2026-12-31", frameworks: ["soc2"],
            soc2Categories: ["security", "availability", "confidentiality", "processing-integrity", "privacy"], notApplicable: [:], location: .file("test"))
        let result = Assessment.run(framework: soc2, index: index, summary: try store.summary(asOf: "2026-11-22"), scope: scope, asOf: "2026-11-22")
        let reasons = result.requirements.flatMap(\.reasons).filter { $0.code == .automatedCheckFailing }
        for (control, check, resource) in [
            ("VUL-02", "securityhub/vulnerabilities", "arn:aws:ec2:eu-west-1:111122223333:instance/i-0abc1234"),
            ("LOG-06", "securityhub/threat-detections", "arn:aws:ec2:eu-west-1:111122223333:instance/i-0abc1234"),
            ("INC-02", "securityhub/threat-detections", "arn:aws:ec2:eu-west-1:111122223333:instance/i-0abc1234"),
            ("DAT-05", "securityhub/sensitive-data", "arn:aws:s3:::acme-analytics-scratch"),
        ] {
            #expect(
                reasons.contains { $0.control == control && $0.checkID == check && $0.resource == resource },
                "\(control): \(reasons.filter { $0.control == control }.map(\.text))")
        }
        // One failing CVE (the archived one passes): "fails on" one resource, not two.
        #expect(reasons.contains { $0.control == "VUL-02" && $0.text == "securityhub/vulnerabilities fails on arn:aws:ec2:eu-west-1:111122223333:instance/i-0abc1234" })
        // The suppressed custom finding is MANUAL: it fails nothing.
        #expect(!reasons.contains { $0.checkID == "securityhub/posture-findings" })
    }

    @Test("without the finding-type mapping, a typed finding is an error that names it, and nothing is imported")
    func withoutRules() async throws {
        let store = try makeStore()
        let error = try await #require(throws: ImportError.self) {
            try await FindingImporter(store: store, notation: Fixtures.notation).run(path: Fixtures.path("asff-securityhub-mixed-finding-types.json"))
        }
        #expect(error.record == 3 && error.line == 35 && error.column == 5, "\(error)")
        #expect(error.message.contains("'Software and Configuration Checks/Vulnerabilities/CVE' finding (no Compliance.Status) needs the finding-type mapping (Mappings/findings/securityhub-types.yaml)"), "\(error)")
        #expect(try store.list().isEmpty)
    }

    @Test("truly malformed records still abort the whole import, at file:line:col", arguments: [
        ("asff-finding-without-compliance-or-types.json", "neither Compliance.Status (a control check) nor Types", 3, 5),
        ("asff-threat-finding-with-bad-workflow-status.json", "Workflow.Status 'CLOSED' is not NEW, NOTIFIED, RESOLVED or SUPPRESSED", 14, 30),
    ])
    func malformed(_ c: (String, String, Int, Int)) async throws {
        let store = try makeStore()
        var importer = FindingImporter(store: store, notation: Fixtures.notation)
        importer.findingTypes = try Self.rules()
        let error = try await #require(throws: ImportError.self) { try await importer.run(path: Fixtures.path(c.0)) }
        #expect(error.message.contains(c.1), "\(error)")
        #expect(error.line == c.2 && error.column == c.3 && error.record == 1, "\(error)")
        #expect(try store.list().isEmpty)
    }

    @Test("rule matching: the longest Types prefix, on whole segments; then the product; then the generator")
    func matching() {
        func rule(_ id: String, types: [String] = [], products: [String] = [], generators: [String] = []) -> FindingTypeRule {
            FindingTypeRule(id: id, title: id, types: types, products: products, generators: generators, controls: [], location: .file("x"))
        }
        let rules = [
            rule("config", types: ["Software and Configuration Checks"]),
            rule("vulns", types: ["Software and Configuration Checks/Vulnerabilities"], products: ["Inspector"]),
            rule("threats", types: ["TTPs"], generators: ["acme-ids-"]),
        ]
        func match(_ types: [String], product: String = "", generator: String = "") -> String? {
            FindingTypeRule.rule(types: types, product: product, generator: generator, in: rules)?.id
        }
        #expect(match(["Software and Configuration Checks/Vulnerabilities/CVE"]) == "vulns")
        #expect(match(["Software and Configuration Checks/AWS Security Best Practices"], product: "Inspector") == "config")  // types win
        #expect(match(["Software and Configuration Checks/VulnerabilitiesX"]) == "config")  // whole segments only
        #expect(match(["TTPs/Discovery/Recon:EC2-PortProbeUnprotectedPort"]) == "threats")
        #expect(match(["Unknown/Thing"], product: "inspector") == "vulns")  // product, ignoring case
        #expect(match(["Unknown/Thing"], generator: "acme-ids-42") == "threats")
        #expect(match(["Unknown/Thing"]) == nil)
    }

    @Test("crosswalk evidence import reads the rules from Mappings/findings/, and evidence list --control shows the findings")
    func command() throws {
        let binary = try #require(KillTests.executable, "the crosswalk executable is not built beside the tests")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crosswalk-types-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("e.sqlite").path
        func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments
            process.currentDirectoryURL = ChecklistTests.root
            var environment = ProcessInfo.processInfo.environment
            environment["NO_COLOR"] = "1"
            environment["CROSSWALK_NOW"] = "2026-11-22T12:00:00Z"
            process.environment = environment
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let o = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, o, e)
        }
        let imported = try run(["evidence", "import", Fixtures.path("asff-securityhub-mixed-finding-types.json"), "--store", store])
        #expect(imported.status == 0, "\(imported.err)")
        let listed = try run(["evidence", "list", "--control", "VUL-02", "--store", store, "--format", "json"])
        #expect(listed.status == 0, "\(listed.err)")
        #expect(listed.out.contains("CVE-2026-0001 - openssl") && listed.out.contains("CVE-2026-0002 - curl"), "\(listed.out)")
        #expect(!listed.out.contains("SSH brute force"))

        // A broken finding-type file stops an ASFF import at its file:line:col, and only that.
        let broken = Fixtures.path("mappings-with-misspelt-finding-type-key")
        let other = folder.appendingPathComponent("other.sqlite").path
        let asff = try run(["evidence", "import", Fixtures.path("asff-securityhub-mixed-finding-types.json"), "--store", other, "--mappings", broken])
        #expect(asff.status == 1)
        #expect(asff.err.contains("\(broken)/findings/types.yaml:6:5: error: unknown key 'control' in a finding-type rule (did you mean 'controls'?)"), "\(asff.err)")
        let ocsf = try run(["evidence", "import", Fixtures.path("ocsf-first-scan.json"), "--store", other, "--mappings", broken])
        #expect(ocsf.status == 0, "\(ocsf.err)")
    }
}
