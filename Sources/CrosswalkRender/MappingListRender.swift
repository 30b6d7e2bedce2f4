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
        SortedJSONEncoder.string(controls.sorted { $0.id < $1.id }.map(ControlReport.init))
    }

    // MARK: - Services

    public static func servicesText(_ services: [AWSService]) -> String {
        let rows = services.sorted { ($0.category.rawValue, $0.id) < ($1.category.rawValue, $1.id) }.map {
            [$0.id, $0.category.rawValue, $0.prowler.joined(separator: ","), $0.name]
        }
        return Table.render(header: ["ID", "CATEGORY", "PROWLER", "NAME"], rows: rows) + counted(services.count, "service") + "\n"
    }

    public static func servicesJSON(_ services: [AWSService]) -> String {
        SortedJSONEncoder.string(services.sorted { $0.id < $1.id }.map(ServiceReport.init))
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
        SortedJSONEncoder.string(CoverageReport(coverage, controls: controls))
    }

    public static func coverageJSON(_ coverage: [FrameworkCoverage]) -> String {
        SortedJSONEncoder.string(coverage.map(FrameworkCoverageReport.init))
    }
}
