/// A rule of `Mappings/findings/*.yaml`: which AWS Security Hub findings without a control result
/// (no `Compliance.Status`: Inspector vulnerabilities, GuardDuty threat detections, Macie
/// sensitive-data findings, custom findings) it names, the check id they are stored under, and the
/// customer controls they count for.
///
/// A control-check finding names its check (`GeneratorId`, `ProductFields.CheckID`), which the
/// controls list in `automation`; a typed finding names no check, only what kind of finding it is.
/// The rule gives it one (its `id`), and every control the rule names lists that id among its
/// automation hooks (``MappingSet/linkFindingTypes()``), so the assessment and
/// `evidence list --control` see the findings under those controls.
public struct FindingTypeRule: Sendable, Hashable {
    /// The check id the matching findings are stored under (`securityhub/vulnerabilities`).
    public var id: String
    public var title: String
    /// ASFF `Types` prefixes, `namespace[/category[/classifier]]`, matched on whole segments.
    public var types: [String]
    /// Product names (`ProductName`, or the last part of `ProductArn`), matched ignoring case.
    public var products: [String]
    /// `GeneratorId` prefixes.
    public var generators: [String]
    /// The customer controls the findings count for, each with where it is written.
    public var controls: [ControlReference]
    public var location: SourceLocation

    /// A control id as written in a mapping file.
    public struct ControlReference: Sendable, Hashable {
        public var id: String
        public var location: SourceLocation
        public init(id: String, location: SourceLocation) {
            self.id = id
            self.location = location
        }
    }

    public init(
        id: String, title: String, types: [String], products: [String], generators: [String], controls: [ControlReference],
        location: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.types = types
        self.products = products
        self.generators = generators
        self.controls = controls
        self.location = location
    }

    /// The namespaces of the ASFF types taxonomy (`Types` is `namespace/category/classifier`).
    public static let namespaces = [
        "Software and Configuration Checks", "TTPs", "Effects", "Unusual Behaviors", "Sensitive Data Identifications",
    ]

    /// The rule for a finding: the one with the longest `types` prefix matching one of the
    /// finding's types (the first such rule on a tie); else the first naming its product; else the
    /// first whose generator prefix matches. Nil when none does.
    public static func rule(
        types: [String], product: String, generator: String, in rules: [FindingTypeRule]
    ) -> FindingTypeRule? {
        var best: (rule: FindingTypeRule, length: Int)?
        for rule in rules {
            for prefix in rule.types where types.contains(where: { $0 == prefix || $0.hasPrefix(prefix + "/") }) {
                if prefix.count > best?.length ?? 0 { best = (rule, prefix.count) }
            }
        }
        if let best { return best.rule }
        let name = product.lowercased()
        if !name.isEmpty, let rule = rules.first(where: { $0.products.contains { $0.lowercased() == name } }) { return rule }
        return rules.first { rule in rule.generators.contains { !$0.isEmpty && generator.hasPrefix($0) } }
    }
}

extension MappingSet {
    /// Adds each finding-type rule's id to the automation hooks (`configRules`) of the controls it
    /// names, once: the assessment, the checklist and `evidence list --control` then count the
    /// rule's findings for those controls as they count a Config rule's.
    public mutating func linkFindingTypes() {
        guard !findingTypes.isEmpty else { return }
        var ids: [String: [String]] = [:]
        for rule in findingTypes {
            for control in rule.controls where !(ids[control.id]?.contains(rule.id) ?? false) { ids[control.id, default: []].append(rule.id) }
        }
        for index in controls.indices {
            for id in ids[controls[index].id] ?? [] where !controls[index].configRules.contains(id) {
                controls[index].configRules.append(id)
            }
        }
    }
}
