import Foundation
import CrosswalkLoad
import CrosswalkModel

/// The catalogues shipped in the repository's `Frameworks/` folder, loaded once per test process.
enum Shipped {
    /// The package root (three levels above this file: Tests/CrosswalkCatalogueTests/Support).
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let frameworksDirectory = root.appendingPathComponent("Frameworks").path

    private static let loaded: Result<[String: Framework], Error> = Result {
        let result = Workspace(frameworksDirectory: frameworksDirectory).loadFrameworks()
        if result.diagnostics.hasErrors { throw DiagnosticsError(result.diagnostics.errors) }
        return Dictionary(uniqueKeysWithValues: result.frameworks.map { ($0.id, $0) })
    }

    /// The shipped framework with this id; throws when the catalogues have errors or it is missing.
    static func framework(_ id: String) throws -> Framework {
        let all = try loaded.get()
        guard let framework = all[id] else {
            throw DiagnosticsError([.error("no shipped framework with id '\(id)'", at: .file(frameworksDirectory))])
        }
        return framework
    }
}
