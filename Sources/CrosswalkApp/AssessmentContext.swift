import CrosswalkAssess
import CrosswalkLoad
import CrosswalkModel

/// What `gap`, `soa` and a server's status pages assess against: the project, the scope, the as-of
/// date and the evidence store, summarised once for every framework assessed.
public struct AssessmentContext: Sendable {
    public var project: Project
    public var scope: Scope
    public var asOf: String
    /// nil when there is no store: every requirement that needs the customer's evidence is then a gap.
    public var store: (any EvidenceReading)?
    public var summary: EvidenceSummary

    /// Reads the store's summary for `asOf` (once).
    public static func make(project: Project, scope: Scope, asOf: String, store: (any EvidenceReading)?) async throws -> AssessmentContext {
        var summary = EvidenceSummary()
        if let store {
            do {
                summary = try await store.summary(asOf: asOf)
            } catch {
                throw AppError(.failure, "cannot read the evidence store \(store.location): \(store.explain(error))")
            }
        }
        return AssessmentContext(project: project, scope: scope, asOf: asOf, store: store, summary: summary)
    }

    /// One framework assessed, with the evidence items it cites (read whole, for the report).
    public func assess(_ id: String) async throws -> (framework: Framework, assessment: Assessment, evidence: [EvidenceItem]) {
        let framework = try project.framework(id)
        let assessment = Assessment.run(framework: framework, index: project.index, summary: summary, scope: scope, asOf: asOf)
        var evidence: [EvidenceItem] = []
        if let store {
            let cited = Set(assessment.requirements.flatMap(\.evidence)).compactMap(EvidenceID.init).map(\.number).sorted()
            do {
                evidence = try await store.items(cited)
            } catch {
                throw AppError(.failure, "cannot read the evidence store \(store.location): \(store.explain(error))")
            }
        }
        return (framework, assessment, evidence)
    }
}

/// The scope an assessment uses.
public enum ScopeChoice {
    /// The scope file given, else `defaultPath` when it exists, else the default scope: the
    /// calendar year of `asOf`, `defaultFrameworks`, every SOC 2 category, nothing excluded.
    /// nil with the diagnostics when the file cannot be read or has errors (warnings come back too).
    public static func load(
        path: String?, defaultPath: String, frameworks: [Framework], defaultFrameworks: [String], asOf: String,
        exists: (String) -> Bool
    ) -> (scope: Scope?, diagnostics: Diagnostics) {
        guard let chosen = path ?? (exists(defaultPath) ? defaultPath : nil) else {
            let year = String(asOf.prefix(4))
            let scope = Scope(
                organisation: "Your organisation", periodStart: "\(year)-01-01", periodEnd: "\(year)-12-31", frameworks: defaultFrameworks,
                soc2Categories: Scope.categories(of: frameworks).map(\.name), notApplicable: [:], location: .file("(default scope)"))
            return (scope, Diagnostics())
        }
        let (source, failure) = Workspace.read(chosen)
        guard let source else { return (nil, Diagnostics(failure.map { [$0] } ?? [])) }
        let (parsed, diagnostics) = ScopeLoader.load(source, frameworks: frameworks)
        return (diagnostics.hasErrors ? nil : parsed, diagnostics)
    }
}
