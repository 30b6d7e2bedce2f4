import CrosswalkImport
import CrosswalkLoad
import CrosswalkModel

/// `evidence import`: a scanner's findings or an evidence CSV into any store, all or nothing. The
/// catalogues (to check the findings' requirement references against) load on another thread
/// while the file is read; Security Hub finding types and Prowler's notation come from
/// `Mappings/findings/`.
public enum EvidenceImports {
    public struct Options: Sendable {
        public var format: ImportFormat = .auto
        /// For AWS Config results, which carry neither.
        public var account = ""
        public var region = ""
        /// Lets an evidence CSV attach files outside its own folder.
        public var allowFilesOutside = false
        /// The largest file an evidence CSV may attach.
        public var maxFileSize: Int64

        public init(maxFileSize: Int64) { self.maxFileSize = maxFileSize }
    }

    /// What an import did, and what the user should know about how it was done.
    public struct Outcome: Sendable {
        public var summary: ImportSummary
        /// Warnings (no catalogues found: references kept unchecked).
        public var diagnostics: Diagnostics
    }

    /// Imports `path`. A malformed record throws `ImportError` (file, line, column, record); the
    /// finding-type or notation files' errors throw `AppError` after they are returned through
    /// `problems`, so that a front end can show them with their places.
    public static func run(
        _ path: String, options: Options, workspace: Workspace, store: any EvidenceImporting,
        progress: (@Sendable (Int) -> Void)? = nil
    ) async throws -> Outcome {
        let known = KnownRequirements(loading: {
            let frameworks = workspace.loadFrameworks().frameworks
            guard !frameworks.isEmpty else { return nil }
            return Set(frameworks.flatMap { f in f.allRequirements.map { RequirementRef(framework: f.id, id: $0.id) } })
        })
        var diagnostics = Diagnostics()
        var importer = FindingImporter(store: store, knownRequirements: known)
        importer.allowFilesOutside = options.allowFilesOutside
        importer.maxFileSize = options.maxFileSize
        importer.account = options.account
        importer.region = options.region
        importer.progress = progress
        let format = options.format == .auto ? try FindingImporter.detect(path: path) : options.format
        if format != .csv && format != .config {
            let loaded = workspace.loadNotation()
            guard loaded.diagnostics.errors.isEmpty else { throw MappingProblems(diagnostics: Diagnostics(loaded.diagnostics.errors)) }
            importer.notation = loaded.notation
            if loaded.notation == nil {
                diagnostics.warning(
                    "no Prowler notation in \(workspace.findingTypesDirectory) (prowler-notation.yaml): the findings' requirement references are left out",
                    at: .file(workspace.findingTypesDirectory))
            }
        }
        // Security Hub findings without a control result take their controls from Mappings/findings/
        // (read for ASFF files only: a problem there does not stop other imports).
        if format == .asff {
            let findingTypes = workspace.loadFindingTypes()
            guard findingTypes.diagnostics.errors.isEmpty else {
                throw MappingProblems(diagnostics: Diagnostics(findingTypes.diagnostics.errors))
            }
            importer.findingTypes = findingTypes.rules
        }
        let summary = try await importer.run(path: path, format: format)
        if known.value == nil {
            diagnostics.warning(
                "no catalogues here: the findings' requirement references are kept unchecked (set --frameworks)",
                at: .file(workspace.frameworksDirectory))
        }
        return Outcome(summary: summary, diagnostics: diagnostics)
    }

    /// The mapping files an import reads have errors: they are listed with their places.
    public struct MappingProblems: Error, Sendable {
        public var diagnostics: Diagnostics
    }
}
