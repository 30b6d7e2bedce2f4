import CrosswalkAssess
import CrosswalkModel

/// The gap report as JSON (one object per requirement) and as a Markdown document shaped like an
/// audit report: cover, summary with figures, scope and shared responsibility, the per-requirement
/// table, gaps with remediation, the evidence index and the method.
public enum GapReportRender {
    public static func json(_ a: Assessment, index: MappingIndex) -> String {
        SortedJSONEncoder.string(GapReportModel(a), capacity: 1 << 20)
    }

    static func cell(_ s: String) -> String { s.replacing("|", with: "\\|").replacing("\n", with: " ") }

    /// A document id that depends only on the inputs: framework, organisation and as-of date.
    public static func documentID(_ a: Assessment) -> String {
        "CW-\(a.framework.id.uppercased())-\(a.asOf.replacing("-", with: ""))"
    }

    public static func markdown(_ a: Assessment, index: MappingIndex, evidence: [EvidenceItem]) -> String {
        document(a, index: index, evidence: evidence).markdown()
    }

    public static func html(_ a: Assessment, index: MappingIndex, evidence: [EvidenceItem]) -> String {
        document(a, index: index, evidence: evidence).html()
    }

    /// The report's content, shared by every format.
    public static func document(_ a: Assessment, index: MappingIndex, evidence: [EvidenceItem]) -> ReportDocument {
        let fw = a.framework
        var doc = ReportDocument(title: "\(fw.title) — gap assessment — \(a.scope.organisation)", classification: "CONFIDENTIAL")
        doc.heading(1, fw.title)
        doc.heading(2, "Gap assessment — \(a.scope.organisation)")
        doc.table(
            ["", ""],
            [
                ["Organisation", a.scope.organisation], ["Framework", "\(fw.title) (\(fw.version))"],
                ["Audit period", "\(a.scope.periodStart) to \(a.scope.periodEnd)"], ["As of", a.asOf], ["Document", documentID(a)],
                ["Classification", "CONFIDENTIAL"],
            ])
        doc.heading(2, "Contents")
        doc.numbered(["Executive summary", "Scope and shared responsibility", "Requirements", "Gaps and remediation", "Evidence index", "Method and sources"])

        doc.heading(2, "1. Executive summary", id: "summary")
        doc.paragraph(.text("Coverage (met or inherited; partly met counts half) is "), .strong("\(a.coverage)%"), .text(" of the applicable, assessed requirements."))
        let counts = a.counts
        doc.table(
            DataTable(
                columns: [.init("Status"), .init("Requirements", align: .right)],
                rows: RequirementStatus.allCases.map { [.status(.requirement($0)), .number(counts[$0] ?? 0)] }))
        doc.table(
            ["Group", "Coverage", "Met", "Partly met", "Gap", "Inherited", "Not applicable", "Not assessed"],
            a.groupCoverage.map { g in
                var figure = "—"
                if let c = g.coverage {
                    figure = String(repeating: "█", count: Int(c / 10)) + String(repeating: "░", count: 10 - Int(c / 10)) + "\u{00A0}\(c)%"
                }
                return ["\(g.id) \(g.title)", figure] + [RequirementStatus.met, .partiallyMet, .gap, .inherited, .notApplicable, .notAssessed].map { String(g.counts[$0] ?? 0) }
            }, align: [.left, .left, .right, .right, .right, .right, .right, .right])

        doc.heading(2, "2. Scope and shared responsibility", id: "scope")
        var scopeText = "Frameworks in scope: \(a.scope.frameworks.joined(separator: ", ")). "
        if !fw.scopeCategories.isEmpty { scopeText += "SOC 2 categories in scope: \(a.scope.soc2Categories.joined(separator: ", ")). " }
        scopeText += "Under the AWS shared responsibility model AWS secures the cloud and the organisation secures what it builds in it."
        doc.paragraph(.text(scopeText))
        var parties: [Responsibility: Int] = [:]
        for r in a.requirements where r.isAssessable { if let p = r.responsibility { parties[p, default: 0] += 1 } }
        doc.table(["Responsibility", "Requirements"], Responsibility.allCases.map { [$0.rawValue, String(parties[$0] ?? 0)] }, align: [.left, .right])
        let complementary = Set(a.requirements.filter { $0.responsibility == .shared }.flatMap(\.controls)).sorted { $0.naturallyPrecedes($1) }
        doc.paragraph(.text("Complementary customer controls for the shared requirements: \(complementary.joined(separator: ", "))."))

        doc.heading(2, "3. Requirements", id: "requirements")
        doc.table(
            DataTable(
                columns: ["Requirement", "Title", "Responsibility", "Controls", "Evidence", "Status", "Reasons"].map { .init($0) },
                rows: a.requirements.filter(\.isAssessable).map { r in
                    let reasons = r.status == .met ? "" : Reason.summary(r.reasons)
                    return [
                        .text(r.id), .text(r.title), .text(r.responsibility?.rawValue ?? ""),
                        .text(r.controls.prefix(4).joined(separator: " ") + (r.controls.count > 4 ? " +\(r.controls.count - 4)" : "")),
                        .text(r.evidence.prefix(3).joined(separator: " ") + (r.evidence.count > 3 ? " +\(r.evidence.count - 3)" : "")),
                        .status(.requirement(r.status)), .text(reasons),
                    ]
                }))

        doc.heading(2, "4. Gaps and remediation", id: "gaps")
        let gaps = a.requirements.filter { $0.isAssessable && ($0.status == .gap || $0.status == .partiallyMet) }
        if gaps.isEmpty { doc.paragraph(.text("None.")) }
        for r in gaps {
            doc.heading(3, "\(r.id) \(r.title) — \(r.status.rawValue)")
            doc.bullets(r.reasons.map { [.code($0.code.rawValue), .text(": \($0.text)")] })
            let ref = RequirementRef(framework: fw.id, id: r.id)
            let controls = r.controls.compactMap { index.controls[$0] }
            if !controls.isEmpty {
                doc.paragraph(
                    .text("To do: " + controls.prefix(3).map { c in
                        "implement or evidence \(c.id) \(c.title) (owner: \(c.owner), \(c.frequency.rawValue); evidence: \(c.evidence.map(\.description).prefix(2).joined(separator: "; ")))"
                    }.joined(separator: "; ") + "."))
            }
            let services = (index.responsibility(for: ref)?.entry.services ?? []).map { index.services[$0.service]?.name ?? $0.service }
            if !services.isEmpty { doc.paragraph(.text("AWS services that help: \(services.joined(separator: ", ")).")) }
        }

        doc.heading(2, "5. Evidence index", id: "evidence")
        let cited = Set(a.requirements.flatMap(\.evidence))
        doc.table(
            ["Evidence", "Title", "Kind", "Status", "Date", "SHA-256"],
            evidence.filter { cited.contains($0.displayID) }.sorted { $0.id < $1.id }.map { item in
                [item.displayID, item.title, item.kind.rawValue, item.status.rawValue, item.effectiveTo ?? item.effectiveFrom,
                 item.files.map(\.sha256).joined(separator: " ")]
            })

        doc.heading(2, "6. Method and sources", id: "method")
        doc.paragraph(
            .text(
                "Each requirement's status follows from Crosswalk's mappings and the evidence store as of \(a.asOf): inherited where AWS "
                    + "carries it (evidenced by an AWS attestation from AWS Artifact); otherwise met when a customer control that fully covers it "
                    + "has current, accepted evidence and no failing automated check, partially met when only controls that cover part of it are "
                    + "effective or a check fails on some resource, gap when none is effective. Expired evidence does not count; a FAIL on one "
                    + "resource outweighs a PASS on another. Catalogue: \(fw.title), \(fw.version), \(fw.publisher), \(fw.sourceURL). "
                    + "Mappings: Crosswalk's Mappings/ folder (responsibility, customer controls, crosswalks; see their provenance)."))
        return doc
    }
}
