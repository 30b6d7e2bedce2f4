import CLibXML2
import CrosswalkModel

/// A parsed XML document. This is the only file that talks to libxml2.
///
/// Parsing is safe by construction: no network (`XML_PARSE_NONET`), no DTD loading, no entity
/// substitution, and any `DOCTYPE` is rejected at once, so XXE payloads and entity-expansion
/// ("billion laughs") documents fail fast with bounded memory. Nesting is bounded by `maxDepth`.
public struct XMLDocument: Sendable {
    public let source: SourceText
    public let root: XMLElement

    /// Deepest element nesting accepted.
    public static let maxDepth = 128

    /// Parses `source`; every problem libxml2 reports is returned as a diagnostic.
    /// Returns nil for the document when the XML is not well-formed or unsafe.
    public static func parse(_ source: SourceText) -> (document: XMLDocument?, diagnostics: Diagnostics) {
        Self.initialise
        let builder = TreeBuilder(source: source)
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = { context, localname, _, uri, _, _, attributeCount, _, attributes in
            TreeBuilder.from(context).startElement(localname, uri, Int(attributeCount), attributes)
        }
        handler.endElementNs = { context, _, _, _ in
            TreeBuilder.from(context).endElement()
        }
        handler.characters = { context, characters, length in
            TreeBuilder.from(context).characters(characters, Int(length))
        }
        handler.cdataBlock = { context, characters, length in
            TreeBuilder.from(context).characters(characters, Int(length))
        }
        handler.internalSubset = { context, _, _, _ in
            TreeBuilder.from(context).refuse(
                "DOCTYPE declarations are not allowed: Crosswalk never reads DTDs or entities (XXE, entity expansion)")
        }
        handler.entityDecl = { context, name, _, _, _, _ in
            let entity = name.map { String(cString: $0) } ?? "?"
            TreeBuilder.from(context).refuse("entity declaration '\(entity)' is not allowed")
        }
        handler.resolveEntity = { _, _, _ in nil }
        handler.serror = { context, error in
            guard let context, let error else { return }
            TreeBuilder.from(context).libxmlError(error.pointee)
        }

        let unmanaged = Unmanaged.passRetained(builder)
        defer { unmanaged.release() }
        guard let ctxt = xmlCreatePushParserCtxt(&handler, unmanaged.toOpaque(), nil, 0, source.path) else {
            var d = Diagnostics()
            d.error("cannot create an XML parser", at: source.fileLocation)
            return (nil, d)
        }
        defer { xmlFreeParserCtxt(ctxt) }
        builder.context = ctxt
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue)
        _ = xmlCtxtUseOptions(ctxt, options)

        source.bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                _ = xmlParseChunk(ctxt, chars.baseAddress, Int32(chars.count), 1)
            }
        }
        let wellFormed = ctxt.pointee.wellFormed != 0 && !builder.diagnostics.hasErrors
        guard wellFormed, let root = builder.root else {
            var d = builder.diagnostics
            if !d.hasErrors { d.error("the document has no root element", at: source.fileLocation) }
            return (nil, d)
        }
        return (XMLDocument(source: source, root: root), builder.diagnostics)
    }

    /// The location of an element's start tag.
    public func location(of element: XMLElement) -> SourceLocation {
        source.location(atOffset: tagStart(element))
    }

    /// Byte offset of the element's `<`: the parser recorded where it stood after the start tag's
    /// attributes; step back to the last `<` (attribute values cannot hold one).
    func tagStart(_ element: XMLElement) -> Int {
        let bytes = source.bytes
        var offset = element.offset
        if offset < 0 || offset > bytes.count { offset = bytes.count }
        var i = min(offset, bytes.count - 1)
        while i > 0, bytes[i] != UInt8(ascii: "<") { i -= 1 }
        return i
    }

    /// The location of an attribute inside an element's start tag (the tag's location if not found).
    public func location(ofAttribute name: String, in element: XMLElement) -> SourceLocation {
        let bytes = source.bytes
        let needle = Array(name.utf8)
        var i = tagStart(element) + 1
        while i < bytes.count, bytes[i] != UInt8(ascii: ">") {
            if bytes[i] == UInt8(ascii: " ") || bytes[i] == 0x0A || bytes[i] == 0x09 || bytes[i] == 0x0D {
                let start = i + 1
                if start + needle.count <= bytes.count, Array(bytes[start..<start + needle.count]) == needle {
                    var j = start + needle.count
                    while j < bytes.count, bytes[j] == UInt8(ascii: " ") { j += 1 }
                    if j < bytes.count, bytes[j] == UInt8(ascii: "=") { return source.location(atOffset: start) }
                }
            } else if bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") {
                let quote = bytes[i]
                i += 1
                while i < bytes.count, bytes[i] != quote { i += 1 }
            }
            i += 1
        }
        return location(of: element)
    }

    private static let initialise: Void = { xmlInitParser() }()
}

/// Builds the element tree from SAX2 callbacks. libxml2 calls back on the parsing thread only.
private final class TreeBuilder: @unchecked Sendable {
    let source: SourceText
    @exclusivity(unchecked) var context: xmlParserCtxtPtr?
    let store = XMLStore()
    /// Indices of the open elements.
    @exclusivity(unchecked) var stack: [Int32] = []
    @exclusivity(unchecked) var root: XMLElement?
    @exclusivity(unchecked) var diagnostics = Diagnostics()
    @exclusivity(unchecked) var stopped = false
    /// libxml2 interns element and attribute names in its dictionary: one name id per pointer.
    @exclusivity(unchecked) var names: [UnsafeRawPointer: Int32] = [:]

    init(source: SourceText) {
        self.source = source
        // About one node per 24 bytes of markup; text and attribute values never exceed the source
        // (only the predefined entities are expanded, and they shrink), so `text` never regrows.
        let estimate = source.bytes.count / 24
        for keyPath in [\XMLStore.nodeName, \.nodeNamespace, \.firstChild, \.nextSibling, \.lastChild, \.start, \.extra,
                        \.attributeCount] {
            store[keyPath: keyPath].reserveCapacity(estimate)
        }
        store.text.reserveCapacity(source.bytes.count)
    }

    static func from(_ context: UnsafeMutableRawPointer?) -> TreeBuilder {
        Unmanaged<TreeBuilder>.fromOpaque(context!).takeUnretainedValue()
    }

    /// A small direct-mapped cache in front of `names`: the same few names recur all the time.
    @exclusivity(unchecked) var recent = [(UnsafeRawPointer?, Int32)](repeating: (nil, 0), count: 64)

    func nameID(_ pointer: UnsafePointer<xmlChar>?) -> Int32 {
        guard let pointer else { return 0 }
        let key = UnsafeRawPointer(pointer)
        let slot = Int((UInt(bitPattern: key) >> 4) & 63)
        if recent[slot].0 == key { return recent[slot].1 }
        if let known = names[key] {
            recent[slot] = (key, known)
            return known
        }
        let id = store.intern(String(cString: pointer))
        names[key] = id
        return id
    }

    /// Where libxml2 stands when it reports a start tag: just past its attributes. The element's
    /// `<` is found from there only when a location is asked for (`XMLDocument.tagStart`).
    func consumedOffset() -> Int {
        guard let context else { return 0 }
        return Int(xmlByteConsumed(context))
    }

    func currentLocation() -> SourceLocation {
        guard let context else { return source.fileLocation }
        return SourceLocation(
            file: source.path, line: Int(xmlSAX2GetLineNumber(context)), column: Int(xmlSAX2GetColumnNumber(context)))
    }

    /// Appends a new node as the last child of the open element.
    func appendNode(name: Int32, namespace: Int32, start: Int32, extra: Int32, attributes: Int32) -> Int32 {
        let node = Int32(store.nodeName.count)
        store.nodeName.append(name)
        store.nodeNamespace.append(namespace)
        store.firstChild.append(-1)
        store.nextSibling.append(-1)
        store.lastChild.append(-1)
        store.start.append(start)
        store.extra.append(extra)
        store.attributeCount.append(attributes)
        if let parent = stack.last.map(Int.init) {
            let last = store.lastChild[parent]
            if last >= 0 { store.nextSibling[Int(last)] = node } else { store.firstChild[parent] = node }
            store.lastChild[parent] = node
        }
        return node
    }

    func startElement(
        _ localname: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?, _ attributeCount: Int,
        _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        guard !stopped else { return }
        if stack.count >= XMLDocument.maxDepth {
            refuse("elements are nested more than \(XMLDocument.maxDepth) deep")
            return
        }
        let firstAttribute = Int32(store.attributeName.count)
        var count: Int32 = 0
        if let attributes, attributeCount > 0 {
            for i in 0..<attributeCount {
                let base = i * 5
                guard let name = attributes[base], let start = attributes[base + 3], let end = attributes[base + 4]
                else { continue }
                store.attributeName.append(nameID(name))
                store.attributeValueStart.append(Int32(store.text.count))
                store.attributeValueLength.append(Int32(end - start))
                store.text.append(contentsOf: UnsafeBufferPointer(start: start, count: end - start))
                count += 1
            }
        }
        let node = appendNode(
            name: nameID(localname), namespace: nameID(uri), start: Int32(truncatingIfNeeded: consumedOffset()), extra: firstAttribute,
            attributes: count)
        stack.append(node)
    }

    func endElement() {
        guard !stopped, let node = stack.popLast() else { return }
        if stack.isEmpty { root = XMLElement(store: store, index: node) }
    }

    func characters(_ characters: UnsafePointer<xmlChar>?, _ length: Int) {
        guard !stopped, let characters, length > 0, let parent = stack.last else { return }
        let last = store.lastChild[Int(parent)]
        // libxml2 may report one run of text in several calls: extend the previous run.
        if last >= 0, store.nodeName[Int(last)] < 0,
            Int(store.start[Int(last)] + store.extra[Int(last)]) == store.text.count
        {
            store.extra[Int(last)] += Int32(length)
        } else {
            _ = appendNode(name: -1, namespace: -1, start: Int32(store.text.count), extra: Int32(length), attributes: 0)
        }
        store.text.append(contentsOf: UnsafeBufferPointer(start: characters, count: length))
    }

    /// Records an error and stops the parser at once.
    func refuse(_ message: String) {
        guard !stopped else { return }
        diagnostics.error(message, at: currentLocation())
        stopped = true
        if let context { xmlStopParser(context) }
    }

    func libxmlError(_ error: xmlError) {
        // After we stopped the parser, libxml2 reports its own "parser stopped" errors: ours says why.
        if stopped { return }
        var message = error.message.map { String(cString: $0) } ?? "XML error"
        while message.last?.isWhitespace == true { message.removeLast() }
        let location = SourceLocation(file: source.path, line: Int(error.line), column: Int(error.int2))
        if error.level == XML_ERR_WARNING {
            diagnostics.warning(message, at: location)
        } else {
            diagnostics.error(message, at: location)
        }
    }
}
