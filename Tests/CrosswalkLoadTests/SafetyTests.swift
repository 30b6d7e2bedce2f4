import CrosswalkLoad
import CrosswalkModel
import Foundation
import Testing

/// Hostile inputs are refused quickly and never expanded.
@Suite("Safe parsing")
struct SafetyTests {
    @Test("an XXE payload is refused before any entity is read")
    func xxe() {
        let (framework, diagnostics) = loadFixture("unsafe/xxe-external-entity.xml")
        #expect(framework == nil)
        let error = diagnostics.errors.first
        #expect(error?.message.hasPrefix("DOCTYPE declarations are not allowed") == true)
        #expect(error?.location.line == 2)
        // Nothing of /etc/passwd leaks into any message.
        #expect(!diagnostics.items.contains { $0.message.contains("root:") })
    }

    @Test("a billion-laughs document is refused at once")
    func billionLaughs() {
        let start = ContinuousClock.now
        let (framework, diagnostics) = loadFixture("unsafe/billion-laughs.xml")
        let elapsed = ContinuousClock.now - start
        #expect(framework == nil)
        #expect(diagnostics.errors.first?.message.hasPrefix("DOCTYPE declarations are not allowed") == true)
        // Expanded, the document would be 3 GB: refusing it takes no measurable work.
        #expect(elapsed < .seconds(2))
    }

    @Test("a YAML alias bomb is refused, not expanded")
    func aliasBomb() {
        let (framework, diagnostics) = loadFixture("unsafe/yaml-alias-bomb.yaml")
        #expect(framework == nil)
        #expect(diagnostics.errors.first?.message.contains("too many nodes through aliases") == true)
    }

    @Test("nesting deeper than the bound is refused")
    func deepNesting() {
        let (framework, diagnostics) = loadFixture("unsafe/deep-nesting.xml")
        #expect(framework == nil)
        #expect(diagnostics.errors.first?.message == "elements are nested more than \(XMLDocument.maxDepth) deep")
    }

    @Test("JSON nesting is bounded too")
    func deepJSON() {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let (node, diagnostics) = JSONReader.parse(SourceText(path: "deep.json", string: text))
        #expect(node == nil)
        #expect(diagnostics.errors.first?.message.contains("nesting deeper than") == true)
    }
}
