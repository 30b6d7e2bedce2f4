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
