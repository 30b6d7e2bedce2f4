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
        source.location(atOffset: element.offset)
    }

    /// The location of an attribute inside an element's start tag (the tag's location if not found).
    public func location(ofAttribute name: String, in element: XMLElement) -> SourceLocation {
        let bytes = source.bytes
        let needle = Array(name.utf8)
        var i = element.offset + 1
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
    var context: xmlParserCtxtPtr?
    var stack: [XMLElement] = []
    var root: XMLElement?
    var diagnostics = Diagnostics()
    var stopped = false
    /// Character data waiting to be appended to the current element.
    var pendingText: [UInt8] = []
    /// libxml2 interns element and attribute names in its dictionary: one Swift string per pointer.
    var names: [UnsafeRawPointer: String] = [:]
    /// White space between elements is kept as one shared space (it only ever folds to a space).
    static let space = " "

    func name(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        let key = UnsafeRawPointer(pointer)
        if let known = names[key] { return known }
        let made = String(cString: pointer)
        names[key] = made
        return made
    }

    init(source: SourceText) { self.source = source }

    static func from(_ context: UnsafeMutableRawPointer?) -> TreeBuilder {
        Unmanaged<TreeBuilder>.fromOpaque(context!).takeUnretainedValue()
    }

    /// Byte offset of the `<` that opened the element being reported: libxml2 stands just past the
    /// start tag's attributes when it calls back, so step back to the last `<`.
    func startOffset() -> Int {
        guard let context else { return 0 }
        var offset = Int(xmlByteConsumed(context))
        let bytes = source.bytes
        if offset < 0 || offset > bytes.count { offset = bytes.count }
        var i = min(offset, bytes.count - 1)
        while i > 0, bytes[i] != UInt8(ascii: "<") { i -= 1 }
        return i
    }

    func currentLocation() -> SourceLocation {
        guard let context else { return source.fileLocation }
        return SourceLocation(
            file: source.path, line: Int(xmlSAX2GetLineNumber(context)), column: Int(xmlSAX2GetColumnNumber(context)))
    }

    func flushText() {
        guard !pendingText.isEmpty, !stack.isEmpty else { pendingText.removeAll(keepingCapacity: true); return }
        let blank = pendingText.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }
        let text = blank ? Self.space : String(decoding: pendingText, as: UTF8.self)
        pendingText.removeAll(keepingCapacity: true)
        stack[stack.count - 1].children.append(.text(text))
    }

    func startElement(
        _ localname: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?, _ attributeCount: Int,
        _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        guard !stopped else { return }
        flushText()
        if stack.count >= XMLDocument.maxDepth {
            refuse("elements are nested more than \(XMLDocument.maxDepth) deep")
            return
        }
        var attrs: [(name: String, value: String)] = []
        if let attributes, attributeCount > 0 {
            attrs.reserveCapacity(attributeCount)
            for i in 0..<attributeCount {
                let base = i * 5
                guard let name = attributes[base], let start = attributes[base + 3], let end = attributes[base + 4]
                else { continue }
                let value = String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
                attrs.append((self.name(name), value))
            }
        }
        stack.append(XMLElement(name: name(localname), namespace: name(uri), attributes: attrs, offset: startOffset()))
    }

    func endElement() {
        guard !stopped, !stack.isEmpty else { return }
        flushText()
        let element = stack.removeLast()
        if stack.isEmpty {
            root = element
        } else {
            stack[stack.count - 1].children.append(.element(element))
        }
    }

    func characters(_ characters: UnsafePointer<xmlChar>?, _ length: Int) {
        guard !stopped, let characters, length > 0, !stack.isEmpty else { return }
        pendingText.append(contentsOf: UnsafeBufferPointer(start: characters, count: length))
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
