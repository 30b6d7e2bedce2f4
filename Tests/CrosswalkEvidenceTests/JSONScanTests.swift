import CJSONSkip
@testable import CrosswalkEvidence
@testable import CrosswalkImport
import CrosswalkFiles
import Foundation
import Testing

/// The container skipper works on 64-byte blocks with carries between them (inside a string, an
/// escaped first byte): these tests move every tricky byte across every block position. Each runs
/// the path the CPU selects (AVX2 here) and the SSE2 path.
@Suite("JSON container end")
struct JSONScanTests {
    /// The end `JSONScan.containerEnd` finds for `text` placed after `pad` spaces.
    func end(of text: String, pad: Int = 0) throws -> Int {
        let bytes = Array(repeating: UInt8(ascii: " "), count: pad) + Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { try JSONScan.containerEnd($0.baseAddress!, from: pad, count: $0.count) - pad }
    }

    /// The same through the SSE2 path: the end, -1 (input ends first) or -2 (too deep).
    func sse2End(of text: String, pad: Int = 0) -> Int {
        sse2End(of: Array(repeating: UInt8(ascii: " "), count: pad) + Array(text.utf8), from: pad)
    }

    func sse2End(of bytes: [UInt8], from start: Int = 0) -> Int {
        var offset = 0
        let end = bytes.withUnsafeBufferPointer { crosswalk_json_container_end_sse2($0.baseAddress!, start, $0.count, 512, &offset) }
        return end >= 0 ? end - start : end
    }

    /// The failure `JSONScan.containerEnd` throws for a container at the start of `bytes`; nil if it throws none.
    func failure(_ bytes: [UInt8]) -> JSONScan.Failure? {
        bytes.withUnsafeBufferPointer { buffer in
            do {
                _ = try JSONScan.containerEnd(buffer.baseAddress!, from: 0, count: buffer.count)
                return nil
            } catch {
                return error as? JSONScan.Failure
            }
        }
    }

    @Test("brackets and quotes inside strings, escaped quotes and backslash runs, at every block offset", arguments: [
        #"{"a": "}"}"#,
        #"{"a": "]]]}}}", "b": [1, 2, {"c": "{"}]}"#,
        #"{"q": "say \"}\" twice \\", "r": "\\\"}"}"#,
        #"{"run": "\\\\\\\\", "x": "\\\\\"}\\\\"}"#,
        #"["\\", "\"", "\\\\", "\\\"", {"k": "\u007d"}]"#,
        #"{"café": "naïve ☃ 🔒 {[", "n": [[[[]]]]}"#,
    ])
    func tricky(_ text: String) throws {
        for pad in 0..<130 {
            // Trailing bytes that would wrongly close the value if a string were misread.
            #expect(try end(of: text + "}]\"}", pad: pad) == text.utf8.count, "pad \(pad)")
            #expect(sse2End(of: text + "}]\"}", pad: pad) == text.utf8.count, "SSE2, pad \(pad)")
        }
    }

    @Test("random documents: the end is where JSONSerialization's text ends, whatever the offset")
    func random() throws {
        var generator = SplitMix(seed: 0x5EED)
        for round in 0..<300 {
            let value = Self.randomValue(&generator, depth: 0, container: true)
            let data = try JSONSerialization.data(withJSONObject: value, options: round % 2 == 0 ? [.prettyPrinted] : [])
            let text = String(decoding: data, as: UTF8.self)
            let pad = Int(generator.next() % 64)
            #expect(try end(of: text + " ]}", pad: pad) == data.count, "round \(round)")
            #expect(sse2End(of: text + " ]}", pad: pad) == data.count, "SSE2, round \(round)")
        }
    }

    @Test("every cut of a document is reported as truncated, never as a wrong end")
    func truncated() throws {
        let text = #"{"a": ["x\"}", {"b": "\\"}], "c": "\#(String(repeating: "{[\\\"", count: 40))"}"#
        let bytes = Array(text.utf8)
        for cut in 1..<bytes.count {
            let prefix = Array(bytes[..<cut])
            #expect(failure(prefix)?.truncated == true, "cut at \(cut)")  // nil (no error) fails too
            #expect(sse2End(of: prefix) == -1, "SSE2, cut at \(cut)")
        }
        #expect(try end(of: text) == bytes.count)
    }

    @Test("nesting deeper than 512 is an error at the bracket that goes too deep")
    func depth() throws {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        let failure = failure(Array(deep.utf8))
        #expect(failure?.message == "nesting deeper than 512")
        #expect(failure?.offset == 512)
        #expect(failure?.truncated == false)
        #expect(sse2End(of: deep) == -2)
        #expect(try end(of: String(repeating: "[", count: 512) + String(repeating: "]", count: 512)) == 1024)
    }

    // MARK: - Random JSON

    static let alphabet: [String] = ["a", "Z", " ", "{", "}", "[", "]", "\"", "\\", ",", ":", "é", "🔒", "\n", "\\\\", "\"}"]

    static func randomString(_ g: inout SplitMix) -> String {
        (0..<Int(g.next() % 90)).map { _ in alphabet[Int(g.next() % UInt64(alphabet.count))] }.joined()
    }

    static func randomValue(_ g: inout SplitMix, depth: Int, container: Bool = false) -> Any {
        // Objects and arrays (0, 1) down to depth 5, then strings and numbers (2, 3).
        let kind = container ? Int(g.next() % 2) : depth > 5 ? 2 + Int(g.next() % 2) : Int(g.next() % 4)
        switch kind {
        case 0:
            return Dictionary(uniqueKeysWithValues: (0..<Int(g.next() % 6)).map { i in
                ("\(randomString(&g))\(i)", randomValue(&g, depth: depth + 1))
            })
        case 1: return (0..<Int(g.next() % 6)).map { _ in randomValue(&g, depth: depth + 1) }
        case 2: return randomString(&g)
        default: return Int(g.next() % 100_000) - 50_000
        }
    }
}

/// A small deterministic generator (SplitMix64), so a failure can be replayed.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
