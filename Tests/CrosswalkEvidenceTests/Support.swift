import CrosswalkEvidence
@testable import CrosswalkImport
import CrosswalkFiles
import CrosswalkLoad
import CrosswalkModel
import Foundation

enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    static let sharedScan: String? = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/data/prowler/scan-medirec").path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }()

    /// Prowler's notation as shipped (Mappings/findings/prowler-notation.yaml).
    static let notation: RequirementNotation = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let loaded = Workspace(mappingsDirectory: root.appendingPathComponent("Mappings").path).loadNotation()
        precondition(loaded.diagnostics.errors.isEmpty, "\(loaded.diagnostics.errors)")
        return loaded.notation!
    }()

    static var ocsf: String? { sharedScan.map { $0 + "/prowler-output-210987654321-20261122152348.ocsf.json" } }
    static var prowlerCSV: String? { sharedScan.map { $0 + "/prowler-output-210987654321-20261122152348.csv" } }
    static var asff: String? { sharedScan.map { $0 + "/asff/prowler-output-210987654321-20261122152500.asff.json" } }
}

/// A store in a new temporary folder, with a fixed clock.
func makeStore(now: String = "2026-11-22T12:00:00Z") throws -> EvidenceStore {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crosswalk-tests-\(UUID().uuidString)")
    let date = ISO8601DateFormatter().date(from: now)!
    return try EvidenceStore(path: folder.appendingPathComponent("evidence.sqlite").path, actor: "tester", clock: { date })
}
