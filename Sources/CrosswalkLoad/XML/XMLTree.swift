import CrosswalkModel

/// The nodes of one parsed XML document, stored flat: one array per field, element and attribute
/// names interned, all character data in one byte buffer. Built once by `XMLDocument.parse`,
/// immutable afterwards; `XMLElement` values are cheap views into it. A large catalogue parses into
/// a few arrays instead of one heap object per element, text run and attribute.
///
/// Properties skip dynamic exclusivity checks: the store is written only by the parser's callbacks
/// on one thread, then only read (measured: the checks cost a sixth of the load time).
public final class XMLStore: @unchecked Sendable {
    /// Interned element and attribute names and namespace URIs.
    @exclusivity(unchecked) var names: [String] = [""]
    @exclusivity(unchecked) var nameIndex: [String: Int32] = ["": 0]

    // Per node. A node is an element (name >= 0) or a run of character data (name == -1).
    @exclusivity(unchecked) var nodeName: [Int32] = []
    @exclusivity(unchecked) var nodeNamespace: [Int32] = []
    @exclusivity(unchecked) var firstChild: [Int32] = []
    @exclusivity(unchecked) var nextSibling: [Int32] = []
    @exclusivity(unchecked) var lastChild: [Int32] = []
    /// Elements: where the parser stood after the start tag (the `<` is found from there when a
    /// location is needed). Text runs: start in `text`.
    @exclusivity(unchecked) var start: [Int32] = []
    /// Elements: index of the first attribute. Text runs: length in `text`.
    @exclusivity(unchecked) var extra: [Int32] = []
    @exclusivity(unchecked) var attributeCount: [Int32] = []

    // Per attribute.
    @exclusivity(unchecked) var attributeName: [Int32] = []
    @exclusivity(unchecked) var attributeValueStart: [Int32] = []
    @exclusivity(unchecked) var attributeValueLength: [Int32] = []

    /// All character data and attribute values, UTF-8.
    @exclusivity(unchecked) var text: [UInt8] = []

    init() {}

    func intern(_ name: String) -> Int32 {
        if let known = nameIndex[name] { return known }
        names.append(name)
        let id = Int32(names.count - 1)
        nameIndex[name] = id
        return id
    }

    func string(_ start: Int32, _ length: Int32) -> String {
        text.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[Int(start)..<Int(start + length)]), as: UTF8.self)
        }
    }
}

/// An element of a parsed XML document: a view into its `XMLStore`.
public struct XMLElement: Sendable {
    let store: XMLStore
    let index: Int32

    /// Local name (without prefix).
    public var name: String { store.names[Int(store.nodeName[Int(index)])] }
    /// Namespace URI, empty when none.
    public var namespace: String { store.names[Int(store.nodeNamespace[Int(index)])] }
    /// Where the parser stood after the start tag's attributes (see `XMLDocument.location(of:)`).
    public var offset: Int { Int(store.start[Int(index)]) }

    /// Attributes in document order: local name and value.
    public var attributes: [(name: String, value: String)] {
        let first = Int(store.extra[Int(index)])
        let count = Int(store.attributeCount[Int(index)])
        return (first..<first + count).map {
            (store.names[Int(store.attributeName[$0])], store.string(store.attributeValueStart[$0], store.attributeValueLength[$0]))
        }
    }

    /// The value of an attribute by local name.
    public func attribute(_ name: String) -> String? {
        let first = Int(store.extra[Int(index)])
        for a in first..<first + Int(store.attributeCount[Int(index)]) where store.names[Int(store.attributeName[a])] == name {
            return store.string(store.attributeValueStart[a], store.attributeValueLength[a])
        }
        return nil
    }

    /// Child nodes in order (text runs become strings here, on demand).
    public var children: [XMLNode] {
        var out: [XMLNode] = []
        var child = store.firstChild[Int(index)]
        while child >= 0 {
            let c = Int(child)
            if store.nodeName[c] < 0 {
                out.append(.text(store.string(store.start[c], store.extra[c])))
            } else {
                out.append(.element(XMLElement(store: store, index: child)))
            }
            child = store.nextSibling[c]
        }
        return out
    }

    /// A child as seen by `forEachChild`: an element, or a run of text as UTF-8 bytes.
    public enum Child {
        case element(XMLElement)
        case text(ArraySlice<UInt8>)
    }

    /// Calls `body` for each child in order, without building an array or strings.
    public func forEachChild(_ body: (Child) -> Void) {
        var child = store.firstChild[Int(index)]
        while child >= 0 {
            let c = Int(child)
            if store.nodeName[c] < 0 {
                let s = Int(store.start[c])
                body(.text(store.text[s..<s + Int(store.extra[c])]))
            } else {
                body(.element(XMLElement(store: store, index: child)))
            }
            child = store.nextSibling[c]
        }
    }

    /// Child elements in order.
    public var elements: [XMLElement] {
        var out: [XMLElement] = []
        var child = store.firstChild[Int(index)]
        while child >= 0 {
            if store.nodeName[Int(child)] >= 0 { out.append(XMLElement(store: store, index: child)) }
            child = store.nextSibling[Int(child)]
        }
        return out
    }

    /// Child elements with this local name.
    public func elements(named name: String) -> [XMLElement] {
        var out: [XMLElement] = []
        var child = store.firstChild[Int(index)]
        while child >= 0 {
            let id = store.nodeName[Int(child)]
            if id >= 0, store.names[Int(id)] == name { out.append(XMLElement(store: store, index: child)) }
            child = store.nextSibling[Int(child)]
        }
        return out
    }

    /// The first child element with this local name.
    public func element(named name: String) -> XMLElement? {
        var child = store.firstChild[Int(index)]
        while child >= 0 {
            let id = store.nodeName[Int(child)]
            if id >= 0, store.names[Int(id)] == name { return XMLElement(store: store, index: child) }
            child = store.nextSibling[Int(child)]
        }
        return nil
    }

    /// All text below this element, concatenated in document order.
    public var textContent: String {
        var bytes: [UInt8] = []
        func walk(_ node: Int32) {
            var child = store.firstChild[Int(node)]
            while child >= 0 {
                let c = Int(child)
                if store.nodeName[c] < 0 {
                    let s = Int(store.start[c])
                    bytes.append(contentsOf: store.text[s..<s + Int(store.extra[c])])
                } else {
                    walk(child)
                }
                child = store.nextSibling[c]
            }
        }
        walk(index)
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A node of the XML tree: an element or a run of character data.
public enum XMLNode: Sendable {
    case element(XMLElement)
    case text(String)
}
