import CrosswalkModel

/// Reads an OSCAL catalog in JSON or YAML (`{"catalog": {…}}`) into `OSCALCatalog`.
enum OSCALTreeReader {
    static func read(_ root: DataNode, diagnostics: inout Diagnostics) -> OSCALCatalog? {
        guard let catalogNode = root["catalog"], catalogNode.pairs != nil else {
            diagnostics.error("expected an OSCAL catalog: a mapping with the key 'catalog'", at: root.location)
            return nil
        }
        var catalog = OSCALCatalog(location: catalogNode.location)
        if let metadata = catalogNode["metadata"] {
            readMetadata(metadata, into: &catalog)
        } else {
            diagnostics.error("an OSCAL catalog needs 'metadata'", at: catalogNode.location)
        }
        catalog.params = list(catalogNode["params"]).map(param)
        catalog.nodes = list(catalogNode["groups"]).map { node($0, isGroup: true, diagnostics: &diagnostics) }
            + list(catalogNode["controls"]).map { node($0, isGroup: false, diagnostics: &diagnostics) }
        return catalog
    }

    private static func list(_ node: DataNode?) -> [DataNode] { node?.items ?? [] }
    private static func text(_ node: DataNode?) -> String { node?.scalar ?? "" }

    private static func readMetadata(_ metadata: DataNode, into catalog: inout OSCALCatalog) {
        catalog.title = text(metadata["title"]).folded
        catalog.version = text(metadata["version"]).folded
        catalog.published = text(metadata["published"]).folded
        catalog.lastModified = text(metadata["last-modified"]).folded
        var names: [String: String] = [:]
        for party in list(metadata["parties"]) {
            if let uuid = party["uuid"]?.scalar { names[uuid] = text(party["name"]).folded }
        }
        for responsible in list(metadata["responsible-parties"]) where responsible["role-id"]?.scalar == "creator" {
            let parties = list(responsible["party-uuids"]).compactMap { $0.scalar.flatMap { names[$0] } }
            if !parties.isEmpty { catalog.publisher = parties.joined(separator: "; ") }
        }
    }

    private static func param(_ node: DataNode) -> OSCALParam {
        var p = OSCALParam(id: text(node["id"]))
        p.label = node["label"]?.scalar?.folded
        if let select = node["select"] {
            p.howMany = select["how-many"]?.scalar
            p.choices = list(select["choice"]).map { text($0) }
        }
        return p
    }

    private static func node(_ data: DataNode, isGroup: Bool, diagnostics: inout Diagnostics) -> OSCALNode {
        var n = OSCALNode(isGroup: isGroup, location: data.location)
        n.id = data["id"]?.scalar
        n.className = data["class"]?.scalar
        if !isGroup, (n.id ?? "").isEmpty {
            diagnostics.error("an OSCAL control needs an id", at: data.location)
        }
        n.title = text(data["title"]).folded
        n.params = list(data["params"]).map(param)
        n.props = list(data["props"]).map { (text($0["name"]), text($0["value"])) }
        n.links = list(data["links"]).map { (text($0["rel"]), text($0["href"])) }
        n.parts = list(data["parts"]).map(part)
        n.children = list(data["groups"]).map { node($0, isGroup: true, diagnostics: &diagnostics) }
            + list(data["controls"]).map { node($0, isGroup: false, diagnostics: &diagnostics) }
        return n
    }

    private static func part(_ data: DataNode) -> OSCALPart {
        let label = list(data["props"]).first { $0["name"]?.scalar == "label" }?["value"]?.scalar
        return OSCALPart(
            name: text(data["name"]), label: label, prose: text(data["prose"]), parts: list(data["parts"]).map(part))
    }
}
