import CrosswalkModel

/// A JSON parser (RFC 8259) that keeps the line and column of every value, producing the same
/// `DataNode` tree as the YAML reader. Numbers and booleans are kept as their literal text.
public enum JSONReader {
    /// Deepest nesting accepted.
    public static let maxDepth = 512

    public static func parse(_ source: SourceText) -> (node: DataNode?, diagnostics: Diagnostics) {
        var parser = Parser(source: source)
        var diagnostics = Diagnostics()
        do {
            parser.skipWhitespace()
            let node = try parser.value(depth: 0)
            parser.skipWhitespace()
            if parser.index < parser.bytes.count {
                throw parser.failure("unexpected text after the JSON value")
            }
            return (node, diagnostics)
        } catch let failure as Failure {
            diagnostics.error("malformed JSON: \(failure.message)", at: source.location(atOffset: failure.offset))
            return (nil, diagnostics)
        } catch {
            diagnostics.error("malformed JSON: \(error)", at: source.fileLocation)
            return (nil, diagnostics)
        }
    }

    struct Failure: Error {
        var message: String
        var offset: Int
    }

    struct Parser {
        let source: SourceText
        let bytes: [UInt8]
        var index = 0

        init(source: SourceText) {
            self.source = source
            self.bytes = source.bytes
            // Skip a UTF-8 byte order mark.
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        }

        func failure(_ message: String, at offset: Int? = nil) -> Failure {
            Failure(message: message, offset: offset ?? index)
        }

        mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x0A, 0x0D, 0x09: index += 1
                default: return
                }
            }
        }

        mutating func value(depth: Int) throws -> DataNode {
            guard depth < JSONReader.maxDepth else { throw failure("nesting deeper than \(JSONReader.maxDepth)") }
            guard index < bytes.count else { throw failure("unexpected end of input") }
            let start = index
            let here = source.location(atOffset: start)
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                var pairs: [DataNodePair] = []
                var seen: [String: Int] = [:]
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    return .mapping(pairs, here)
                }
                while true {
                    skipWhitespace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                        throw failure(index < bytes.count ? "expected a string key" : "unexpected end of input")
                    }
                    let keyOffset = index
                    let key = try string()
                    if seen[key] != nil {
                        throw failure("duplicate key '\(key)'", at: keyOffset)
                    }
                    seen[key] = keyOffset
                    skipWhitespace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw failure("expected ':'") }
                    index += 1
                    skipWhitespace()
                    let v = try value(depth: depth + 1)
                    pairs.append(DataNodePair(key: key, keyLocation: source.location(atOffset: keyOffset), value: v))
                    skipWhitespace()
                    guard index < bytes.count else { throw failure("unexpected end of input: missing '}'") }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    if bytes[index] == UInt8(ascii: "}") { index += 1; return .mapping(pairs, here) }
                    throw failure("expected ',' or '}'")
                }
            case UInt8(ascii: "["):
                index += 1
                var items: [DataNode] = []
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    return .sequence(items, here)
                }
                while true {
                    skipWhitespace()
                    items.append(try value(depth: depth + 1))
                    skipWhitespace()
                    guard index < bytes.count else { throw failure("unexpected end of input: missing ']'") }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    if bytes[index] == UInt8(ascii: "]") { index += 1; return .sequence(items, here) }
                    throw failure("expected ',' or ']'")
                }
            case UInt8(ascii: "\""):
                return .scalar(try string(), here)
            case UInt8(ascii: "t"):
                try literal("true")
                return .scalar("true", here)
            case UInt8(ascii: "f"):
                try literal("false")
                return .scalar("false", here)
            case UInt8(ascii: "n"):
                try literal("null")
                return .null(here)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return .scalar(try number(), here)
            default:
                throw failure("unexpected character '\(Character(Unicode.Scalar(bytes[index])))'")
            }
        }

        mutating func literal(_ word: String) throws {
            let w = Array(word.utf8)
            guard index + w.count <= bytes.count, Array(bytes[index..<index + w.count]) == w else {
                throw failure("invalid literal (expected '\(word)')")
            }
            index += w.count
        }

        mutating func number() throws -> String {
            let start = index
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            func digits() -> Int {
                let s = index
                while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
                return index - s
            }
            guard digits() > 0 else { throw failure("invalid number", at: start) }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard digits() > 0 else { throw failure("invalid number", at: start) }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                    index += 1
                }
                guard digits() > 0 else { throw failure("invalid number", at: start) }
            }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        mutating func string() throws -> String {
            let start = index
            index += 1  // opening quote
            let content = index
            while true {
                guard index < bytes.count else { throw failure("unterminated string", at: start) }
                let c = bytes[index]
                if c == UInt8(ascii: "\"") { break }
                if c < 0x20 { throw failure("control character in a string") }
                index += c == UInt8(ascii: "\\") ? 2 : 1
            }
            index += 1  // closing quote
            do {
                return try JSONString.decode(bytes, content..<(index - 1))
            } catch {
                throw failure(error.message, at: error.offset)
            }
        }
    }
}
