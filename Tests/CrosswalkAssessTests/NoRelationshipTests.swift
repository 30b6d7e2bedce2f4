import CrosswalkAssess
import CrosswalkModel
import CrosswalkRender
import Testing

/// `no-relationship` crosswalk rows record that a requirement was reviewed and has no counterpart:
/// `map` keeps them apart from the links, and coverage does not count them as links.
@Suite("No-relationship rows")
struct NoRelationshipTests {
    var shipped: Repo.Shipped { Repo.shipped }

    @Test("map lists a no-relationship row apart from the related requirements, in text and JSON")
    func mapKeepsThemApart() throws {
        let ref = RequirementRef("soc2", "PI1.1")
        let requirement = try #require(shipped.index.requirement(ref))
        let mapping = RequirementMapping(ref: ref, requirement: requirement, index: shipped.index, to: "iso27001-2022")
        #expect(mapping.unrelated.map(\.requirement) == [RequirementRef("iso27001-2022", "A.5.37")])
        #expect(!mapping.related.contains { $0.relationship == .noRelationship })
        let text = mapping.text()
        let section = try #require(text.range(of: "Reviewed, no counterpart (no-relationship):\n"))
        #expect(text[section.upperBound...].hasPrefix("  iso27001-2022:A.5.37  Documented operating procedures\n"))
        #expect(!text[..<section.lowerBound].contains("A.5.37"))
        let json = mapping.json()
        #expect(json.contains("\"noRelationship\": ["))
        #expect(json.contains("\"related\": []"))
    }

    @Test("a requirement linked only by no-relationship rows does not count as having crosswalk links")
    func coverageExcludesThem() throws {
        for framework in shipped.frameworks {
            var linked: Set<String> = []
            for crosswalk in shipped.mappings.crosswalks {
                for link in crosswalk.links where link.relationship != .noRelationship {
                    if link.source.framework == framework.id { linked.insert(link.source.id) }
                    if link.target.framework == framework.id { linked.insert(link.target.id) }
                }
            }
            let figures = FrameworkCoverage.compute(for: framework, index: shipped.index)
            #expect(figures.withCrosswalkLinks == linked.count, "\(framework.id)")
        }
    }
}
