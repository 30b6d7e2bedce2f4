import CrosswalkApp
import Foundation

/// Compiles Typst source to PDF with the Typst compiler from PyPI (`typst`, pinned in scripts/setup):
/// one wheel with the compiler and its fonts, no network at run time (docs/pdf.md says why).
struct TypstPDF: PDFRendering {
    func pdf(fromTypst source: String, documentName: String) throws -> [UInt8] { try Self.pdf(source, what: documentName) }

    /// The Python side: compile, and on failure print the compiler's own message (never a
    /// traceback) and exit 3; exit 4 when the typst package is missing.
    static let script = """
        import sys
        try:
            import typst
        except ImportError:
            sys.exit(4)
        try:
            typst.compile(sys.argv[1], output=sys.argv[2])
        except Exception as error:
            sys.stderr.write(str(error).strip() + "\\n")
            sys.exit(3)
        """

    /// The PDF's bytes; `what` names the document in errors ("the soc2 gap report").
    static func pdf(_ source: String, what: String) throws -> [UInt8] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crosswalk-typst-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw RuntimeError("cannot make a temporary folder for the PDF in \(FileManager.default.temporaryDirectory.path)")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("report.typ").path
        let output = folder.appendingPathComponent("report.pdf").path
        guard FileManager.default.createFile(atPath: input, contents: Data(source.utf8)) else {
            throw RuntimeError("cannot write the PDF's source in \(folder.path)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, input, output]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw RuntimeError("the PDF needs python3 with the typst package: run scripts/setup")
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        switch process.terminationStatus {
        case 0: break
        case 4, 127: throw RuntimeError("the PDF needs the typst package from PyPI: run scripts/setup")
        case 3:
            let first = message.split(separator: "\n").first.map(String.init) ?? "no message"
            throw RuntimeError("Typst could not compile \(what) as PDF: \(first)")
        default:
            throw RuntimeError("Typst stopped (exit \(process.terminationStatus)) while compiling \(what) as PDF")
        }
        guard let bytes = FileManager.default.contents(atPath: output) else {
            throw RuntimeError("Typst wrote no PDF for \(what)")
        }
        return [UInt8](bytes)
    }
}
