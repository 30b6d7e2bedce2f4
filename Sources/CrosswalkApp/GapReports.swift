import CrosswalkAssess
import CrosswalkModel
import CrosswalkRender

/// The gap report use case: for each framework, every document (Markdown, HTML, PDF, JSON) and
/// the SHA256SUMS over them and the evidence files they cite, as data. Nothing is written: a front
/// end writes the folders (the CLI all at once, after every document was built).
public enum GapReports {
    /// The documents a gap report can have.
    public enum Format: String, CaseIterable, Sendable { case md, html, pdf, json }

    /// One framework's report folder.
    public struct Folder: Sendable {
        /// Where the files go: the output folder plus the framework id.
        public var path: String
        /// The documents in order (md, html, json, pdf as asked), then SHA256SUMS.
        public var files: [OutputFile]
        public var assessment: Assessment
    }

    /// Builds every framework's folder before returning any: a failure (a PDF that does not
    /// compile) throws and nothing is to be written.
    public static func build(
        _ context: AssessmentContext, frameworks ids: [String], formats: Set<Format>, outFolder: String, workingDirectory: String,
        pdf: any PDFRendering
    ) async throws -> [Folder] {
        for id in ids { _ = try context.project.framework(id) }
        var folders: [Folder] = []
        for id in ids {
            let (framework, assessment, evidence) = try await context.assess(id)
            let index = context.project.index
            let path = outFolder + "/" + framework.id
            var files: [OutputFile] = []
            // md, html and pdf are three renderings of one document, built once.
            let document = formats.subtracting([.json]).isEmpty ? nil : GapReportRender.document(assessment, index: index, evidence: evidence)
            if formats.contains(.md), let document { files.append(OutputFile(path: "gap-report.md", text: document.markdown())) }
            if formats.contains(.html), let document { files.append(OutputFile(path: "gap-report.html", text: document.html())) }
            if formats.contains(.json) { files.append(OutputFile(path: "gap-report.json", text: GapReportRender.json(assessment, index: index))) }
            if formats.contains(.pdf), let document {
                let bytes = try pdf.pdf(fromTypst: document.typst(date: context.asOf), documentName: "the \(framework.id) gap report")
                files.append(OutputFile(path: "gap-report.pdf", bytes: bytes))
            }
            files.append(
                Digest.sums(
                    files: files, evidence: evidence, storeFolder: context.store?.fileFolder, reportFolder: path,
                    workingDirectory: workingDirectory))
            folders.append(Folder(path: path, files: files, assessment: assessment))
        }
        return folders
    }
}
