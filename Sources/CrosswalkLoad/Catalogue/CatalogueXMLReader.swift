import CrosswalkModel

/// Reads our catalogue format in its XML form (docs/formats.md, docs/schema/catalogue.xsd).
enum CatalogueXMLReader {
    static let namespace = "urn:x-crosswalk:catalogue:1"
    static let frameworkFields = ["title", "version", "publisher", "published", "source", "licence", "description"]
    static let requirementElements = ["title", "description", "attribute", "reference", "requirement"]

    static func read(_ document: XMLDocument, diagnostics: inout Diagnostics) -> FrameworkDraft? {
        let root = document.root
        guard root.name == "catalogue" else {
            diagnostics.error("expected a <catalogue> root element, found <\(root.name)>", at: document.location(of: root))
            return nil
        }
        if root.namespace != namespace {
            diagnostics.error(
                "the <catalogue> element must be in the namespace \(namespace) (found '\(root.namespace)')",
                at: document.location(of: root))
        }
        var draft = FrameworkDraft(location: document.location(of: root))
        var sawFramework = false
        for element in root.elements {
            switch element.name {
            case "framework":
                if sawFramework {
                    diagnostics.error("a catalogue has one <framework> element", at: document.location(of: element))
                    continue
                }
                sawFramework = true
                readFramework(element, into: &draft, document: document, diagnostics: &diagnostics)
            case "requirement":
                draft.requirements.append(readRequirement(element, document: document, diagnostics: &diagnostics))
            default:
                diagnostics.error(
                    Messages.unknownElement(element.name, in: "<catalogue>", known: ["framework", "requirement"]),
                    at: document.location(of: element))
            }
        }
        if !sawFramework {
            diagnostics.error("the catalogue has no <framework> element", at: document.location(of: root))
        }
        return draft
    }

    /// The element's text, white space folded.
    private static func located(_ element: XMLElement, _ document: XMLDocument) -> Located {
        Located(value: element.textContent.folded, location: document.location(of: element))
    }

    private static func locatedAttribute(_ name: String, _ element: XMLElement, _ document: XMLDocument) -> Located? {
        element.attribute(name).map { Located(value: $0, location: document.location(ofAttribute: name, in: element)) }
    }

    private static func checkAttributes(
        _ element: XMLElement, allowed: [String], document: XMLDocument, diagnostics: inout Diagnostics
    ) {
        for attribute in element.attributes where !allowed.contains(attribute.name) {
            diagnostics.error(
                Messages.unknownAttribute(attribute.name, on: element.name, known: allowed),
                at: document.location(ofAttribute: attribute.name, in: element))
        }
    }

    private static func readFramework(
        _ element: XMLElement, into draft: inout FrameworkDraft, document: XMLDocument, diagnostics: inout Diagnostics
    ) {
        draft.location = document.location(of: element)
        checkAttributes(element, allowed: ["id", "kind"], document: document, diagnostics: &diagnostics)
        draft.id = locatedAttribute("id", element, document)
        draft.kind = locatedAttribute("kind", element, document)
        for child in element.elements {
            let value = located(child, document)
            switch child.name {
            case "title": draft.title = value
            case "version": draft.version = value
            case "publisher": draft.publisher = value
            case "published": draft.published = value
            case "source": draft.source = value
            case "licence": draft.licence = value
            case "description": draft.description = value
            default:
                diagnostics.error(
                    Messages.unknownElement(child.name, in: "<framework>", known: frameworkFields),
                    at: document.location(of: child))
            }
        }
    }

    private static func readRequirement(
        _ element: XMLElement, document: XMLDocument, diagnostics: inout Diagnostics
    ) -> RequirementDraft {
        var draft = RequirementDraft(location: document.location(of: element))
        checkAttributes(element, allowed: ["id", "kind", "parent"], document: document, diagnostics: &diagnostics)
        draft.id = locatedAttribute("id", element, document)
        draft.kind = locatedAttribute("kind", element, document)
        draft.parent = locatedAttribute("parent", element, document)
        for child in element.elements {
            switch child.name {
            case "title": draft.title = located(child, document)
            case "description": draft.description = located(child, document)
            case "attribute":
                checkAttributes(child, allowed: ["name"], document: document, diagnostics: &diagnostics)
                if let name = child.attribute("name"), !name.isEmpty {
                    draft.attributes.append((name, [child.textContent.folded]))
                } else {
                    diagnostics.error("an <attribute> has no name", at: document.location(of: child))
                }
            case "reference":
                checkAttributes(child, allowed: ["ref"], document: document, diagnostics: &diagnostics)
                if let ref = locatedAttribute("ref", child, document) {
                    draft.references.append(ref)
                } else {
                    diagnostics.error("a <reference> has no ref", at: document.location(of: child))
                }
            case "requirement":
                draft.children.append(readRequirement(child, document: document, diagnostics: &diagnostics))
            default:
                diagnostics.error(
                    Messages.unknownElement(child.name, in: "<requirement>", known: requirementElements),
                    at: document.location(of: child))
            }
        }
        return draft
    }
}
