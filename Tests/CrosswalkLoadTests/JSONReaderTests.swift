import CrosswalkLoad
import CrosswalkModel
import Testing

@Suite("JSON reader")
struct JSONReaderTests {
    func parse(_ text: String) -> (DataNode?, Diagnostics) {
        JSONReader.parse(SourceText(path: "t.json", string: text))
    }

    @Test("strings with escapes and surrogate pairs decode")
    func escapes() throws {
        let (node, _) = parse(#"{"a": "x\"y\\z\/\n\u00e9\ud83d\ude00"}"#)
        #expect(try #require(node)["a"]?.scalar == "x\"y\\z/\n\u{e9}\u{1F600}")
    }

    @Test("values keep their line and column")
    func locations() throws {
        let (node, _) = parse("{\n  \"a\": [1,\n    true, null]\n}")
        let list = try #require(node?["a"]?.items)
        #expect(list[0].location.line == 2 && list[0].location.column == 9)
        #expect(list[1].location.line == 3 && list[1].location.column == 5)
        #expect(list[1].scalar == "true")
        if case .null = list[2] {} else { Issue.record("null expected") }
    }

    @Test("bad input is reported where it is", arguments: [
        ("{\"a\": tru}", 1, 7, "invalid literal"),
        ("{\"a\": 1,}", 1, 9, "expected a string key"),
        ("[1 2]", 1, 4, "expected ',' or ']'"),
        ("{\"a\": \"\\x\"}", 1, 8, "invalid escape"),
        ("{\"a\": 1, \"a\": 2}", 1, 10, "duplicate key 'a'"),
        ("\"\\ud800\"", 1, 8, "unpaired surrogate"),
        ("\"\\ud800\\u0041\"", 1, 8, "invalid surrogate pair"),
        ("\"\\u12\"", 1, 4, "truncated \\u escape"),
        ("[1] x", 1, 5, "unexpected text after the JSON value"),
    ])
    func errors(text: String, line: Int, column: Int, message: String) {
        let (node, diagnostics) = parse(text)
        #expect(node == nil)
        let d = diagnostics.errors.first
        #expect(d?.message.contains(message) == true, "\(String(describing: d))")
        #expect(d?.location.line == line)
        #expect(d?.location.column == column)
    }
}
