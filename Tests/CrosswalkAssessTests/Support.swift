import CrosswalkAssess
import CrosswalkLoad
import CrosswalkModel
import Foundation

/// The shipped catalogues and mappings, loaded once; fixtures of this test target.
enum Repo {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let root = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
    static let workspace = Workspace(
        frameworksDirectory: root.appendingPathComponent("Frameworks").path,
        mappingsDirectory: root.appendingPathComponent("Mappings").path)

    static func fixture(_ name: String) -> String {
        testsFolder.appendingPathComponent("Fixtures/mappings").appendingPathComponent(name).path
    }

    struct Shipped: Sendable {
        var frameworks: [Framework]
        var mappings: MappingSet
        var diagnostics: Diagnostics
        var index: MappingIndex
    }

    static let shipped: Shipped = {
        let frameworks = workspace.loadFrameworks()
        let mappings = workspace.loadMappings()
        var diagnostics = frameworks.diagnostics
        diagnostics.append(contentsOf: mappings.diagnostics)
        diagnostics.append(contentsOf: MappingChecker(frameworks: frameworks.frameworks).check(mappings.mappings))
        return Shipped(
            frameworks: frameworks.frameworks, mappings: mappings.mappings, diagnostics: diagnostics,
            index: MappingIndex(frameworks: frameworks.frameworks, mappings: mappings.mappings))
    }()

    /// `../shared/data/prowler/checks`, when present.
    static var prowlerChecks: String? {
        let path = root.deletingLastPathComponent().appendingPathComponent("shared/data/prowler/checks").path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// Loads a fixture mapping file and checks it against the shipped catalogues and services.
    static func checkFixture(_ name: String) -> Diagnostics {
        let (source, _) = Workspace.read(fixture(name))
        var (set, diagnostics) = MappingLoader.load(source!)
        set.services = shipped.mappings.services
        set.attestations = shipped.mappings.attestations
        let prowler = prowlerChecks.flatMap(Workspace.prowlerChecks(in:))
        diagnostics.append(
            contentsOf: MappingChecker(frameworks: shipped.frameworks, prowlerChecks: prowler?.checks).check(set))
        return diagnostics
    }
}

extension RequirementRef {
    init(_ framework: String, _ id: String) { self.init(framework: framework, id: id) }
}
