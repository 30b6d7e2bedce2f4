import CrosswalkLoad
import CrosswalkModel
import CrosswalkRender
import Testing

/// Crosswalks survive a round trip through OSCAL 1.2 mapping collections, in JSON and XML.
@Suite("OSCAL mapping collections")
struct OSCALMappingTests {
    struct Row: Hashable {
        var source: RequirementRef, target: RequirementRef, relationship: Relationship
        var rationale: MatchingRationale, strength: Int, note: String
    }

    func rows(_ crosswalk: Crosswalk) -> [Row] {
        crosswalk.links.map {
            Row(source: $0.source, target: $0.target, relationship: $0.relationship, rationale: $0.rationale, strength: $0.strength, note: $0.note)
        }
    }

    @Test("every shipped crosswalk round-trips through JSON and XML unchanged", arguments: ["json", "xml"])
    func roundTrip(format: String) throws {
        let crosswalks = Repo.shipped.mappings.crosswalks
        #expect(crosswalks.count >= 4)
        for crosswalk in crosswalks {
            let date = try #require(crosswalk.date)
            let text = format == "json"
                ? OSCALMappingWriter.json(crosswalk, lastModified: date, title: "t")
                : OSCALMappingWriter.xml(crosswalk, lastModified: date, title: "t")
            let (imported, diagnostics) = OSCALMappingReader.load(SourceText(path: "collection.\(format)", string: text))
            #expect(!diagnostics.hasErrors, "\(diagnostics.errors)")
            let back = try #require(imported.first)
            #expect(imported.count == 1)
            #expect(back.source == crosswalk.source && back.target == crosswalk.target)
            #expect(back.date == crosswalk.date)
            #expect(back.provenance == crosswalk.provenance)
            #expect(rows(back) == rows(crosswalk))
            // Exporting the import again gives the same bytes.
            let again = format == "json"
                ? OSCALMappingWriter.json(back, lastModified: date, title: "t")
                : OSCALMappingWriter.xml(back, lastModified: date, title: "t")
            #expect(again == text)
        }
    }

    @Test("OSCAL's own vocabulary: equal-to and equivalent-to, confidence categories, several sources × targets")
    func vocabulary() throws {
        let json = """
            {"mapping-collection": {"uuid": "0b9b9f1e-0000-4000-8000-000000000001",
              "metadata": {"title": "t", "last-modified": "2026-03-04T10:00:00Z", "version": "1", "oscal-version": "1.2.0"},
              "provenance": {"method": "human", "matching-rationale": "functional", "status": "draft", "mapping-description": "From a fixture."},
              "mappings": [{"uuid": "0b9b9f1e-0000-4000-8000-000000000002",
                "source-resource": {"type": "catalog", "href": "https://example.org/catalogs/SOC2.json"},
                "target-resource": {"type": "catalog", "href": "iso27001-2022.xml#x"},
                "maps": [
                  {"uuid": "0b9b9f1e-0000-4000-8000-000000000003", "relationship": "equivalent-to",
                   "sources": [{"type": "control", "id-ref": "CC6.1"}, {"type": "control", "id-ref": "CC6.2"}],
                   "targets": [{"type": "control", "id-ref": "A.8.5"}],
                   "confidence-score": {"category": "high"}},
                  {"uuid": "0b9b9f1e-0000-4000-8000-000000000004", "relationship": "superset-of", "matching-rationale": "syntactic",
                   "sources": [{"type": "control", "id-ref": "CC8.1"}], "targets": [{"type": "control", "id-ref": "A.8.32"}],
                   "confidence-score": {"percentage": 0.72}, "remarks": "Change management."}]}]}}
            """
        let (crosswalks, diagnostics) = OSCALMappingReader.load(SourceText(path: "fixture.json", string: json))
        #expect(!diagnostics.hasErrors)
        let c = try #require(crosswalks.first)
        #expect(c.source == "soc2" && c.target == "iso27001-2022")
        #expect(c.date == "2026-03-04")
        #expect(c.links.count == 3)
        #expect(c.links[0].relationship == .equal && c.links[0].strength == 8 && c.links[0].rationale == .functional)
        #expect(c.links[1].source.id == "CC6.2")
        #expect(c.links[2].relationship == .supersetOf && c.links[2].strength == 7 && c.links[2].rationale == .syntactic)
        #expect(c.links[2].note == "Change management.")
    }

    @Test("a map without targets is an error with its location")
    func missingTarget() {
        let json = #"{"mapping-collection": {"mappings": [{"maps": [{"relationship": "equal-to", "sources": [{"type": "control", "id-ref": "A"}]}]}]}}"#
        let (_, diagnostics) = OSCALMappingReader.load(SourceText(path: "bad.json", string: json))
        #expect(diagnostics.errors.first?.message == "an OSCAL map needs at least one source and one target")
        #expect(diagnostics.errors.first?.location.column == 48)
    }

    @Test("export is deterministic and derives UUIDs from content")
    func deterministic() throws {
        let crosswalk = try #require(Repo.shipped.mappings.crosswalks.first)
        #expect(OSCALMappingWriter.json(crosswalk, lastModified: "2026-01-01", title: "t")
            == OSCALMappingWriter.json(crosswalk, lastModified: "2026-01-01", title: "t"))
        let id = OSCALMappingWriter.uuid("x")
        #expect(id.count == 36)
        #expect(Array(id)[14] == "8")
        #expect(id != OSCALMappingWriter.uuid("y"))
    }
}
