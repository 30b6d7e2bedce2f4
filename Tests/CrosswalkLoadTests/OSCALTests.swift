import CrosswalkLoad
import CrosswalkModel
import CrosswalkRender
import Testing

@Suite("OSCAL catalogs")
struct OSCALTests {
    @Test("a small catalog loads identically from XML, JSON and YAML")
    func threeSerialisations() throws {
        let outputs = try ["xml", "json", "yaml"].map { ext -> String in
            let (framework, diagnostics) = loadFixture("oscal/mini-catalog.\(ext)")
            #expect(!diagnostics.hasErrors, "\(diagnostics.items)")
            return FrameworkJSON.render(try #require(framework))
        }
        #expect(outputs[0] == outputs[1])
        #expect(outputs[0] == outputs[2])
        try expectGolden(outputs[0], "mini-catalog-show.json")
    }

    @Test("groups, controls, enhancements, parameters, props and links map onto the model")
    func mapping() throws {
        let framework = try #require(loadFixture("oscal/mini-catalog.xml").framework)
        #expect(framework.id == "mini-catalog")
        #expect(framework.title == "Mini Catalog")
        #expect(framework.version == "1.1")
        #expect(framework.published == "2026-02-01")
        #expect(framework.publisher == "Crosswalk Authors")
        #expect(framework.requirements.map(\.id) == ["ops", "ops-2"])
        #expect(framework.requirement("ops")?.kind == .group)
        #expect(framework.requirement("ops-log")?.kind == .group)
        let control = try #require(framework.requirement("ops-1"))
        #expect(control.kind == .control)
        #expect(control.attribute("label") == "OPS-1")
        #expect(control.description
            == "a. Log [Assignment: organization-defined event types]; and b. Review the logs [Selection (one or more): daily; weekly].")
        #expect(control.attribute("guidance") == "See [the logging guide](https://example.org/logs) and keep \"enough\" detail.")
        #expect(control.references == ["ops-2"])
        #expect(framework.requirement("ops-1.1")?.kind == .enhancement)
        // A parameter of the parent control is resolved inside the enhancement.
        #expect(framework.requirement("ops-1.1")?.description
            == "Send the logs of [Assignment: organization-defined event types] to one place.")
        let withdrawn = try #require(framework.requirement("ops-1.2"))
        #expect(withdrawn.attribute("status") == "withdrawn")
        #expect(withdrawn.attribute("incorporated-into") == "ops-1.1")
        #expect(framework.requirement("ops-2")?.description == "Use **synchronised** clocks.")
    }

    @Test("NIST SP 800-53 rev5 loads from XML and JSON to the same model", .enabled(if: Paths.sharedData != nil, "needs ../shared/data beside the repository"))
    func nist() throws {
        let xmlPath = try #require(Paths.nistCatalogXML)
        let jsonPath = try #require(Paths.nistCatalogJSON)
        let xml = Workspace.loadCatalogue(at: xmlPath)
        let json = Workspace.loadCatalogue(at: jsonPath)
        #expect(!xml.diagnostics.hasErrors, "\(xml.diagnostics.errors.prefix(5))")
        #expect(!json.diagnostics.hasErrors, "\(json.diagnostics.errors.prefix(5))")
        let a = try #require(xml.framework)
        let b = try #require(json.framework)
        for framework in [a, b] {
            let all = framework.allRequirements
            #expect(framework.requirements.count == 20)
            #expect(all.filter { $0.kind == .group }.count == 20)
            #expect(all.filter { $0.kind == .control }.count == 322)
            #expect(all.filter { $0.kind == .enhancement }.count == 867)
            #expect(all.filter { $0.kind == .control || $0.kind == .enhancement }.count == 1_189)
            #expect(all.filter { $0.attribute("status") == "withdrawn" }.count == 182)
            #expect(framework.version == "5.0.1")
        }
        #expect(FrameworkJSON.render(a) == FrameworkJSON.render(b))
        let ac2 = try #require(a.requirement("ac-2"))
        #expect(ac2.title == "Account Management")
        #expect(ac2.attribute("label") == "AC-2")
        #expect(a.parentID(of: "ac-2.1") == "ac-2")
        #expect(a.requirement("ac-2.2")?.description.contains("[Selection: remove; disable]") == true)
    }

    @Test("NIST's own small example catalog loads", .enabled(if: Paths.sharedData != nil, "needs ../shared/data beside the repository"))
    func basicCatalog() throws {
        let data = try #require(Paths.sharedData)
        let (framework, diagnostics) = Workspace.loadCatalogue(at: data + "/oscal/basic-catalog.xml")
        #expect(!diagnostics.hasErrors, "\(diagnostics.errors)")
        let f = try #require(framework)
        #expect(f.requirementCount > 0)
        #expect(f.allRequirements.allSatisfy { !$0.id.isEmpty && !$0.title.isEmpty })
    }
}
