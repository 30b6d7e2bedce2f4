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
        draft.requirements = nodes.map { Self.convert($0, insideControl: false, params: params, groupCounter: &groupCounter) }
        return draft
    }

    /// One group or control and its children as requirement drafts. Groups without an id are
    /// numbered `group-1`, `group-2`… in document order.
    private static func convert(
        _ node: OSCALNode, insideControl: Bool, params: [String: OSCALParam], groupCounter: inout Int
    ) -> RequirementDraft {
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
                    description.append(render(part, params: params))
                case "guidance":
                    r.attributes.append(("guidance", [render(part, params: params)]))
                default:
                    break
                }
            }
            r.description = Located(value: description.joined(separator: " "), location: node.location)
            r.children = node.children.map {
                convert($0, insideControl: insideControl || !node.isGroup, params: params, groupCounter: &groupCounter)
            }
            return r
    }

    /// A part as one line of text: its label, its prose with parameters resolved, then its sub-parts.
    static func render(_ part: OSCALPart, params: [String: OSCALParam]) -> String {
        var out = ""
        append(part, params: params, to: &out)
        return out.folded
    }

    private static func append(_ part: OSCALPart, params: [String: OSCALParam], to out: inout String) {
        // A space only between pieces: text that is already folded then passes `folded` uncopied.
        if let label = part.label, !label.isEmpty {
            if !out.isEmpty { out += " " }
            out += label
        }
        if !part.prose.isEmpty {
            if !out.isEmpty { out += " " }
            out += resolveInserts(part.prose, params: params, depth: 0)
        }
        for sub in part.parts { append(sub, params: params, to: &out) }
    }

    /// Replaces `{{ insert: param, ID }}` with the parameter's text as NIST prints it:
    /// `[Assignment: label]` or `[Selection (one or more): a; b]`. Scans UTF-8 bytes.
    static func resolveInserts(_ text: String, params: [String: OSCALParam], depth: Int) -> String {
        if text.utf8.withContiguousStorageIfAvailable({ find($0, 0x7B, 0x7B, from: 0) == nil }) == true { return text }
        let bytes = Array(text.utf8)
        guard let first = find(bytes, 0x7B, 0x7B, from: 0) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        var cursor = 0
        var open: Int? = first
        while let start = open {
            out.append(contentsOf: bytes[cursor..<start])
            guard let close = find(bytes, 0x7D, 0x7D, from: start + 2) else {
                cursor = start
                break
            }
            if let id = insertedParam(bytes[(start + 2)..<close]) {
                out.append(contentsOf: paramText(id, params: params, depth: depth).utf8)
            } else {
                out.append(contentsOf: bytes[start..<(close + 2)])
            }
            cursor = close + 2
            open = find(bytes, 0x7B, 0x7B, from: cursor)
        }
        out.append(contentsOf: bytes[cursor...])
        return String(decoding: out, as: UTF8.self)
    }

    /// The parameter id of an insertion written `insert: param, ID` (spaces optional), else nil.
    private static func insertedParam(_ inside: ArraySlice<UInt8>) -> String? {
        let compact = inside.filter { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        let prefix = Array("insert:param,".utf8)
        guard compact.count > prefix.count, compact.starts(with: prefix) else { return nil }
        return String(decoding: compact[prefix.count...], as: UTF8.self)
    }

    /// Index of the first occurrence of two bytes `a b` at or after `from`.
    private static func find<C: RandomAccessCollection<UInt8>>(_ bytes: C, _ a: UInt8, _ b: UInt8, from: Int) -> Int?
    where C.Index == Int {
        var i = from
        while i + 1 < bytes.count {
            if bytes[i] == a && bytes[i + 1] == b { return i }
            i += 1
        }
        return nil
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

