import CrosswalkAssess
import CrosswalkModel

/// `crosswalk controls`, `crosswalk services` and `crosswalk validate --coverage`.
public enum MappingListRender {
    // MARK: - Controls

    /// One row per control: id, frequency, owner, how many requirements it maps per framework, title.
    public static func controlsText(_ controls: [CustomerControl], frameworks: [String]) -> String {
        let rows = controls.sorted { $0.id < $1.id }.map { control -> [String] in
            let counts = frameworks.map { fw in String(control.satisfies.filter { $0.requirement.framework == fw }.count) }
            return [control.id, control.frequency.rawValue, control.owner] + counts + [control.title]
        }
        return Table.render(
            header: ["ID", "FREQUENCY", "OWNER"] + frameworks.map { $0.uppercased() } + ["TITLE"], rows: rows,
            rightAligned: Set(3..<(3 + frameworks.count)))
            + counted(controls.count, "control") + "\n"
    }

    public static func controlsJSON(_ controls: [CustomerControl]) -> String {
        var w = JSONWriter()
        w.beginArray()
        for control in controls.sorted(by: { $0.id < $1.id }) {
            w.beginObject()
            w.field("id", control.id)
            w.field("title", control.title)
            w.field("statement", control.statement)
            w.field("owner", control.owner)
            w.field("frequency", control.frequency.rawValue)
            w.key("evidence")
            w.beginArray()
            for e in control.evidence {
                w.beginObject()
                w.field("kind", e.kind.rawValue)
                w.field("description", e.description)
                w.endObject()
            }
            w.endArray()
            w.key("automation")
            w.beginObject()
            w.field("prowler", control.prowlerChecks)
            w.field("configRules", control.configRules)
            w.endObject()
            w.field("services", control.services)
            w.key("satisfies")
            w.beginArray()
            for link in control.satisfies.sorted(by: { $0.requirement < $1.requirement }) {
                w.beginObject()
                w.field("framework", link.requirement.framework)
                w.field("id", link.requirement.id)
                w.field("relationship", link.relationship.rawValue)
                w.field("rationale", link.rationale.rawValue)
                w.field("note", link.note)
                w.endObject()
            }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        return w.string
    }

    // MARK: - Services

    public static func servicesText(_ services: [AWSService]) -> String {
        let rows = services.sorted { ($0.category.rawValue, $0.id) < ($1.category.rawValue, $1.id) }.map {
            [$0.id, $0.category.rawValue, $0.prowler.joined(separator: ","), $0.name]
        }
        return Table.render(header: ["ID", "CATEGORY", "PROWLER", "NAME"], rows: rows) + counted(services.count, "service") + "\n"
    }

    public static func servicesJSON(_ services: [AWSService]) -> String {
        var w = JSONWriter()
        w.beginArray()
        for s in services.sorted(by: { $0.id < $1.id }) {
            w.beginObject()
            w.field("id", s.id)
            w.field("name", s.name)
            w.field("category", s.category.rawValue)
            w.field("contributes", s.contributes)
            w.field("prowler", s.prowler)
            w.endObject()
        }
        w.endArray()
        return w.string
    }

    // MARK: - Coverage

    public static func coverageText(_ coverage: [FrameworkCoverage]) -> String {
        func cell(_ part: Int, _ whole: Int) -> String {
            let pct = whole == 0 ? 100 : (Double(part) * 1000 / Double(whole)).rounded() / 10
            return "\(part)/\(whole) (\(pct)%)"
        }
        let rows = coverage.map { c in
            [
                c.framework, String(c.requirements), cell(c.withResponsibility, c.requirements),
                cell(c.withServices, c.requirements), cell(c.withControls, c.requirements),
                cell(c.withCrosswalkLinks, c.requirements),
                cell(c.coveredByControls + c.listedNotCovered, c.customerOrShared), String(c.listedNotCovered),
            ]
        }
        var out = Table.render(
            header: [
                "FRAMEWORK", "REQUIREMENTS", "RESPONSIBILITY", "AWS SERVICES", "CONTROLS", "CROSSWALK LINKS",
                "CUSTOMER/SHARED COVERED OR LISTED", "LISTED NOT COVERED",
            ], rows: rows, rightAligned: [1])
        for c in coverage where !c.withoutResponsibility.isEmpty {
            out += "\(c.framework): no responsibility: \(c.withoutResponsibility.joined(separator: ", "))\n"
        }
        for c in coverage where !c.uncovered.isEmpty {
            out += "\(c.framework): customer/shared but neither covered by a control nor listed: \(c.uncovered.joined(separator: ", "))\n"
        }
        return out
    }

    /// Per customer control: how many of the requirements it meets are the customer's, shared or
    /// AWS's, and which are AWS's (those are warned about: a customer control cannot meet them).
    public static func controlResponsibilityText(_ rows: [ControlResponsibility]) -> String {
        let table = rows.map { r in
            [
                r.control, String(r.customer.count), String(r.shared.count), String(r.aws.count),
                r.aws.isEmpty ? "-" : r.aws.map(\.description).joined(separator: ", "),
            ]
        }
        let flagged = rows.filter(\.meetsAWSRequirements).count
        return Table.render(
            header: ["CONTROL", "CUSTOMER", "SHARED", "AWS", "AWS REQUIREMENTS MET"], rows: table,
            rightAligned: [1, 2, 3])
            + "\(rows.count) controls; \(flagged) meet requirements that are AWS's alone\n"
    }

    /// `validate --coverage --format json`: the framework figures and, per control, the requirements
    /// it meets by responsibility.
    public static func coverageJSON(_ coverage: [FrameworkCoverage], controls: [ControlResponsibility]) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.key("frameworks")
        write(coverage, to: &w)
        w.key("controls")
        w.beginArray()
        for r in controls {
            w.beginObject()
            w.field("control", r.control)
            w.field("customer", r.customer.map(\.description))
            w.field("shared", r.shared.map(\.description))
            w.field("aws", r.aws.map(\.description))
            w.field("unassigned", r.unassigned.map(\.description))
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.string
    }

    public static func coverageJSON(_ coverage: [FrameworkCoverage]) -> String {
        var w = JSONWriter()
        write(coverage, to: &w)
        return w.string
    }

    private static func write(_ coverage: [FrameworkCoverage], to w: inout JSONWriter) {
        w.beginArray()
        for c in coverage {
            w.beginObject()
            w.field("framework", c.framework)
            w.field("requirements", c.requirements)
            w.field("withResponsibility", c.withResponsibility)
            w.field("withServices", c.withServices)
            w.field("withControls", c.withControls)
            w.field("withCrosswalkLinks", c.withCrosswalkLinks)
            w.field("customerOrShared", c.customerOrShared)
            w.field("coveredByControls", c.coveredByControls)
            w.field("listedNotCovered", c.listedNotCovered)
            w.field("responsibilityPercent", c.percent(c.withResponsibility))
            w.field("uncovered", c.uncovered)
            w.field("withoutResponsibility", c.withoutResponsibility)
            w.endObject()
        }
        w.endArray()
    }
}
