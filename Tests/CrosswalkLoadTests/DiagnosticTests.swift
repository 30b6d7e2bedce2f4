import CrosswalkLoad
import CrosswalkModel
import Testing

/// One fixture per problem: the diagnostic's file, line, column and message.
@Suite("Diagnostics")
struct DiagnosticTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var fixture: String
        var line: Int
        var column: Int
        var message: String
        var severity: Diagnostic.Severity = .error
        var testDescription: String { fixture }
    }

    static let cases: [Case] = [
        Case(fixture: "malformed-xml-unclosed-tag.xml", line: 14, column: 13,
             message: "Opening and ending tag mismatch: requirement line 11 and catalogue"),
        Case(fixture: "malformed-yaml-bad-indentation.yaml", line: 13, column: 12,
             message: "malformed YAML: mapping values are not allowed in this context"),
        Case(fixture: "malformed-json-truncated.json", line: 6, column: 1, message: "malformed JSON: unexpected end of input"),
        Case(fixture: "unknown-element-titel.xml", line: 12, column: 5,
             message: "unknown element <titel> in <requirement> (did you mean 'title'?)"),
        Case(fixture: "unknown-key-descriptoin.yaml", line: 14, column: 5,
             message: "unknown key 'descriptoin' in a requirement (did you mean 'description'?)"),
        Case(fixture: "missing-id.yaml", line: 11, column: 5, message: "a requirement has no id"),
        Case(fixture: "missing-title.xml", line: 11, column: 3, message: "requirement 'A' has no title"),
        Case(fixture: "duplicate-id.yaml", line: 15, column: 9,
             message: "duplicate requirement id 'A' (first defined at line 11)"),
        Case(fixture: "duplicate-key.yaml", line: 14, column: 5,
             message: "duplicate key 'title' in a mapping (first at line 13)"),
        Case(fixture: "unresolved-parent.yaml", line: 17, column: 13,
             message: "parent 'GG' does not resolve to a requirement in this catalogue (did you mean 'G'?)"),
        Case(fixture: "unresolved-reference.xml", line: 14, column: 16,
             message: "reference 'B' does not resolve to a requirement in this catalogue"),
        Case(fixture: "unknown-kind-contrl.yaml", line: 12, column: 11,
             message: "unknown requirement kind 'contrl' (did you mean 'control'?)"),
        Case(fixture: "unknown-framework-kind.yaml", line: 3, column: 9,
             message: "unknown framework kind 'certificaton' (did you mean 'certification'?)"),
        Case(fixture: "unknown-framework-kind.yaml", line: 7, column: 14,
             message: "published date '01/02/2026' is not a date of the form YYYY-MM-DD", severity: .warning),
    ]

    @Test("each bad fixture reports its problem at file:line:col", arguments: cases)
    func reports(_ c: Case) {
        let (framework, diagnostics) = loadFixture("diagnostics/\(c.fixture)")
        let match = diagnostics.items.first { $0.message.hasPrefix(c.message) }
        #expect(match != nil, "no diagnostic starting '\(c.message)' in \(diagnostics.items.map(\.description))")
        guard let match else { return }
        #expect(match.location.file.hasSuffix("/diagnostics/\(c.fixture)"))
        #expect(match.location.line == c.line)
        #expect(match.location.column == c.column)
        #expect(match.severity == c.severity)
        #expect(match.description.contains("\(c.fixture):\(c.line):\(c.column): \(c.severity.rawValue): "))
        if c.severity == .error { #expect(framework == nil) }
    }

    @Test("every problem in a file is reported, not only the first")
    func allProblems() {
        let (framework, diagnostics) = loadFixture("diagnostics/several-errors-in-one-file.xml")
        #expect(framework == nil)
        let found = diagnostics.sorted.map { "\($0.location.line):\($0.location.column) \($0.message)" }
        #expect(found == [
            "15:16 duplicate requirement id 'A' (first defined at line 11)",
            "19:23 unknown requirement kind 'clase' (did you mean 'clause'?)",
            "19:36 unknown attribute 'parnt' on <requirement> (did you mean 'parent'?); expected id, kind, parent",
            "22:16 reference 'Z' does not resolve to a requirement in this catalogue (did you mean 'A' or 'B'?)",
        ])
    }

    @Test("a clean catalogue has no diagnostics at all")
    func clean() {
        #expect(loadFixture("catalogue/example.xml").diagnostics.isEmpty)
        #expect(loadFixture("catalogue/example.yaml").diagnostics.isEmpty)
    }
}
