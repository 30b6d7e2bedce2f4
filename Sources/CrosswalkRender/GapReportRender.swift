import CrosswalkAssess
import CrosswalkModel

/// The gap report as JSON (one object per requirement) and as a Markdown document shaped like an
/// audit report: cover, summary with figures, scope and shared responsibility, the per-requirement
/// table, gaps with remediation, the evidence index and the method.
public enum GapReportRender {
    public static func json(_ a: Assessment, index: MappingIndex) -> String {
        var w = JSONWriter(capacity: 1 << 20)
        w.beginObject()
        w.field("framework", a.framework.id)
        w.field("title", a.framework.title)
        w.field("version", a.framework.version)
        w.field("organisation", a.scope.organisation)
        w.key("period")
        w.beginObject()
        w.field("start", a.scope.periodStart)
        w.field("end", a.scope.periodEnd)
        w.endObject()
        w.field("asOf", a.asOf)
        w.key("summary")
        w.beginObject()
        for status in RequirementStatus.allCases { w.field(status.rawValue, a.counts[status] ?? 0) }
        w.field("coveragePercent", a.coverage)
        w.endObject()
        w.key("requirements")
        w.beginArray()
        for r in a.requirements {
            w.beginObject()
            w.field("id", r.id)
            w.field("title", r.title)
            w.field("kind", r.kind.rawValue)
            w.key("parent")
            if let p = r.parent { w.value(p) } else { w.null() }
            w.field("status", r.status.rawValue)
            w.key("reasons")
            w.beginArray()
            for reason in r.reasons {
                w.beginObject()
                w.field("code", reason.code.rawValue)
                w.field("text", reason.text)
                if let c = reason.control { w.field("control", c) }
                if let c = reason.checkID { w.field("checkId", c) }
                if let c = reason.resource { w.field("resource", c) }
                w.endObject()
            }
            w.endArray()
            w.key("responsibility")
            if let resp = r.responsibility { w.value(resp.rawValue) } else { w.null() }
            w.field("controls", r.controls)
            w.field("evidence", r.evidence)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.string
    }

    static func cell(_ s: String) -> String { s.replacing("|", with: "\\|").replacing("\n", with: " ") }

    /// A document id that depends only on the inputs: framework, organisation and as-of date.
    public static func documentID(_ a: Assessment) -> String {
        "CW-\(a.framework.id.uppercased())-\(a.asOf.replacing("-", with: ""))"
    }

    public static func markdown(_ a: Assessment, index: MappingIndex, evidence: [EvidenceItem]) -> String {
        let fw = a.framework
        var out = "# \(fw.title)\n\n## Gap assessment — \(a.scope.organisation)\n\n"
        out += "| | |\n|---|---|\n"
        out += "| Organisation | \(cell(a.scope.organisation)) |\n| Framework | \(cell(fw.title)) (\(cell(fw.version))) |\n"
        out += "| Audit period | \(a.scope.periodStart) to \(a.scope.periodEnd) |\n| As of | \(a.asOf) |\n"
        out += "| Document | \(documentID(a)) |\n| Classification | CONFIDENTIAL |\n\n"
        out += "## Contents\n\n1. Executive summary\n2. Scope and shared responsibility\n3. Requirements\n4. Gaps and remediation\n5. Evidence index\n6. Method and sources\n\n"

        out += "## 1. Executive summary\n\n"
        out += "Coverage (met or inherited; partly met counts half) is **\(a.coverage)%** of the applicable, assessed requirements.\n\n"
        out += "| Status | Requirements |\n|---|---:|\n"
        for status in RequirementStatus.allCases { out += "| \(status.rawValue) | \(a.counts[status] ?? 0) |\n" }
        out += "\n| Group | Coverage | Met | Partly met | Gap | Inherited | Not applicable | Not assessed |\n"
        out += "|---|---:|---:|---:|---:|---:|---:|---:|\n"
        for g in a.groupCoverage {
            var figure = "—"
            if let c = g.coverage {
                figure = String(repeating: "█", count: Int(c / 10)) + String(repeating: "░", count: 10 - Int(c / 10)) + " \(c)%"
            }
            out += "| \(cell(g.id)) \(cell(g.title)) | \(figure) | \(g.counts[.met] ?? 0) | \(g.counts[.partiallyMet] ?? 0) | "
            out += "\(g.counts[.gap] ?? 0) | \(g.counts[.inherited] ?? 0) | \(g.counts[.notApplicable] ?? 0) | \(g.counts[.notAssessed] ?? 0) |\n"
        }

        out += "\n## 2. Scope and shared responsibility\n\n"
        out += "Frameworks in scope: \(a.scope.frameworks.joined(separator: ", ")). "
        if fw.id == "soc2" { out += "SOC 2 categories in scope: \(a.scope.soc2Categories.joined(separator: ", ")). " }
        out += "Under the AWS shared responsibility model AWS secures the cloud and the organisation secures what it builds in it.\n\n"
        var parties: [Responsibility: Int] = [:]
        for r in a.requirements where r.isAssessable { if let p = r.responsibility { parties[p, default: 0] += 1 } }
        out += "| Responsibility | Requirements |\n|---|---:|\n"
        for p in Responsibility.allCases { out += "| \(p.rawValue) | \(parties[p] ?? 0) |\n" }
        let complementary = Set(a.requirements.filter { $0.responsibility == .shared }.flatMap(\.controls)).sorted { $0.naturallyPrecedes($1) }
        out += "\nComplementary customer controls for the shared requirements: \(complementary.joined(separator: ", ")).\n"

        out += "\n## 3. Requirements\n\n| Requirement | Title | Responsibility | Controls | Evidence | Status | Reasons |\n|---|---|---|---|---|---|---|\n"
        for r in a.requirements where r.isAssessable {
            let reasons = r.reasons.prefix(3).map { $0.code.rawValue }.joined(separator: ", ") + (r.reasons.count > 3 ? " +\(r.reasons.count - 3)" : "")
            out += "| \(cell(r.id)) | \(cell(r.title)) | \(r.responsibility?.rawValue ?? "") | \(r.controls.prefix(4).joined(separator: " "))"
            out += "\(r.controls.count > 4 ? " +\(r.controls.count - 4)" : "") | \(r.evidence.prefix(3).joined(separator: " "))"
            out += "\(r.evidence.count > 3 ? " +\(r.evidence.count - 3)" : "") | **\(r.status.rawValue)** | \(reasons) |\n"
        }

        out += "\n## 4. Gaps and remediation\n\n"
        let gaps = a.requirements.filter { $0.isAssessable && ($0.status == .gap || $0.status == .partiallyMet) }
        if gaps.isEmpty { out += "None.\n" }
        for r in gaps {
            out += "### \(r.id) \(r.title) — \(r.status.rawValue)\n\n"
            for reason in r.reasons { out += "- `\(reason.code.rawValue)`: \(reason.text)\n" }
            let ref = RequirementRef(framework: fw.id, id: r.id)
            let controls = r.controls.compactMap { index.controls[$0] }
            if !controls.isEmpty {
                out += "\nTo do: "
                out += controls.prefix(3).map { c in
                    "implement or evidence **\(c.id) \(c.title)** (owner: \(c.owner), \(c.frequency.rawValue); evidence: \(c.evidence.map(\.description).prefix(2).joined(separator: "; ")))"
                }.joined(separator: "; ") + ".\n"
            }
            let services = (index.responsibility(for: ref)?.entry.services ?? []).map { index.services[$0.service]?.name ?? $0.service }
            if !services.isEmpty { out += "AWS services that help: \(services.joined(separator: ", ")).\n" }
            out += "\n"
        }

        out += "## 5. Evidence index\n\n| Evidence | Title | Kind | Status | Date | SHA-256 |\n|---|---|---|---|---|---|\n"
        let cited = Set(a.requirements.flatMap(\.evidence))
        for item in evidence.filter({ cited.contains($0.displayID) }).sorted(by: { $0.id < $1.id }) {
            let hashes = item.files.map(\.sha256).joined(separator: " ")
            out += "| \(item.displayID) | \(cell(item.title)) | \(item.kind.rawValue) | \(item.status.rawValue) | \(item.effectiveTo ?? item.effectiveFrom) | \(hashes) |\n"
        }
        out += "\n## 6. Method and sources\n\n"
        out += "Each requirement's status follows from Crosswalk's mappings and the evidence store as of \(a.asOf): `inherited` where AWS "
        out += "carries it (evidenced by an AWS attestation from AWS Artifact); otherwise `met` when a customer control that fully covers it "
        out += "has current, accepted evidence and no failing automated check, `partially-met` when only controls that cover part of it are "
        out += "effective or a check fails on some resource, `gap` when none is effective. Expired evidence does not count; a FAIL on one "
        out += "resource outweighs a PASS on another. Catalogue: \(fw.title), \(fw.version), \(fw.publisher), \(fw.sourceURL). "
        out += "Mappings: Crosswalk's `Mappings/` (responsibility, customer controls, crosswalks; see their provenance).\n"
        return out
    }
}
