import CrosswalkModel

/// Reads our catalogue format in its YAML form (docs/formats.md).
enum CatalogueYAMLReader {
    static let topKeys = ["framework", "requirements"]
    static let frameworkKeys = ["id", "kind", "title", "version", "publisher", "published", "source", "licence", "description"]
    static let requirementKeys = ["id", "kind", "title", "description", "attributes", "references", "parent", "requirements"]

    static func read(_ root: DataNode, diagnostics: inout Diagnostics) -> FrameworkDraft? {
        guard let pairs = root.pairs else {
            diagnostics.error("a catalogue is a mapping with the keys framework and requirements, not \(root.typeName)", at: root.location)
            return nil
        }
        var draft = FrameworkDraft(location: root.location)
        var sawFramework = false
        for pair in pairs {
            switch pair.key {
            case "framework":
                sawFramework = true
                readFramework(pair.value, into: &draft, diagnostics: &diagnostics)
            case "requirements":
                draft.requirements = readRequirements(pair.value, diagnostics: &diagnostics)
            default:
                diagnostics.error(Messages.unknownKey(pair.key, in: "the catalogue", known: topKeys), at: pair.keyLocation)
            }
        }
        if !sawFramework {
            diagnostics.error("the catalogue has no 'framework' mapping", at: root.location)
        }
        return draft
    }

    /// A scalar value as text; other node types are reported.
    static func scalar(_ node: DataNode, key: String, diagnostics: inout Diagnostics) -> Located? {
        switch node {
        case .scalar(let s, let l): return Located(value: s, location: l)
        case .null(let l): return Located(value: "", location: l)
        default:
            diagnostics.error("'\(key)' must be a scalar, not \(node.typeName)", at: node.location)
            return nil
        }
    }

    static func folded(_ value: Located?) -> Located? {
        value.map { Located(value: $0.value.folded, location: $0.location) }
    }

    private static func readFramework(_ node: DataNode, into draft: inout FrameworkDraft, diagnostics: inout Diagnostics) {
        guard let pairs = node.pairs else {
            diagnostics.error("'framework' must be a mapping, not \(node.typeName)", at: node.location)
            return
        }
        draft.location = node.location
        for pair in pairs {
            let value = folded(scalar(pair.value, key: pair.key, diagnostics: &diagnostics))
            switch pair.key {
            case "id": draft.id = value
            case "kind": draft.kind = value
            case "title": draft.title = value
            case "version": draft.version = value
            case "publisher": draft.publisher = value
            case "published": draft.published = value
            case "source": draft.source = value
            case "licence": draft.licence = value
            case "description": draft.description = value
            default:
                diagnostics.error(Messages.unknownKey(pair.key, in: "'framework'", known: frameworkKeys), at: pair.keyLocation)
            }
        }
    }

    private static func readRequirements(_ node: DataNode, diagnostics: inout Diagnostics) -> [RequirementDraft] {
        if case .null = node { return [] }
        guard let items = node.items else {
            diagnostics.error("'requirements' must be a list, not \(node.typeName)", at: node.location)
            return []
        }
        return items.compactMap { readRequirement($0, diagnostics: &diagnostics) }
    }

    private static func readRequirement(_ node: DataNode, diagnostics: inout Diagnostics) -> RequirementDraft? {
        guard let pairs = node.pairs else {
            diagnostics.error("a requirement must be a mapping, not \(node.typeName)", at: node.location)
            return nil
        }
        var draft = RequirementDraft(location: node.location)
        for pair in pairs {
            switch pair.key {
            case "id": draft.id = scalar(pair.value, key: "id", diagnostics: &diagnostics)
            case "kind": draft.kind = scalar(pair.value, key: "kind", diagnostics: &diagnostics)
            case "title": draft.title = folded(scalar(pair.value, key: "title", diagnostics: &diagnostics))
            case "description":
                draft.description = folded(scalar(pair.value, key: "description", diagnostics: &diagnostics))
            case "parent": draft.parent = scalar(pair.value, key: "parent", diagnostics: &diagnostics)
            case "attributes": draft.attributes = readAttributes(pair.value, diagnostics: &diagnostics)
            case "references":
                guard let items = pair.value.items else {
                    diagnostics.error("'references' must be a list of ids, not \(pair.value.typeName)", at: pair.value.location)
                    continue
                }
                draft.references = items.compactMap { scalar($0, key: "references", diagnostics: &diagnostics) }
            case "requirements": draft.children = readRequirements(pair.value, diagnostics: &diagnostics)
            default:
                diagnostics.error(Messages.unknownKey(pair.key, in: "a requirement", known: requirementKeys), at: pair.keyLocation)
            }
        }
        return draft
    }

    private static func readAttributes(_ node: DataNode, diagnostics: inout Diagnostics) -> [(name: String, values: [String])] {
        guard let pairs = node.pairs else {
            diagnostics.error("'attributes' must be a mapping of name to value(s), not \(node.typeName)", at: node.location)
            return []
        }
        var out: [(name: String, values: [String])] = []
        for pair in pairs {
            switch pair.value {
            case .scalar(let s, _): out.append((pair.key, [s.folded]))
            case .sequence(let items, _):
                out.append((pair.key, items.compactMap { scalar($0, key: pair.key, diagnostics: &diagnostics)?.value.folded }))
            case .null: out.append((pair.key, []))
            case .mapping(_, let l):
                diagnostics.error("attribute '\(pair.key)' must be a scalar or a list of scalars, not a mapping", at: l)
            }
        }
        return out
    }
}
