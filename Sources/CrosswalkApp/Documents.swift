import CrosswalkAssess
import CrosswalkModel
import CrosswalkRender
import Foundation

/// The Statement of Applicability, the evidence checklist and the framework diff as use cases:
/// values in, documents or results out.
public enum Documents {
    // MARK: - Statement of Applicability

    public enum SoAFormat: String, CaseIterable, Sendable { case xlsx, csv, md, pdf }

    /// The ISO/IEC 27001 Statement of Applicability of one edition, as one document.
    public static func statementOfApplicability(
        _ context: AssessmentContext, framework: String, format: SoAFormat, pdf: any PDFRendering
    ) async throws -> (statement: StatementOfApplicability, bytes: [UInt8]) {
        // A Statement of Applicability lists a framework's controls (requirements of kind control,
        // as ISO/IEC 27001's Annex A): the catalogue says whether it has any.
        let chosen = try context.project.framework(framework)
        guard chosen.allRequirements.contains(where: { $0.kind == .control }) else {
            let withControls = context.project.frameworks.filter { $0.allRequirements.contains { $0.kind == .control } }.map(\.id)
            throw AppError(
                .request,
                "a Statement of Applicability lists a framework's controls, and \(chosen.id) has none (frameworks with controls: \(withControls.joined(separator: ", ")))")
        }
        let statement = StatementOfApplicability(try await context.assess(framework).assessment, index: context.project.index)
        switch format {
        case .md: return (statement, Array(statement.markdown().utf8))
        case .csv: return (statement, Array(statement.csv().utf8))
        case .pdf:
            return (statement, try pdf.pdf(fromTypst: statement.document().typst(date: context.asOf), documentName: "the Statement of Applicability"))
        case .xlsx:
            let data = try XLSXWriter.workbook(sheet: "Statement of Applicability", table: statement.table)
            return (statement, [UInt8](data))
        }
    }

    // MARK: - Evidence checklist

    public enum ChecklistFormat: String, CaseIterable, Sendable { case csv, xlsx, md, json }

    /// The checklist for the frameworks named, from every item in the store (none without one).
    public static func checklist(
        _ project: Project, frameworks ids: [String], store: (any EvidenceReading)?, asOf: String
    ) async throws -> Checklist {
        let chosen = try ids.map { try project.framework($0) }
        var evidence: [EvidenceItem] = []
        if let store {
            do {
                evidence = try await store.list(EvidenceFilter())
            } catch {
                throw AppError(.failure, "cannot read the evidence store \(store.location): \(store.explain(error))")
            }
        }
        return Checklist.build(frameworks: chosen, index: project.index, evidence: evidence, asOf: asOf)
    }

    /// The checklist in one format.
    public static func render(_ checklist: Checklist, as format: ChecklistFormat) throws -> [UInt8] {
        switch format {
        case .csv: return Array(ChecklistRender.csv(checklist).utf8)
        case .md: return Array(ChecklistRender.markdown(checklist).utf8)
        case .json: return Array(ChecklistRender.json(checklist).utf8)
        case .xlsx: return [UInt8](try XLSXWriter.workbook(checklist))
        }
    }

    // MARK: - Framework diff

    /// What `diff A B` answers: the fate of each requirement between two editions joined by a
    /// version crosswalk, or how far a programme for A covers what B needs.
    public enum Diff: Sendable {
        case editions(VersionDiff)
        case coverage(FrameworkDiff, reuse: DiffRender.Reuse)
    }

    /// `from` and `to` compared. Two editions of one framework (joined by a crosswalk of kind
    /// `editions` in Mappings/) give the version diff; any other pair the coverage diff, with the
    /// evidence in the store that A's related requirements already have.
    public static func diff(
        _ project: Project, from a: String, to b: String, directOnly: Bool, store: (any EvidenceReading)?
    ) async throws -> Diff {
        let from = try project.framework(a)
        let to = try project.framework(b)
        guard from.id != to.id else {
            throw AppError(.request, "give two different frameworks: '\(from.id)' compared with itself covers everything it needs")
        }
        if let version = VersionDiff.compute(from: from, to: to, crosswalks: project.mappings.crosswalks) {
            return .editions(version)
        }
        let diff = FrameworkDiff.compute(from: from, to: to, index: project.index, directOnly: directOnly)
        guard let store else { return .coverage(diff, reuse: [:]) }
        do {
            let items = try await store.list(EvidenceFilter())
            return .coverage(diff, reuse: diff.evidenceReuse(index: project.index, evidence: items))
        } catch {
            throw AppError(.failure, "cannot read the evidence store \(store.location): \(store.explain(error))")
        }
    }
}
