import Foundation
import Testing

/// Golden-file comparison shared by the test targets: on a difference it names the first line
/// that differs; with CROSSWALK_UPDATE_GOLDEN=1 in the environment it rewrites the file instead.
public enum Golden {
    public static func expect(
        _ text: String, file path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        let name = URL(fileURLWithPath: path).lastPathComponent
        if ProcessInfo.processInfo.environment["CROSSWALK_UPDATE_GOLDEN"] == "1" {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        if text == expected { return }
        // Character.isNewline also splits CRLF, which Swift holds as one Character (the CSV files).
        let a = expected.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        let b = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        let line = Array(zip(a, b)).firstIndex { $0.0 != $0.1 } ?? min(a.count, b.count)
        let want = line < a.count ? a[line] : "<end of file>"
        let got = line < b.count ? b[line] : "<end of file>"
        Issue.record(
            "\(name) differs at line \(line + 1):\n  expected: \(want)\n  actual:   \(got)\n(rerun with CROSSWALK_UPDATE_GOLDEN=1 to accept)",
            sourceLocation: sourceLocation)
    }
}
