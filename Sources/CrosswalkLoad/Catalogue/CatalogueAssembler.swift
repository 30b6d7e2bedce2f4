import CrosswalkModel

/// Turns a `FrameworkDraft` into a `Framework`, checking what every form shares: required fields,
/// known kinds, unique ids, and that every `parent` and reference resolves.
struct CatalogueAssembler {
    /// Warn about requirements without a description (our own format; OSCAL groups often have none).
    var requireDescriptions = true
    /// An unresolved reference is an error in our format; in OSCAL (links to controls of other
    /// catalogs are legitimate) it is a warning.
    var strictReferences = true

    func assemble(_ draft: FrameworkDraft, diagnostics: inout Diagnostics) -> Framework? {
        let before = diagnostics.errors.count
        if draft.id?.value.isEmpty ?? true {
            diagnostics.error(Messages.missingFramework("id"), at: draft.id?.location ?? draft.location)
        }
        if draft.title?.value.isEmpty ?? true {
            diagnostics.error(Messages.missingFramework("title"), at: draft.title?.location ?? draft.location)
        }
        var kind = FrameworkKind.framework
        if let k = draft.kind {
            if let known = FrameworkKind(rawValue: k.value) {
                kind = known
            } else {
                let names = FrameworkKind.allCases.map(\.rawValue)
                diagnostics.error(
                    "unknown framework kind '\(k.value)'\(Suggestion.hint(for: k.value, in: names)); expected one of \(names.joined(separator: ", "))",
                    at: k.location)
            }
        } else {
            diagnostics.error(Messages.missingFramework("kind"), at: draft.location)
        }
        if let published = draft.published, !published.value.isEmpty, let problem = ISODate.problem(published.value) {
            diagnostics.warning("published date '\(published.value)' \(problem)", at: published.location)
        }
        if let source = draft.source, !source.value.isEmpty,
            !(source.value.hasPrefix("https://") || source.value.hasPrefix("http://"))
        {
            diagnostics.warning("source '\(source.value)' is not an http(s) URL", at: source.location)
        }

        let requirements = assembleRequirements(draft.requirements, diagnostics: &diagnostics)
        guard diagnostics.errors.count == before else { return nil }
        return Framework(
            id: draft.id!.value, title: draft.title!.value, version: draft.version?.value ?? "",
            publisher: draft.publisher?.value ?? "", published: draft.published?.value ?? "",
            sourceURL: draft.source?.value ?? "", licence: draft.licence?.value ?? "", kind: kind,
            description: draft.description?.value ?? "", requirements: requirements, location: draft.location)
    }

    /// One node of the flattened tree while parents are resolved.
    private struct Node {
        var draft: RequirementDraft
        var parent: Int?
        var nestedParent: Int?
        var children: [Int] = []
    }

    /// Appends drafts in document order (pre-order), remembering each nested child's parent.
    private static func flatten(_ list: [RequirementDraft], parent: Int?, into nodes: inout [Node]) {
        for draft in list {
            var copy = draft
            copy.children = []
            nodes.append(Node(draft: copy, parent: parent, nestedParent: parent))
            flatten(draft.children, parent: nodes.count - 1, into: &nodes)
        }
    }

    private func assembleRequirements(_ drafts: [RequirementDraft], diagnostics: inout Diagnostics) -> [Requirement] {
        // Flatten in document order, remembering each nested child's parent.
        var nodes: [Node] = []
        Self.flatten(drafts, parent: nil, into: &nodes)

        // Fields and ids.
        var indexByID: [String: Int] = [:]
        let knownKinds = RequirementKind.known.map(\.rawValue)
        for (i, node) in nodes.enumerated() {
            let d = node.draft
            if let id = d.id, !id.value.isEmpty {
                if id.value != id.value.trimmingSpaces || id.value.contains(where: \.isNewline) {
                    diagnostics.error("requirement id '\(id.value)' has leading or trailing space or a line break", at: id.location)
                }
                if let first = indexByID[id.value] {
                    let firstLocation = nodes[first].draft.id?.location ?? nodes[first].draft.location
                    diagnostics.error(
                        "duplicate requirement id '\(id.value)' (first defined at line \(firstLocation.line))",
                        at: id.location)
                } else {
                    indexByID[id.value] = i
                }
            } else {
                diagnostics.error(Messages.missingRequirement("id"), at: d.id?.location ?? d.location)
            }
            let name = d.id.map { " '\($0.value)'" } ?? ""
            if d.title?.value.isEmpty ?? true {
                diagnostics.error("requirement\(name) has no title", at: d.title?.location ?? d.location)
            }
            if let kind = d.kind {
                if !knownKinds.contains(kind.value) {
                    diagnostics.error(
                        "unknown requirement kind '\(kind.value)'\(Suggestion.hint(for: kind.value, in: knownKinds))",
                        at: kind.location)
                }
            } else {
                diagnostics.error("requirement\(name) has no kind", at: d.location)
            }
            if requireDescriptions, d.description?.value.isEmpty ?? true {
                diagnostics.warning("requirement\(name) has no description", at: d.description?.location ?? d.location)
            }
        }

        // Parents: a nested requirement's parent is its enclosing one; a flat one names it.
        for i in nodes.indices {
            guard let parent = nodes[i].draft.parent else { continue }
            guard let target = indexByID[parent.value] else {
                diagnostics.error(
                    "parent '\(parent.value)' does not resolve to a requirement in this catalogue\(Suggestion.hint(for: parent.value, in: Array(indexByID.keys).sorted()))",
                    at: parent.location)
                continue
            }
            if let nested = nodes[i].nestedParent {
                if nested != target {
                    diagnostics.error(
                        "parent '\(parent.value)' contradicts the enclosing requirement '\(nodes[nested].draft.id?.value ?? "?")'",
                        at: parent.location)
                }
                continue
            }
            // Refuse cycles: walk up from the target.
            var cursor: Int? = target
            var cyclic = false
            var steps = 0
            while let c = cursor, steps <= nodes.count {
                if c == i { cyclic = true; break }
                cursor = nodes[c].parent
                steps += 1
            }
            if cyclic {
                diagnostics.error("parent '\(parent.value)' makes a cycle", at: parent.location)
            } else {
                nodes[i].parent = target
            }
        }

        // References.
        for node in nodes {
            for reference in node.draft.references where indexByID[reference.value] == nil {
                diagnostics.append(Diagnostic(strictReferences ? .error : .warning,
                    "reference '\(reference.value)' does not resolve to a requirement in this catalogue\(Suggestion.hint(for: reference.value, in: Array(indexByID.keys).sorted()))",
                    at: reference.location))
            }
        }

        // Build the tree in document order.
        var roots: [Int] = []
        for i in nodes.indices {
            if let p = nodes[i].parent { nodes[p].children.append(i) } else { roots.append(i) }
        }
        let finished = nodes
        func build(_ i: Int) -> Requirement {
            let d = finished[i].draft
            var attributes = [String: [String]](minimumCapacity: d.attributes.count)
            for attribute in d.attributes { attributes[attribute.name, default: []].append(contentsOf: attribute.values) }
            return Requirement(
                id: d.id?.value ?? "", title: d.title?.value ?? "", description: d.description?.value ?? "",
                kind: RequirementKind(d.kind?.value ?? ""), attributes: attributes,
                references: d.references.map(\.value), children: finished[i].children.map(build), location: d.location)
        }
        return roots.map(build)
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s = s.dropFirst() }
        while s.last?.isWhitespace == true { s = s.dropLast() }
        return String(s)
    }
}

/// Message texts shared by the catalogue readers.
enum Messages {
    static func missingFramework(_ field: String) -> String { "the framework has no \(field)" }
    static func missingRequirement(_ field: String) -> String { "a requirement has no \(field)" }
    static func unknownKey(_ key: String, in context: String, known: [String]) -> String {
        "unknown key '\(key)' in \(context)\(Suggestion.hint(for: key, in: known)); expected one of \(known.joined(separator: ", "))"
    }
    static func unknownElement(_ name: String, in context: String, known: [String]) -> String {
        "unknown element <\(name)> in \(context)\(Suggestion.hint(for: name, in: known)); expected one of \(known.map { "<\($0)>" }.joined(separator: ", "))"
    }
    static func unknownAttribute(_ name: String, on element: String, known: [String]) -> String {
        "unknown attribute '\(name)' on <\(element)>\(Suggestion.hint(for: name, in: known)); expected \(known.joined(separator: ", "))"
    }
}
