import CrosswalkAssess
import CrosswalkModel

/// `crosswalk map FRAMEWORK:ID` as text and JSON (the view itself is `RequirementMapping`, in Assess).
extension RequirementMapping {
    public func json() -> String {
        SortedJSONEncoder.string(RequirementMappingReport(self))
    }

    public func text() -> String {
        var out = "\(ref)  \(requirement.title)"
        var tags = [requirement.kind.rawValue]
        if let implementation = requirement.attribute("implementation") { tags.append(implementation) }
        out += "  [\(tags.joined(separator: ", "))]\n"
        if !requirement.description.isEmpty { out += wrap(requirement.description, indent: "  ") }
        out += "\n"
        if let responsibility {
            out += "Responsibility: \(responsibility.responsibility.rawValue)"
            if let inheritedFrom { out += " (from \(inheritedFrom))" }
            out += "\n" + wrap(responsibility.rationale, indent: "  ")
            if let id = responsibility.attestation {
                out += "  AWS attestation: \(attestationTitle ?? id)\n"
            }
        } else {
            out += "Responsibility: not mapped\n"
        }
        out += "\nAWS services:\n"
        if services.isEmpty { out += "  none mapped\n" }
        out += Table.render(
            header: nil, rows: services.map { [$0.use.service, $0.use.role.rawValue, $0.service?.name ?? ""] }, indent: "  ")
        out += "\nCustomer controls:\n"
        if controls.isEmpty { out += "  none mapped\n" }
        out += Table.render(
            header: nil,
            rows: controls.map { [$0.control.id, $0.link.relationship.rawValue, $0.control.title] }, indent: "  ")
        out += "\nRelated requirements:\n"
        if related.isEmpty { out += "  none\n" }
        out += Table.render(
            header: nil,
            rows: related.map { r in
                [
                    r.requirement.description, r.relationship.rawValue, "strength \(r.strength)",
                    r.inferred ? "inferred via \(r.path.joined(separator: ", "))" : "direct",
                    titles[r.requirement] ?? "",
                ]
            }, indent: "  ")
        if !unrelated.isEmpty {
            out += "\nReviewed, no counterpart (no-relationship):\n"
            for r in unrelated {
                out += "  \(r.requirement.description)  \(titles[r.requirement] ?? "")\n"
                if !r.note.isEmpty { out += wrap(r.note, indent: "    ") }
            }
        }
        return out
    }
}

/// Text wrapped at 100 columns with an indent, ending in a newline.
func wrap(_ text: String, indent: String, width: Int = 100) -> String {
    var out = ""
    var line = indent
    for word in text.split(separator: " ") {
        if line.count + word.count + 1 > width, line.count > indent.count {
            out += line + "\n"
            line = indent
        }
        line += (line.count > indent.count ? " " : "") + word
    }
    if line.count > indent.count { out += line + "\n" }
    return out
}
