import CrosswalkModel

/// Reads the fields of one YAML mapping (a services entry, a control, a crosswalk row…) with
/// diagnostics: unknown keys ("did you mean"), missing required fields, wrong types, bad enum values.
struct MappingFields {
    let node: DataNode
    /// What the mapping is, for messages ("a control", "a crosswalk row").
    let context: String

    /// Checks the node is a mapping whose keys are all known. Returns nil (and reports) otherwise.
    static func open(_ node: DataNode, as context: String, keys: [String], diagnostics: inout Diagnostics) -> MappingFields? {
        guard let pairs = node.pairs else {
            diagnostics.error("\(context) must be a mapping, not \(node.typeName)", at: node.location)
            return nil
        }
        for pair in pairs where !keys.contains(pair.key) {
            diagnostics.error(Messages.unknownKey(pair.key, in: context, known: keys), at: pair.keyLocation)
        }
        return MappingFields(node: node, context: context)
    }

    /// A scalar's text, white space folded. Missing → nil (an error when `required`).
    func text(_ key: String, required: Bool = true, diagnostics: inout Diagnostics) -> Located? {
        guard let value = node[key] else {
            if required { diagnostics.error("\(context) has no '\(key)'", at: node.location) }
            return nil
        }
        switch value {
        case .scalar(let s, let l):
            if required && s.folded.isEmpty { diagnostics.error("'\(key)' is empty", at: l) }
            return Located(value: s.folded, location: l)
        case .null(let l):
            if required { diagnostics.error("'\(key)' is empty", at: l) }
            return nil
        default:
            diagnostics.error("'\(key)' must be a scalar, not \(value.typeName)", at: value.location)
            return nil
        }
    }

    /// An enum value: the allowed values are listed in the message, with "did you mean".
    func choice<E: RawRepresentable & CaseIterable>(
        _ key: String, _ type: E.Type, required: Bool = true, diagnostics: inout Diagnostics
    ) -> E? where E.RawValue == String {
        guard let value = text(key, required: required, diagnostics: &diagnostics) else { return nil }
        if let parsed = E(rawValue: value.value) { return parsed }
        let names = E.allCases.map(\.rawValue)
        diagnostics.error(
            "unknown \(key) '\(value.value)'\(Suggestion.hint(for: value.value, in: names)); expected one of \(names.joined(separator: ", "))",
            at: value.location)
        return nil
    }

    /// A list of scalars (a missing key is an empty list).
    func list(_ key: String, diagnostics: inout Diagnostics) -> [Located] {
        guard let value = node[key] else { return [] }
        switch value {
        case .null: return []
        case .sequence(let items, _):
            return items.compactMap { item in
                if case .scalar(let s, let l) = item { return Located(value: s, location: l) }
                diagnostics.error("'\(key)' must be a list of scalars; found \(item.typeName)", at: item.location)
                return nil
            }
        default:
            diagnostics.error("'\(key)' must be a list, not \(value.typeName)", at: value.location)
            return []
        }
    }

    /// A list of mappings (a missing key is an empty list).
    func items(_ key: String, required: Bool = false, diagnostics: inout Diagnostics) -> [DataNode] {
        guard let value = node[key] else {
            if required { diagnostics.error("\(context) has no '\(key)'", at: node.location) }
            return []
        }
        switch value {
        case .null: return []
        case .sequence(let items, _): return items
        default:
            diagnostics.error("'\(key)' must be a list, not \(value.typeName)", at: value.location)
            return []
        }
    }

    /// A requirement reference `FRAMEWORK:ID`, or a bare id inside a file about one framework.
    func requirement(_ key: String, framework: String? = nil, diagnostics: inout Diagnostics) -> RequirementRef? {
        guard let value = text(key, diagnostics: &diagnostics) else { return nil }
        if let framework { return RequirementRef(framework: framework, id: value.value) }
        guard let ref = RequirementRef(value.value) else {
            diagnostics.error("'\(value.value)' is not a requirement reference of the form FRAMEWORK:ID", at: value.location)
            return nil
        }
        return ref
    }

    /// Where a key's value is (the mapping's own location when the key is missing).
    func location(of key: String) -> SourceLocation { node[key]?.location ?? node.location }
}
