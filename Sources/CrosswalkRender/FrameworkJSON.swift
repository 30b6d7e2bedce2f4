import CrosswalkModel

/// `crosswalk show --format json` and `crosswalk frameworks --format json`: `FrameworkReport`
/// through the sorted encoder.
public enum FrameworkJSON {
    /// The framework's fields and its requirement tree, `depth` levels deep (nil: all).
    public static func render(_ framework: Framework, depth: Int? = nil) -> String {
        String(decoding: renderBytes(framework, depth: depth), as: UTF8.self)
    }

    /// The same JSON as UTF-8 bytes.
    public static func renderBytes(_ framework: Framework, depth: Int? = nil) -> [UInt8] {
        // About 3 KB of JSON per requirement for a catalogue with prose (NIST SP 800-53).
        SortedJSONEncoder.encode(FrameworkReport(framework, depth: depth), capacity: 4096 + framework.requirementCount * 3072)
    }

    /// The same JSON handed to `sink` in chunks, for writing a large catalogue to a pipe or file
    /// without holding the whole document in memory.
    public static func stream(_ framework: Framework, depth: Int? = nil, to sink: @escaping ([UInt8]) -> Void) {
        SortedJSONEncoder.stream(FrameworkReport(framework, depth: depth), to: sink)
    }

    /// One object per framework: its fields and, when known, its file.
    public static func renderList(_ frameworks: [Framework], files: [String: String] = [:]) -> String {
        SortedJSONEncoder.string(frameworks.map { FrameworkReport(summary: $0, file: files[$0.id]) })
    }
}
