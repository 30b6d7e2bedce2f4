import CrosswalkLoad
import CrosswalkModel
import CrosswalkTestSupport
import Foundation
import Testing

/// Paths the tests read: our fixtures and golden files, the package root, the shared data folder.
enum Paths {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let root = testsFolder.deletingLastPathComponent().deletingLastPathComponent()

    static func fixture(_ relative: String) -> String {
        testsFolder.appendingPathComponent("Fixtures").appendingPathComponent(relative).path
    }

    static func golden(_ name: String) -> String {
        testsFolder.appendingPathComponent("Golden").appendingPathComponent(name).path
    }

    /// `../shared/data` beside the package root, or nil when absent (tests that need it are skipped).
    static let sharedData: String? = {
        let path = root.deletingLastPathComponent().appendingPathComponent("shared/data").path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }()

    static var nistCatalogXML: String? {
        sharedData.map { $0 + "/oscal/nist-sp800-53-rev5/NIST_SP-800-53_rev5_catalog.xml" }
    }
    static var nistCatalogJSON: String? {
        sharedData.map { $0 + "/oscal/nist-sp800-53-rev5/NIST_SP-800-53_rev5_catalog.json" }
    }
}

/// Loads a fixture catalogue.
func loadFixture(_ relative: String) -> (framework: Framework?, diagnostics: Diagnostics) {
    Workspace.loadCatalogue(at: Paths.fixture(relative))
}

/// Compares text with a golden file of this target (see `Golden.expect`).
func expectGolden(_ text: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    try Golden.expect(text, file: Paths.golden(name), sourceLocation: sourceLocation)
}
