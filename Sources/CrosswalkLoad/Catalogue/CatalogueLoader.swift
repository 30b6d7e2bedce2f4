import CrosswalkModel

/// Loads one catalogue file — our format (XML or YAML) or an OSCAL catalog (XML, JSON or YAML) —
/// from bytes in memory. The format is chosen by the file extension and the root element or key.
public enum CatalogueLoader {
    /// File extensions a catalogue may have.
    public static let extensions = ["xml", "yaml", "yml", "json"]

    public static func load(_ source: SourceText) -> (framework: Framework?, diagnostics: Diagnostics) {
        var diagnostics = Diagnostics()
        var assembler = CatalogueAssembler()
        // The parsed document lives only inside `read`, so its memory is reused for the model.
        guard let draft = read(source, assembler: &assembler, diagnostics: &diagnostics) else { return (nil, diagnostics) }
        let errorsBefore = diagnostics.hasErrors
        let framework = assembler.assemble(draft, diagnostics: &diagnostics)
        return (errorsBefore ? nil : framework, diagnostics)
    }

    private static func read(
        _ source: SourceText, assembler: inout CatalogueAssembler, diagnostics: inout Diagnostics
    ) -> FrameworkDraft? {
        let draft: FrameworkDraft?
        switch fileExtension(source.path) {
        case "xml":
            let (document, parseDiagnostics) = XMLDocument.parse(source)
            diagnostics.append(contentsOf: parseDiagnostics)
            guard let document else { return nil }
            if document.root.name == "catalog" && document.root.namespace == OSCALCatalog.namespace {
                assembler.requireDescriptions = false
                assembler.strictReferences = false
                draft = OSCALXMLReader.read(document, diagnostics: &diagnostics)?.draft(fileID: fileID(source.path))
            } else {
                draft = CatalogueXMLReader.read(document, diagnostics: &diagnostics)
            }
        case "yaml", "yml", "json":
            let isJSON = fileExtension(source.path) == "json"
            let (node, parseDiagnostics) = isJSON ? JSONReader.parse(source) : YAMLReader.parse(source)
            diagnostics.append(contentsOf: parseDiagnostics)
            guard let node else { return nil }
            if node["catalog"] != nil {
                assembler.requireDescriptions = false
                assembler.strictReferences = false
                draft = OSCALTreeReader.read(node, diagnostics: &diagnostics)?.draft(fileID: fileID(source.path))
            } else if isJSON {
                diagnostics.error("a JSON catalogue must be an OSCAL catalog ({\"catalog\": …})", at: node.location)
                draft = nil
            } else {
                draft = CatalogueYAMLReader.read(node, diagnostics: &diagnostics)
            }
        default:
            diagnostics.error(
                "cannot tell the format of this file: expected one of .\(extensions.joined(separator: ", ."))",
                at: source.fileLocation)
            return nil
        }
        return draft
    }

    static func fileExtension(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: ".") else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    /// The id of a catalogue that names none itself (OSCAL): the file name, lower-cased, without extension.
    static func fileID(_ path: String) -> String {
        var name = path.split(separator: "/").last.map(String.init) ?? path
        if let dot = name.lastIndex(of: ".") { name = String(name[..<dot]) }
        return name.lowercased()
    }
}
