import CrosswalkLoad
import CrosswalkModel
import CrosswalkRender
import Testing

@Suite("Our catalogue format")
struct CatalogueFormatTests {
    @Test("the XML and YAML forms of one catalogue give byte-identical JSON")
    func xmlAndYAMLAgree() throws {
        let xml = loadFixture("catalogue/example.xml")
        let yaml = loadFixture("catalogue/example.yaml")
        #expect(xml.diagnostics.isEmpty, "\(xml.diagnostics.items)")
        #expect(yaml.diagnostics.isEmpty, "\(yaml.diagnostics.items)")
        let a = FrameworkJSON.render(try #require(xml.framework))
        let b = FrameworkJSON.render(try #require(yaml.framework))
        #expect(a == b)
        try expectGolden(a, "example-show.json")
    }

    @Test("nesting and flat parent references build the same tree")
    func treeShape() throws {
        let framework = try #require(loadFixture("catalogue/example.yaml").framework)
        #expect(framework.id == "example")
        #expect(framework.kind == .framework)
        #expect(framework.requirements.map(\.id) == ["AC", "LG"])
        #expect(framework.requirement("AC")?.children.map(\.id) == ["AC-1", "AC-2"])
        #expect(framework.parentID(of: "LG-1") == "LG")
        #expect(framework.requirementCount == 5)
        let ac1 = try #require(framework.requirement("AC-1"))
        #expect(ac1.attributes["properties"] == ["confidentiality", "integrity"])
        #expect(ac1.references == ["LG-1"])
        #expect(ac1.kind == .control)
        // Folded white space: the YAML folded scalar and the wrapped XML text read the same.
        #expect(ac1.description.hasPrefix("The organisation has a written access policy that management approved"))
        #expect(!ac1.description.contains("\n"))
    }

    @Test("source locations point at each requirement in its own file")
    func locations() throws {
        let xml = try #require(loadFixture("catalogue/example.xml").framework)
        let yaml = try #require(loadFixture("catalogue/example.yaml").framework)
        let xmlAC2 = try #require(xml.requirement("AC-2"))
        let yamlAC2 = try #require(yaml.requirement("AC-2"))
        #expect(xmlAC2.location.file.hasSuffix("example.xml"))
        #expect(xmlAC2.location.line == 30)
        #expect(xmlAC2.location.column == 5)
        #expect(yamlAC2.location.file.hasSuffix("example.yaml"))
        #expect(yamlAC2.location.line == 29)
    }

    @Test("show --depth cuts the tree")
    func depth() throws {
        let framework = try #require(loadFixture("catalogue/example.xml").framework)
        let json = FrameworkJSON.render(framework, depth: 1)
        #expect(!json.contains("\"AC-1\""))
        #expect(json.contains("\"AC\""))
        let text = FrameworkText.render(framework, depth: 1)
        #expect(text.contains("AC  Access control"))
        #expect(!text.contains("AC-1"))
    }
}
