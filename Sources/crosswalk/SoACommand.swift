import ArgumentParser
import CrosswalkAssess
import CrosswalkModel
import CrosswalkRender
import Foundation

struct SoACommand: ParsableCommand {
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
        if !framework.hasPrefix("iso27001") { throw ValidationError("a Statement of Applicability is for ISO/IEC 27001 (iso27001-2022 or iso27001-2013)") }
        try checkDate(asOf, option: "as-of")
    }

    func run() throws {
        let inputs = try AssessmentInputs(global: global, scope: scope, store: store, asOf: asOf, defaultFrameworks: [framework])
        let soa = StatementOfApplicability(try inputs.assess(framework).assessment, index: inputs.loaded.index)
        switch format {
        case .md: try OutputWriter.emit(soa.markdown(), to: out)
        case .csv: try OutputWriter.emit(soa.csv(), to: out)
        case .pdf:
            let pdf = try TypstPDF.pdf(soa.document().typst(date: inputs.asOf), what: "the Statement of Applicability")
            try OutputWriter.write([OutputFile(path: out!, bytes: pdf)])
        case .xlsx:
            let data = try XLSXWriter.workbook(
                sheet: "Statement of Applicability", header: ["Control", "Title", "Applicable", "Justification", "Implementation status", "Customer controls", "Evidence"],
                rows: soa.rows.map { [$0.id, $0.title, $0.applicable ? "yes" : "no", $0.justification, $0.status.rawValue, $0.controls.joined(separator: " "), $0.evidence.joined(separator: " ")] },
                statusColumn: 4, widths: [9, 44, 11, 70, 20, 30, 24])
            try OutputWriter.write([OutputFile(path: out!, bytes: [UInt8](data))])
        }
        if out != nil {
            FileHandle.standardError.write(Data("wrote \(out!): \(soa.rows.count) Annex A controls, \(soa.rows.filter(\.applicable).count) applicable\n".utf8))
        }
    }
}
