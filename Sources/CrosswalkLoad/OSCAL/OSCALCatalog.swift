import CrosswalkModel

/// The parts of an OSCAL catalog that Crosswalk uses, read from XML, JSON or YAML by the two
/// front-ends, then turned into a catalogue by one function (`OSCALCatalog.draft`) so that every
/// serialisation gives the same model.
struct OSCALCatalog: Sendable {
    var location: SourceLocation
    var title = ""
    var version = ""
    var published = ""
    var lastModified = ""
    var publisher = ""
    var params: [OSCALParam] = []
    var nodes: [OSCALNode] = []

    /// OSCAL's XML namespace.
    static let namespace = "http://csrc.nist.gov/ns/oscal/1.0"
}

/// A group or a control (controls nest: a control inside a control is an enhancement).
struct OSCALNode: Sendable {
    var isGroup: Bool
    var location: SourceLocation
    var id: String?
    var className: String?
    var title = ""
    var params: [OSCALParam] = []
    var props: [(name: String, value: String)] = []
    var links: [(rel: String, href: String)] = []
    var parts: [OSCALPart] = []
    var children: [OSCALNode] = []
}

/// A part (statement, item, guidance, overview…) with its prose as Markdown, where parameter
/// insertions are written `{{ insert: param, ID }}` as in OSCAL JSON.
struct OSCALPart: Sendable {
    var name: String
    var label: String?
    var prose: String
    var parts: [OSCALPart] = []
}

/// A parameter: a label (an assignment) or a selection among choices.
struct OSCALParam: Sendable {
    var id: String
    var label: String?
    var choices: [String]?
    var howMany: String?
}

extension OSCALCatalog {
    /// Collects every parameter declared anywhere in the catalog, by id.
    private var allParams: [String: OSCALParam] {
        var out: [String: OSCALParam] = [:]
        for p in params { out[p.id] = p }
        func walk(_ nodes: [OSCALNode]) {
            for n in nodes {
                for p in n.params { out[p.id] = p }
                walk(n.children)
            }
        }
        walk(nodes)
        return out
    }

    /// The catalogue draft: groups, controls and enhancements with their statement as description.
    func draft(fileID: String) -> FrameworkDraft {
        let params = allParams
        var draft = FrameworkDraft(location: location)
        draft.id = Located(value: fileID, location: location)
        draft.kind = Located(value: FrameworkKind.framework.rawValue, location: location)
        draft.title = Located(value: title, location: location)
        draft.version = Located(value: version, location: location)
        draft.publisher = Located(value: publisher, location: location)
        let date = published.isEmpty ? lastModified : published
        draft.published = Located(value: String(date.prefix(10)), location: location)
        draft.source = Located(value: "", location: location)
        draft.licence = Located(value: "", location: location)

        var groupCounter = 0
        func convert(_ node: OSCALNode, insideControl: Bool) -> RequirementDraft {
            var r = RequirementDraft(location: node.location)
            let id: String
            if let given = node.id, !given.isEmpty {
                id = given
            } else {
                groupCounter += 1
                id = "group-\(groupCounter)"
            }
            r.id = Located(value: id, location: node.location)
            let kind: RequirementKind = node.isGroup ? .group : (insideControl ? .enhancement : .control)
            r.kind = Located(value: kind.rawValue, location: node.location)
            r.title = Located(value: node.title, location: node.location)
            if let className = node.className { r.attributes.append(("class", [className])) }
            for prop in node.props { r.attributes.append((prop.name, [prop.value.folded])) }
            for link in node.links {
                let target = link.href.hasPrefix("#") ? String(link.href.dropFirst()) : link.href
                switch link.rel {
                case "related": r.references.append(Located(value: target, location: node.location))
                case "incorporated-into", "moved-to": r.attributes.append((link.rel, [target]))
                default: break
                }
            }
            var description: [String] = []
            for part in node.parts {
                switch part.name {
                case "statement", "overview":
                    description.append(Self.render(part, params: params))
                case "guidance":
                    r.attributes.append(("guidance", [Self.render(part, params: params).folded]))
                default:
                    break
                }
            }
            r.description = Located(value: description.joined(separator: " ").folded, location: node.location)
            r.children = node.children.map { convert($0, insideControl: insideControl || !node.isGroup) }
            return r
        }
        draft.requirements = nodes.map { convert($0, insideControl: false) }
        return draft
    }

    /// A part as one line of text: its label, its prose with parameters resolved, then its sub-parts.
    static func render(_ part: OSCALPart, params: [String: OSCALParam]) -> String {
        var pieces: [String] = []
        if let label = part.label, !label.isEmpty { pieces.append(label) }
        let prose = resolveInserts(part.prose, params: params, depth: 0)
        if !prose.isEmpty { pieces.append(prose) }
        for sub in part.parts { pieces.append(render(sub, params: params)) }
        return pieces.joined(separator: " ").folded
    }

    /// Replaces `{{ insert: param, ID }}` with the parameter's text as NIST prints it:
    /// `[Assignment: label]` or `[Selection (one or more): a; b]`.
    static func resolveInserts(_ text: String, params: [String: OSCALParam], depth: Int) -> String {
        guard text.contains("{{") else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstRange(of: "{{") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstRange(of: "}}") else {
                out += rest[open.lowerBound...]
                return out
            }
            let inside = rest[open.upperBound..<close.lowerBound]
            let fields = inside.split(separator: ",").map { String($0).trimmingSpaces }
            if fields.count == 2, fields[0].replacing(" ", with: "") == "insert:param" {
                out += paramText(fields[1], params: params, depth: depth)
            } else {
                out += rest[open.lowerBound..<close.upperBound]
            }
            rest = rest[close.upperBound...]
        }
        out += rest
        return out
    }

    static func paramText(_ id: String, params: [String: OSCALParam], depth: Int) -> String {
        guard let param = params[id], depth < 8 else { return "[Assignment: \(id)]" }
        if let choices = param.choices {
            let rendered = choices.map { resolveInserts($0, params: params, depth: depth + 1).folded }
            let qualifier = param.howMany == "one-or-more" ? " (one or more)" : ""
            return "[Selection\(qualifier): \(rendered.joined(separator: "; "))]"
        }
        return "[Assignment: \((param.label ?? id).folded)]"
    }
}

