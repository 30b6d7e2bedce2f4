import ArgumentParser
import CrosswalkApp
import CrosswalkAssess
import CrosswalkModel
import CrosswalkRender
import Foundation

struct SoACommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "soa",
        abstract: "The ISO/IEC 27001 Statement of Applicability: every Annex A control, applicable or not and why, its status, controls and evidence.",
        discussion: "Exclusions come from the scope file's not-applicable entries (docs/scope.md). Example: crosswalk soa --format xlsx --out Output/soa.xlsx"
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case xlsx, csv, md, pdf }

    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: "iso27001-2022 (default) or iso27001-2013.") var framework: String = "iso27001-2022"
    @Option(name: .long, help: "Output format.") var format: Format = .md
    @Option(name: .long, help: ArgumentHelp("Write here instead of standard output (needed for xlsx and pdf).", valueName: "file")) var out: String?
    @Option(name: .long, help: ArgumentHelp("The assessment date (YYYY-MM-DD).", valueName: "date")) var asOf: String?
    @Option(name: .long, help: ArgumentHelp("Evidence store (env CROSSWALK_STORE).", valueName: "path")) var store: String?
    @Option(name: .long, help: ArgumentHelp("Scope file.", valueName: "file")) var scope: String?

    func validate() throws {
        if (format == .xlsx || format == .pdf) && out == nil { throw ValidationError("--format \(format.rawValue) needs --out FILE") }
        try checkDate(asOf, option: "as-of")
    }

    func run() async throws {
        let context = try await assessmentContext(global: global, scope: scope, store: store, asOf: asOf, defaultFrameworks: [framework])
        let (statement, bytes) = try await Documents.statementOfApplicability(
            context, framework: framework, format: Documents.SoAFormat(rawValue: format.rawValue)!, pdf: TypstPDF())
        guard let out else {
            writeOutput(bytes)
            return
        }
        try OutputWriter.write([OutputFile(path: out, bytes: bytes)])
        FileHandle.standardError.write(
            Data("wrote \(out): \(statement.rows.count) Annex A controls, \(statement.rows.filter(\.applicable).count) applicable\n".utf8))
    }
}
