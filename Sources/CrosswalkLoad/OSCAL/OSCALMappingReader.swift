import CrosswalkModel

/// Reads an OSCAL 1.2 `mapping-collection` (XML, JSON or YAML) into crosswalks: one per
/// `mapping`, one link per source × target of each `map`. The framework ids are given by the
/// caller or taken from the resource `href` (its file name without extension).
public enum OSCALMappingReader {
    public static func load(_ source: SourceText, sourceFramework: String? = nil, targetFramework: String? = nil)
        -> (crosswalks: [Crosswalk], diagnostics: Diagnostics)
    {
        var diagnostics = Diagnostics()
        var collection: [RawMapping] = []
        var provenance = ""
        var date: String?
        if CatalogueLoader.fileExtension(source.path) == "xml" {
            let (document, found) = XMLDocument.parse(source)
            diagnostics.append(contentsOf: found)
            guard let document else { return ([], diagnostics) }
            guard document.root.name == "mapping-collection" else {
                diagnostics.error("expected an OSCAL <mapping-collection>, found <\(document.root.name)>", at: document.location(of: document.root))
                return ([], diagnostics)
            }
            (collection, provenance, date) = readXML(document, diagnostics: &diagnostics)
        } else {
            let isJSON = CatalogueLoader.fileExtension(source.path) == "json"
            let (node, found) = isJSON ? JSONReader.parse(source) : YAMLReader.parse(source)
            diagnostics.append(contentsOf: found)
            guard let node else { return ([], diagnostics) }
            guard let root = node["mapping-collection"] else {
                diagnostics.error("expected an OSCAL mapping collection: a mapping with the key 'mapping-collection'", at: node.location)
                return ([], diagnostics)
            }
            (collection, provenance, date) = readTree(root, diagnostics: &diagnostics)
        }
        let crosswalks: [Crosswalk] = collection.map { raw in
            let from = sourceFramework ?? frameworkID(raw.sourceHref)
            let to = targetFramework ?? frameworkID(raw.targetHref)
            var links: [CrosswalkLink] = []
            for map in raw.maps {
                guard let relationship = relationship(map.relationship) else {
                    diagnostics.error("unknown OSCAL relationship '\(map.relationship)'", at: map.location)
                    continue
                }
                let rationale = MatchingRationale(rawValue: map.rationale ?? raw.rationale ?? "") ?? .semantic
                for s in map.sources {
                    for t in map.targets {
                        links.append(
                            CrosswalkLink(
                                source: RequirementRef(framework: from, id: s), target: RequirementRef(framework: to, id: t),
                                relationship: relationship, rationale: rationale, strength: map.strength, note: map.remarks,
                                location: map.location))
                    }
                }
            }
            return Crosswalk(source: from, target: to, date: date, provenance: provenance, links: links, location: raw.location)
        }
        return (crosswalks, diagnostics)
    }

    struct RawMapping {
        var location: SourceLocation
        var sourceHref = ""
        var targetHref = ""
        var rationale: String?
        var maps: [RawMap] = []
    }

    struct RawMap {
        var location: SourceLocation
        var relationship = ""
        var rationale: String?
        var sources: [String] = []
        var targets: [String] = []
        var strength = 5
        var remarks = ""
    }

    /// Our relationship for an OSCAL token (`equivalent-to` and `equal-to` are both `equal`).
    static func relationship(_ token: String) -> Relationship? {
        switch token {
        case "equivalent-to", "equal-to": return .equal
        default: return Relationship(rawValue: token)
        }
    }

    /// Strength 1–10 from a confidence score: a percentage (0–1) or a category.
    static func strength(percentage: String?, category: String?) -> Int {
        if let percentage, let value = Double(percentage) { return min(10, max(1, Int((value * 10).rounded()))) }
        switch category {
        case "high": return 8
        case "medium": return 5
        case "low": return 3
        default: return 5
        }
    }

    /// `Frameworks/soc2`, `soc2.yaml`, `https://…/NIST_SP-800-53_rev5_catalog.json` → the id.
    static func frameworkID(_ href: String) -> String {
        CatalogueLoader.fileID(href.split(separator: "#").first.map(String.init) ?? href)
    }

    static func readTree(_ root: DataNode, diagnostics: inout Diagnostics) -> ([RawMapping], String, String?) {
        let provenance = root["provenance"]?["mapping-description"]?.scalar?.folded ?? ""
        let date = root["metadata"]?["last-modified"]?.scalar.map { String($0.prefix(10)) }
        let mappings = (root["mappings"]?.items ?? []).map { m -> RawMapping in
            var raw = RawMapping(location: m.location)
            raw.sourceHref = m["source-resource"]?["href"]?.scalar ?? ""
            raw.targetHref = m["target-resource"]?["href"]?.scalar ?? ""
            raw.rationale = m["matching-rationale"]?.scalar ?? root["provenance"]?["matching-rationale"]?.scalar
            raw.maps = (m["maps"]?.items ?? []).map { node in
                var map = RawMap(location: node.location)
                map.relationship = node["relationship"]?.scalar ?? ""
                map.rationale = node["matching-rationale"]?.scalar
                map.sources = (node["sources"]?.items ?? []).compactMap { $0["id-ref"]?.scalar }
                map.targets = (node["targets"]?.items ?? []).compactMap { $0["id-ref"]?.scalar }
                map.strength = strength(
                    percentage: node["confidence-score"]?["percentage"]?.scalar,
                    category: node["confidence-score"]?["category"]?.scalar)
                map.remarks = node["remarks"]?.scalar?.folded ?? ""
                if map.sources.isEmpty || map.targets.isEmpty {
                    diagnostics.error("an OSCAL map needs at least one source and one target", at: node.location)
                }
                return map
            }
            return raw
        }
        return (mappings, provenance, date)
    }

    static func readXML(_ document: XMLDocument, diagnostics: inout Diagnostics) -> ([RawMapping], String, String?) {
        let root = document.root
        let provenanceElement = root.element(named: "provenance")
        let provenance = provenanceElement?.element(named: "mapping-description")?.textContent.folded ?? ""
        let date = root.element(named: "metadata")?.element(named: "last-modified").map { String($0.textContent.folded.prefix(10)) }
        let mappings = root.elements(named: "mapping").map { m -> RawMapping in
            var raw = RawMapping(location: document.location(of: m))
            raw.sourceHref = m.element(named: "source-resource")?.attribute("href") ?? ""
            raw.targetHref = m.element(named: "target-resource")?.attribute("href") ?? ""
            raw.rationale = m.attribute("matching-rationale") ?? provenanceElement?.attribute("matching-rationale")
            raw.maps = m.elements(named: "map").map { node in
                var map = RawMap(location: document.location(of: node))
                map.relationship = node.element(named: "relationship")?.textContent.folded ?? ""
                map.rationale = node.attribute("matching-rationale")
                map.sources = node.elements(named: "source").compactMap { $0.attribute("id-ref") }
                map.targets = node.elements(named: "target").compactMap { $0.attribute("id-ref") }
                let score = node.element(named: "confidence-score")
                map.strength = strength(
                    percentage: score?.element(named: "percentage")?.textContent.folded,
                    category: score?.element(named: "category")?.textContent.folded)
                map.remarks = node.element(named: "remarks")?.textContent.folded ?? ""
                if map.sources.isEmpty || map.targets.isEmpty {
                    diagnostics.error("an OSCAL <map> needs at least one <source> and one <target>", at: document.location(of: node))
                }
                return map
            }
            return raw
        }
        return (mappings, provenance, date)
    }
}
