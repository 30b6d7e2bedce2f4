import CrosswalkModel

/// An element of a parsed XML document: a small, immutable DOM built by `XMLDocument`.
public struct XMLElement: Sendable {
    /// Local name (without prefix).
    public var name: String
    /// Namespace URI, empty when none.
    public var namespace: String
    /// Attributes in document order: local name and value.
    public var attributes: [(name: String, value: String)]
    public var children: [XMLNode]
    /// Byte offset of the element's `<` in the source.
    public var offset: Int

    public init(name: String, namespace: String, attributes: [(name: String, value: String)], offset: Int) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.children = []
        self.offset = offset
    }

    /// The value of an attribute by local name.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// Child elements in order.
    public var elements: [XMLElement] {
        children.compactMap { if case .element(let e) = $0 { return e } else { return nil } }
    }

    /// Child elements with this local name.
    public func elements(named name: String) -> [XMLElement] {
        elements.filter { $0.name == name }
    }

    /// The first child element with this local name.
    public func element(named name: String) -> XMLElement? {
        for case .element(let e) in children where e.name == name { return e }
        return nil
    }

    /// All text below this element, concatenated in document order.
    public var textContent: String {
        var out = ""
        func walk(_ nodes: [XMLNode]) {
            for node in nodes {
                switch node {
                case .text(let t): out += t
                case .element(let e): walk(e.children)
                }
            }
        }
        walk(children)
        return out
    }
}

/// A node of the XML tree: an element or a run of character data.
public enum XMLNode: Sendable {
    case element(XMLElement)
    case text(String)
}
