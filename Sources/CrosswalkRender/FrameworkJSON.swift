import CrosswalkModel

/// `crosswalk show --format json` and `crosswalk frameworks --format json`.
public enum FrameworkJSON {
    /// The framework's fields and its requirement tree, `depth` levels deep (nil: all).
    public static func render(_ framework: Framework, depth: Int? = nil) -> String {
        String(decoding: renderBytes(framework, depth: depth), as: UTF8.self)
    }

    /// The same JSON as UTF-8 bytes.
    public static func renderBytes(_ framework: Framework, depth: Int? = nil) -> [UInt8] {
        // About 3 KB of JSON per requirement for a catalogue with prose (NIST SP 800-53).
        var w = JSONWriter(capacity: 4096 + framework.requirementCount * 3072)
        write(framework, depth: depth, into: &w)
        return w.bytes
    }

    /// The same JSON handed to `sink` in chunks, for writing a large catalogue to a pipe or file
    /// without holding the whole document in memory.
    public static func stream(_ framework: Framework, depth: Int? = nil, to sink: @escaping ([UInt8]) -> Void) {
        var w = JSONWriter(streamingTo: sink)
        write(framework, depth: depth, into: &w)
        w.finish()
    }

    static func write(_ framework: Framework, depth: Int?, into w: inout JSONWriter) {
        w.beginObject()
        writeFields(framework, into: &w)
        w.key("requirements")
        writeRequirements(framework.requirements, level: 1, depth: depth, into: &w)
        w.endObject()
    }

    /// One object per framework: id, title, version, kind, requirement count and the rest of its fields.
    public static func renderList(_ frameworks: [Framework], files: [String: String] = [:]) -> String {
        var w = JSONWriter()
        w.beginArray()
        for framework in frameworks {
            w.beginObject()
            writeFields(framework, into: &w)
            if let file = files[framework.id] { w.field("file", file) }
            w.endObject()
        }
        w.endArray()
        return w.string
    }

    static func writeFields(_ framework: Framework, into w: inout JSONWriter) {
        w.field("id", framework.id)
        w.field("title", framework.title)
        w.field("version", framework.version)
        w.field("kind", framework.kind.rawValue)
        w.field("publisher", framework.publisher)
        w.field("published", framework.published)
        w.field("source", framework.sourceURL)
        w.field("licence", framework.licence)
        w.field("description", framework.description)
        w.field("requirementCount", framework.requirementCount)
    }

    static func writeRequirements(_ list: [Requirement], level: Int, depth: Int?, into w: inout JSONWriter) {
        w.beginArray()
        for r in list {
            w.beginObject()
            w.field("id", r.id)
            w.field("title", r.title)
            w.field("kind", r.kind.rawValue)
            w.field("description", r.description)
            if !r.attributes.isEmpty {
                w.key("attributes")
                w.beginObject()
                for name in r.attributes.keys.sorted() { w.field(name, r.attributes[name]!) }
                w.endObject()
            }
            if !r.references.isEmpty { w.field("references", r.references) }
            w.key("children")
            if let depth, level >= depth {
                w.beginArray()
                w.endArray()
            } else {
                writeRequirements(r.children, level: level + 1, depth: depth, into: &w)
            }
            w.endObject()
        }
        w.endArray()
    }
}
