import CrosswalkApp
import CrosswalkLoad
import CrosswalkModel
import Foundation

/// The package root, and the shipped project loaded once.
enum AppFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let project: Project = {
        let workspace = Workspace(frameworksDirectory: root.path + "/Frameworks", mappingsDirectory: root.path + "/Mappings")
        return Project.open(workspace).project!
    }()

    static func scope(_ frameworks: [String]) -> Scope {
        Scope(
            organisation: "Acme Health Ltd", periodStart: "2026-01-01", periodEnd: "2026-12-31", frameworks: frameworks,
            soc2Categories: ["security", "availability", "confidentiality", "processing-integrity", "privacy"], notApplicable: [:], location: .file("test"))
    }
}

/// An evidence store in memory: what a second store (PostgreSQL next) has to provide, and proof
/// that the use cases need nothing more.
struct MemoryStore: EvidenceReading {
    var items: [EvidenceItem]
    var location: String { "memory" }
    var fileFolder: String? { "/stores/acme" }

    func summary(asOf: String) async throws -> EvidenceSummary { EvidenceSummary(items: items, asOf: asOf) }
    func items(_ ids: [Int64]) async throws -> [EvidenceItem] { items.filter { ids.contains($0.id) }.sorted { $0.id < $1.id } }
    func list(_ filter: EvidenceFilter) async throws -> [EvidenceItem] { items }
    func explain(_ error: Error) -> String { "the memory store failed" }
}

/// A store whose every read fails, to see the use cases name it.
struct BrokenStore: EvidenceReading {
    struct Broken: Error {}
    var location: String { "postgres://db.example/crosswalk" }
    var fileFolder: String? { nil }
    func summary(asOf: String) async throws -> EvidenceSummary { throw Broken() }
    func items(_ ids: [Int64]) async throws -> [EvidenceItem] { throw Broken() }
    func list(_ filter: EvidenceFilter) async throws -> [EvidenceItem] { throw Broken() }
    func explain(_ error: Error) -> String { "the connection was refused" }
}

/// A PDF renderer that returns the Typst source's bytes, or fails for documents whose name has `failing`.
struct FakePDF: PDFRendering {
    var failing: String?
    func pdf(fromTypst source: String, documentName: String) throws -> [UInt8] {
        if let failing, documentName.contains(failing) { throw AppError(.failure, "Typst could not compile \(documentName) as PDF: boom") }
        return Array("%PDF-fake\n".utf8) + Array(source.utf8.prefix(64))
    }
}

/// A writable store in memory: every change a new revision and a log entry, as the interface asks.
final class MemoryWritableStore: EvidenceWriting, @unchecked Sendable {
    private let lock = NSLock()
    private var items: [EvidenceItem] = []
    private var history: [Int64: [EvidenceRevision]] = [:]
    private var log: [AuditEntry] = []
    let now = "2026-11-22T12:00:00Z"

    var location: String { "memory" }
    var fileFolder: String? { nil }
    func explain(_ error: Error) -> String { "\(error)" }

    private func locked<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    func summary(asOf: String) async throws -> EvidenceSummary { locked { EvidenceSummary(items: items, asOf: asOf) } }
    func items(_ ids: [Int64]) async throws -> [EvidenceItem] { locked { items.filter { ids.contains($0.id) } } }
    func list(_ filter: EvidenceFilter) async throws -> [EvidenceItem] { locked { items } }

    func add(_ new: NewEvidence) async throws -> EvidenceItem {
        locked {
            let item = EvidenceItem(
                id: Int64(items.count + 1), title: new.title, kind: new.kind, controls: new.controls, requirements: new.requirements,
                owner: new.owner, source: new.source, effectiveFrom: new.effectiveFrom, effectiveTo: new.effectiveTo, addedAt: now,
                expiresAt: new.expiresAt, status: new.status, notes: new.notes)
            items.append(item)
            record(item, action: "add")
            return item
        }
    }

    func setStatus(_ id: Int64, to status: EvidenceStatus, note: String?) async throws -> EvidenceItem {
        try locked {
            guard let i = items.firstIndex(where: { $0.id == id }) else { throw AppError(.failure, "no evidence item E-\(id)") }
            items[i].status = status
            items[i].revision += 1
            record(items[i], action: status.rawValue)
            return items[i]
        }
    }

    private func record(_ item: EvidenceItem, action: String) {
        history[item.id, default: []].append(EvidenceRevision(revision: item.revision, changedAt: now, changedBy: "test", snapshot: item.title))
        log.append(AuditEntry(seq: Int64(log.count + 1), at: now, actor: "test", action: action, subject: item.displayID, detail: "", hash: ""))
    }

    func item(_ id: Int64) async throws -> EvidenceItem? { locked { items.first { $0.id == id } } }
    func revisions(of id: Int64) async throws -> [EvidenceRevision] { locked { history[id] ?? [] } }
    func auditLog() async throws -> [AuditEntry] { locked { log } }
    func verifyReport() async throws -> VerifyReport { VerifyReport() }
}
