import CrosswalkModel

/// Reads an OSCAL catalog in XML into `OSCALCatalog`. Prose markup becomes the Markdown that OSCAL
/// JSON carries for the same text, so both serialisations load to the same model.
enum OSCALXMLReader {
    static func read(_ document: XMLDocument, diagnostics: inout Diagnostics) -> OSCALCatalog? {
        let root = document.root
        guard root.name == "catalog" else {
            diagnostics.error("expected an OSCAL <catalog> root element, found <\(root.name)>", at: document.location(of: root))
            return nil
        }
        var catalog = OSCALCatalog(location: document.location(of: root))
        if let metadata = root.element(named: "metadata") {
            readMetadata(metadata, into: &catalog)
        } else {
            diagnostics.error("an OSCAL catalog needs <metadata>", at: document.location(of: root))
        }
        for child in root.elements {
            switch child.name {
            case "param": catalog.params.append(param(child))
            case "group": catalog.nodes.append(node(child, isGroup: true, document: document, diagnostics: &diagnostics))
            case "control": catalog.nodes.append(node(child, isGroup: false, document: document, diagnostics: &diagnostics))
            default: break
            }
        }
        return catalog
    }

    private static func readMetadata(_ metadata: XMLElement, into catalog: inout OSCALCatalog) {
        catalog.title = metadata.element(named: "title").map { inline($0).folded } ?? ""
        catalog.version = metadata.element(named: "version")?.textContent.folded ?? ""
        catalog.published = metadata.element(named: "published")?.textContent.folded ?? ""
        catalog.lastModified = metadata.element(named: "last-modified")?.textContent.folded ?? ""
        var names: [String: String] = [:]
        for party in metadata.elements(named: "party") {
            if let uuid = party.attribute("uuid") { names[uuid] = party.element(named: "name")?.textContent.folded }
        }
        for responsible in metadata.elements(named: "responsible-party") where responsible.attribute("role-id") == "creator" {
            let parties = responsible.elements(named: "party-uuid").compactMap { names[$0.textContent.folded] }
            if !parties.isEmpty { catalog.publisher = parties.joined(separator: "; ") }
        }
    }

    private static func param(_ element: XMLElement) -> OSCALParam {
        var p = OSCALParam(id: element.attribute("id") ?? "")
        p.label = element.element(named: "label").map { inline($0).folded }
        if let select = element.element(named: "select") {
            p.howMany = select.attribute("how-many")
            p.choices = select.elements(named: "choice").map { inline($0) }
        }
        return p
    }

    private static func node(
        _ element: XMLElement, isGroup: Bool, document: XMLDocument, diagnostics: inout Diagnostics
    ) -> OSCALNode {
        var n = OSCALNode(isGroup: isGroup, location: document.location(of: element))
        n.id = element.attribute("id")
        n.className = element.attribute("class")
        if !isGroup, (n.id ?? "").isEmpty {
            diagnostics.error("an OSCAL <control> needs an id", at: document.location(of: element))
        }
        for child in element.elements {
            switch child.name {
            case "title": n.title = inline(child).folded
            case "param": n.params.append(param(child))
            case "prop": n.props.append((child.attribute("name") ?? "", child.attribute("value") ?? ""))
            case "link": n.links.append((child.attribute("rel") ?? "", child.attribute("href") ?? ""))
            case "part": n.parts.append(part(child))
            case "group": n.children.append(node(child, isGroup: true, document: document, diagnostics: &diagnostics))
            case "control": n.children.append(node(child, isGroup: false, document: document, diagnostics: &diagnostics))
            default: break
            }
        }
        return n
    }

    private static func part(_ element: XMLElement) -> OSCALPart {
        var label: String?
        var blocks: [String] = []
        var parts: [OSCALPart] = []
        for child in element.elements {
            switch child.name {
            case "prop" where child.attribute("name") == "label": label = child.attribute("value")
            case "part": parts.append(part(child))
            case "prop", "title", "link": break
            default: blocks.append(block(child))
            }
        }
        return OSCALPart(
            name: element.attribute("name") ?? "", label: label, prose: blocks.joined(separator: " "), parts: parts)
    }

    /// A block element of OSCAL markup-multiline as Markdown.
    private static func block(_ element: XMLElement) -> String {
        switch element.name {
        case "ol", "ul":
            var n = 0
            return element.elements(named: "li").map { li -> String in
                n += 1
                return (element.name == "ol" ? "\(n). " : "- ") + inline(li)
            }.joined(separator: "\n")
        case "h1", "h2", "h3", "h4", "h5", "h6":
            let level = Int(element.name.dropFirst()) ?? 1
            return String(repeating: "#", count: level) + " " + inline(element)
        case "pre": return "```\n" + element.textContent + "\n```"
        case "blockquote": return "> " + inline(element)
        case "table":
            return element.elements(named: "tr").map { tr in
                "| " + tr.elements.map { inline($0) }.joined(separator: " | ") + " |"
            }.joined(separator: "\n")
        default: return inline(element)
        }
    }

    /// Inline markup as Markdown, with parameter insertions as `{{ insert: param, ID }}`.
    static func inline(_ element: XMLElement) -> String {
        var out: [UInt8] = []
        appendInline(element, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes an element's content as Markdown bytes, walking the document store directly.
    private static func appendInline(_ element: XMLElement, to out: inout [UInt8]) {
        element.forEachChild { child in
            switch child {
            case .text(let bytes):
                out.append(contentsOf: bytes)
            case .element(let e):
                func wrap(_ open: String, _ close: String) {
                    out.append(contentsOf: open.utf8)
                    appendInline(e, to: &out)
                    out.append(contentsOf: close.utf8)
                }
                switch e.name {
                case "insert":
                    out.append(contentsOf: "{{ insert: \(e.attribute("type") ?? "param"), \(e.attribute("id-ref") ?? "") }}".utf8)
                case "em", "i": wrap("*", "*")
                case "strong", "b": wrap("**", "**")
                case "code": wrap("`", "`")
                case "q": wrap("\"", "\"")
                case "a": wrap("[", "](" + (e.attribute("href") ?? "") + ")")
                case "sub": wrap("~", "~")
                case "sup": wrap("^", "^")
                default: appendInline(e, to: &out)
                }
            }
        }
    }
}
