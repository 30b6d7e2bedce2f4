import Foundation

/// Compiles Typst source to PDF with the Typst compiler from PyPI (`typst`, pinned in scripts/setup):
/// one wheel with the compiler and its fonts, no network at run time (docs/pdf.md says why).
enum TypstPDF {
    static func compile(_ source: String, to pdf: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crosswalk-typst-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("report.typ").path
        let output = folder.appendingPathComponent("report.pdf").path
        try Data(source.utf8).write(to: URL(fileURLWithPath: input))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sys, typst; typst.compile(sys.argv[1], output=sys.argv[2])", input, output]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw RuntimeError("PDF needs python3 with the typst package: run scripts/setup (\(error.localizedDescription))")
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            if message.contains("No module named 'typst'") {
                throw RuntimeError("PDF needs the typst package from PyPI: run scripts/setup")
            }
            throw RuntimeError("Typst could not compile the report:\n\(message)")
        }
        // Into place in one step, so a reader never sees half a PDF.
        if FileManager.default.fileExists(atPath: pdf) { try FileManager.default.removeItem(atPath: pdf) }
        try FileManager.default.moveItem(atPath: output, toPath: pdf)
    }
}
