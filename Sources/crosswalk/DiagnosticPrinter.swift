import CrosswalkModel
import Foundation

/// Prints diagnostics as `file:line:col: error|warning: message` to standard error, coloured only
/// on a terminal (and never with --no-color or NO_COLOR set).
struct DiagnosticPrinter {
    let useColour: Bool

    init(colour: Bool) {
        let environment = ProcessInfo.processInfo.environment
        useColour = colour && isatty(STDERR_FILENO) != 0 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
    }

    func print(_ diagnostics: [Diagnostic]) {
        var text = ""
        for d in diagnostics {
            let severity: String
            if useColour {
                severity = d.severity == .error ? "\u{1B}[1;31merror\u{1B}[0m" : "\u{1B}[1;33mwarning\u{1B}[0m"
            } else {
                severity = d.severity.rawValue
            }
            text += "\(d.location): \(severity): \(d.message)\n"
        }
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// Writes text to standard output in one piece.
func writeOutput(_ text: String) {
    var text = text
    text.withUTF8 { writeOutput($0) }
}

/// Writes bytes to standard output in one piece.
func writeOutput(_ bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { writeOutput($0) }
}

private func writeOutput(_ buffer: UnsafeBufferPointer<UInt8>) {
    var offset = 0
    while offset < buffer.count {
        let written = write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
        if written <= 0 { break }
        offset += written
    }
}
