import CrosswalkModel

/// Reads a scope file (docs/scope.md): organisation, audit period, frameworks, SOC 2 categories and
/// the requirements declared not applicable with their justification. Checks every reference.
public enum ScopeLoader {
    static let keys = ["organisation", "period", "frameworks", "soc2-categories", "not-applicable"]

    public static func load(_ source: SourceText, frameworks: [Framework]) -> (scope: Scope?, diagnostics: Diagnostics) {
        var d = Diagnostics()
        let (root, found) = YAMLReader.parse(source)
        d.append(contentsOf: found)
        guard let root, let f = MappingFields.open(root, as: "a scope file", keys: keys, diagnostics: &d) else { return (nil, d) }
        let organisation = f.text("organisation", diagnostics: &d)
        var start: Located?
        var end: Located?
        if let period = root["period"] {
            if let p = MappingFields.open(period, as: "'period'", keys: ["start", "end"], diagnostics: &d) {
                start = p.text("start", diagnostics: &d)
                end = p.text("end", diagnostics: &d)
                for date in [start, end].compactMap({ $0 }) {
                    guard let problem = ISODate.problem(date.value) else { continue }
                    d.error("'\(date.value)' \(problem)", at: date.location)
                }
                if let s = start, let e = end, s.value > e.value { d.error("the period ends before it starts", at: e.location) }
            }
        } else {
            d.error("a scope file has no 'period'", at: root.location)
        }
        let known = frameworks.map(\.id)
        let chosen = f.list("frameworks", diagnostics: &d)
        if chosen.isEmpty { d.error("a scope file names no 'frameworks'", at: f.location(of: "frameworks")) }
        for fw in chosen where !known.contains(fw.value) {
            d.error("unknown framework '\(fw.value)'\(Suggestion.hint(for: fw.value, in: known))", at: fw.location)
        }
        let categories = f.list("soc2-categories", diagnostics: &d)
        // The categories come from the catalogues (SOC 2's category attributes), as does which are always in scope.
        let offered = Scope.categories(of: frameworks)
        let names = offered.map(\.name)
        for c in categories where !names.contains(c.value) {
            d.error(
                "unknown SOC 2 category '\(c.value)'\(Suggestion.hint(for: c.value, in: names)); expected \(names.isEmpty ? "none (no catalogue declares categories)" : names.joined(separator: ", "))",
                at: c.location)
        }
        let always = offered.filter(\.alwaysInScope).map(\.name)
        var notApplicable: [RequirementRef: String] = [:]
        let ids = Dictionary(uniqueKeysWithValues: frameworks.map { ($0.id, Set($0.allRequirements.map(\.id))) })
        for node in f.items("not-applicable", diagnostics: &d) {
            guard let e = MappingFields.open(node, as: "a not-applicable entry", keys: ["requirement", "justification"], diagnostics: &d),
                let ref = e.requirement("requirement", diagnostics: &d)
            else { continue }
            let justification = e.text("justification", diagnostics: &d)
            if ids[ref.framework]?.contains(ref.id) != true {
                d.error("unknown requirement '\(ref)'", at: e.location(of: "requirement"))
            } else if notApplicable[ref] != nil {
                d.error("'\(ref)' is declared not applicable twice", at: node.location)
            }
            notApplicable[ref] = justification?.value ?? ""
        }
        guard !d.hasErrors, let organisation, let start, let end else { return (nil, d) }
        return (
            Scope(
                organisation: organisation.value, periodStart: start.value, periodEnd: end.value, frameworks: chosen.map(\.value),
                soc2Categories: always + categories.map(\.value).filter { !always.contains($0) }, notApplicable: notApplicable,
                location: root.location),
            d
        )
    }
}
