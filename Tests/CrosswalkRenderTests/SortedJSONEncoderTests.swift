import CrosswalkRender
import Testing

/// The report encoder: sorted keys, the layout every JSON output shares, escapes, numbers, nulls
/// and the streaming entry point.
@Suite("SortedJSONEncoder")
struct SortedJSONEncoderTests {
    /// Members declared (and encoded) out of alphabetical order.
    struct Unsorted: Encodable {
        var zeta = 1
        var alpha = "a"
        var Mid = true
        var nested = Nested()
        var list: [Nested] = [Nested(), Nested()]
    }

    struct Nested: Encodable {
        var b: [String] = []
        var a: [String: Int] = [:]
    }

    @Test("keys come out sorted by code point at every level, in the shared layout")
    func sortedLayout() {
        let text = SortedJSONEncoder.string(Unsorted())
        #expect(
            text == """
                {
                  "Mid": true,
                  "alpha": "a",
                  "list": [
                    {
                      "a": {},
                      "b": []
                    },
                    {
                      "a": {},
                      "b": []
                    }
                  ],
                  "nested": {
                    "a": {},
                    "b": []
                  },
                  "zeta": 1
                }

                """)
    }

    @Test("a dictionary's keys are sorted, whatever its hash order")
    func dictionaryKeys() {
        let keys = (0..<50).map { "k\($0)" }
        let text = SortedJSONEncoder.string(Dictionary(uniqueKeysWithValues: keys.map { ($0, 0) }))
        let written = text.split(separator: "\n").dropFirst().dropLast().map { $0.split(separator: "\"")[1] }
        #expect(written.map(String.init) == keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }

    struct Strings: Encodable {
        var s: String
    }

    @Test("strings escape quotes, backslashes and control characters and keep other text as UTF-8")
    func escapes() {
        let text = SortedJSONEncoder.string(Strings(s: "a\"b\\c\nd\re\tf\u{01}g\u{1F}h é ✓ </script>"))
        #expect(text == "{\n  \"s\": \"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u001fh é ✓ </script>\"\n}\n")
    }

    struct Numbers: Encodable {
        var int = -42
        var whole = 3.0
        var fraction = 33.3
        var infinite = Double.infinity
        var big = 1e15
        var literal = JSONNumberLiteral("1.0")
        var size: Int64 = 1 << 40
    }

    @Test("numbers: integers as digits, whole doubles as integers, non-finite as null, literals as given")
    func numbers() {
        #expect(
            SortedJSONEncoder.string(Numbers()) == """
                {
                  "big": 1000000000000000.0,
                  "fraction": 33.3,
                  "infinite": null,
                  "int": -42,
                  "literal": 1.0,
                  "size": 1099511627776,
                  "whole": 3
                }

                """)
    }

    struct Optionals: Encodable {
        var absent: String? = nil
        var present: String? = "x"
        var null = Nullable<String>(nil)
        var value = Nullable("y")
    }

    @Test("a nil optional is left out, a nil Nullable is written as null")
    func nulls() {
        #expect(SortedJSONEncoder.string(Optionals()) == "{\n  \"null\": null,\n  \"present\": \"x\",\n  \"value\": \"y\"\n}\n")
    }

    struct Twice: Encodable {
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: DynamicCodingKey.self)
            try c.encode(1, forKey: DynamicCodingKey("k"))
            try c.encode(2, forKey: DynamicCodingKey("k"))
        }
    }

    @Test("a key encoded twice keeps its last value, once")
    func duplicateKey() {
        #expect(SortedJSONEncoder.string(Twice()) == "{\n  \"k\": 2\n}\n")
    }

    @Test("top-level arrays and scalars; empty containers")
    func topLevel() {
        #expect(SortedJSONEncoder.string([String]()) == "[]\n")
        #expect(SortedJSONEncoder.string(["a", "b"]) == "[\n  \"a\",\n  \"b\"\n]\n")
        #expect(SortedJSONEncoder.string([[Int]]()) == "[]\n")
        #expect(SortedJSONEncoder.string([[1], []]) == "[\n  [\n    1\n  ],\n  []\n]\n")
    }

    @Test("streaming hands over the same bytes in chunks of about 64 KB")
    func streaming() {
        let big = (0..<5000).map { Strings(s: "item \($0) " + String(repeating: "x", count: 40)) }
        let whole = SortedJSONEncoder.encode(big)
        var chunks: [[UInt8]] = []
        SortedJSONEncoder.stream(big) { chunks.append($0) }
        #expect(chunks.count > 2)
        #expect(chunks.dropLast().allSatisfy { $0.count >= 1 << 16 && $0.count < (1 << 16) + 4096 })
        #expect(chunks.flatMap { $0 } == whole)
    }

    @Test("equal dictionaries built in different orders encode to the same bytes")
    func insertionOrder() {
        var forward: [String: Int] = [:]
        for i in 0..<200 { forward["key\(i)"] = i }
        var backward: [String: Int] = [:]
        backward.reserveCapacity(4096)
        for i in (0..<200).reversed() { backward["key\(i)"] = i }
        #expect(forward == backward)
        #expect(SortedJSONEncoder.encode(forward) == SortedJSONEncoder.encode(backward))
    }
}
