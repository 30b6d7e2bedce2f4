import CrosswalkModel

/// Reads one mapping file (docs/mappings.md) into a `MappingSet`; the kind of file is told by its
/// top-level keys. Checks the file's own structure; references to frameworks, requirements,
/// controls and services are checked across all files by `MappingChecker`.
public enum MappingLoader {
    public static func load(_ source: SourceText) -> (mappings: MappingSet, diagnostics: Diagnostics) {
        var diagnostics = Diagnostics()
        var set = MappingSet()
        guard CatalogueLoader.fileExtension(source.path) != "xml" else {
            diagnostics.error("mapping files are YAML (docs/mappings.md)", at: source.fileLocation)
            return (set, diagnostics)
        }
        let (root, parseDiagnostics) =
            CatalogueLoader.fileExtension(source.path) == "json" ? JSONReader.parse(source) : YAMLReader.parse(source)
        diagnostics.append(contentsOf: parseDiagnostics)
        guard let root else { return (set, diagnostics) }
        guard root.pairs != nil else {
            diagnostics.error("a mapping file is a YAML mapping, not \(root.typeName)", at: root.location)
            return (set, diagnostics)
        }
        if root["services"] != nil {
            set.services = readServices(root, diagnostics: &diagnostics)
        } else if root["entries"] != nil {
            set.responsibilities = readResponsibilities(root, diagnostics: &diagnostics)
        } else if root["controls"] != nil {
            set.controls = readControls(root, diagnostics: &diagnostics)
        } else if root["not-covered"] != nil {
            set.notCovered = readNotCovered(root, diagnostics: &diagnostics)
        } else if root["maps"] != nil {
            if let crosswalk = readCrosswalk(root, diagnostics: &diagnostics) { set.crosswalks = [crosswalk] }
        } else if root["finding-types"] != nil {
            set.findingTypes = readFindingTypes(root, diagnostics: &diagnostics)
        } else if root["attestations"] != nil {
            set.attestations = readAttestations(root, diagnostics: &diagnostics)
        } else if root["notation"] != nil {
            if let notation = readNotation(root, diagnostics: &diagnostics) { set.notations = [notation] }
        } else {
            diagnostics.error(
                "not a mapping file: expected a top-level 'services', 'entries' (with 'framework'), 'controls', 'not-covered', 'maps' (with 'source' and 'target'), 'finding-types', 'attestations' or 'notation'",
                at: root.location)
        }
        return (set, diagnostics)
    }

    // MARK: - attestations.yaml

    static func readAttestations(_ root: DataNode, diagnostics: inout Diagnostics) -> [Attestation] {
        guard let file = MappingFields.open(root, as: "an attestations file", keys: ["attestations"], diagnostics: &diagnostics)
        else { return [] }
        var seen: Set<String> = []
        return file.items("attestations", diagnostics: &diagnostics).compactMap { node in
            guard let f = MappingFields.open(node, as: "an attestation", keys: ["id", "title"], diagnostics: &diagnostics),
                let id = f.text("id", diagnostics: &diagnostics), let title = f.text("title", diagnostics: &diagnostics)
            else { return nil }
            if !seen.insert(id.value).inserted { diagnostics.error("attestation '\(id.value)' is listed twice", at: id.location) }
            return Attestation(id: id.value, title: title.value, location: node.location)
        }
    }

    // MARK: - services.yaml

    static func readServices(_ root: DataNode, diagnostics: inout Diagnostics) -> [AWSService] {
        guard let file = MappingFields.open(root, as: "the services file", keys: ["services"], diagnostics: &diagnostics)
        else { return [] }
        return file.items("services", diagnostics: &diagnostics).compactMap { node in
            guard
                let f = MappingFields.open(
                    node, as: "a service", keys: ["id", "name", "category", "contributes", "prowler"], diagnostics: &diagnostics)
            else { return nil }
            let id = f.text("id", diagnostics: &diagnostics)
            let name = f.text("name", diagnostics: &diagnostics)
            let category = f.choice("category", ServiceCategory.self, diagnostics: &diagnostics)
            let contributes = f.text("contributes", diagnostics: &diagnostics)
            let prowler = f.list("prowler", diagnostics: &diagnostics).map(\.value)
            guard let id, let name, let category, let contributes else { return nil }
            return AWSService(
                id: id.value, name: name.value, category: category, contributes: contributes.value, prowler: prowler,
                location: node.location)
        }
    }

    // MARK: - responsibility/FRAMEWORK.yaml

    static func readResponsibilities(_ root: DataNode, diagnostics: inout Diagnostics) -> [ResponsibilityEntry] {
        guard
            let file = MappingFields.open(
                root, as: "a responsibility file", keys: ["framework", "entries"], diagnostics: &diagnostics),
            let framework = file.text("framework", diagnostics: &diagnostics)
        else { return [] }
        return file.items("entries", diagnostics: &diagnostics).compactMap { node in
            guard
                let f = MappingFields.open(
                    node, as: "a responsibility entry",
                    keys: ["requirement", "responsibility", "rationale", "attestation", "services"], diagnostics: &diagnostics)
            else { return nil }
            let requirement = f.requirement("requirement", framework: framework.value, diagnostics: &diagnostics)
            let responsibility = f.choice("responsibility", Responsibility.self, diagnostics: &diagnostics)
            let rationale = f.text("rationale", diagnostics: &diagnostics)
            // Checked against Mappings/attestations.yaml by MappingChecker.
            let attestation = f.text("attestation", required: false, diagnostics: &diagnostics)
            if let responsibility, responsibility != .customer, attestation == nil {
                diagnostics.error(
                    "a '\(responsibility.rawValue)' requirement needs the 'attestation' that evidences AWS's part",
                    at: node.location)
            }
            let services = readServiceUses(f, diagnostics: &diagnostics)
            guard let requirement else { return nil }
            var entry = ResponsibilityEntry(
                requirement: requirement, responsibility: responsibility ?? .customer, rationale: rationale?.value ?? "",
                attestation: attestation?.value, services: services, location: node.location)
            entry.attestationLocation = attestation?.location
            return entry
        }
    }

    static func readServiceUses(_ f: MappingFields, diagnostics: inout Diagnostics) -> [ServiceUse] {
        f.items("services", diagnostics: &diagnostics).compactMap { node in
            guard
                let s = MappingFields.open(node, as: "a service use", keys: ["service", "role"], diagnostics: &diagnostics),
                let service = s.text("service", diagnostics: &diagnostics),
                let role = s.choice("role", ServiceRole.self, diagnostics: &diagnostics)
            else { return nil }
            return ServiceUse(service: service.value, role: role)
        }
    }

    // MARK: - controls/*.yaml

    static let controlKeys = [
        "id", "title", "statement", "owner", "frequency", "evidence", "automation", "services", "satisfies",
    ]

    static func readControls(_ root: DataNode, diagnostics: inout Diagnostics) -> [CustomerControl] {
        guard let file = MappingFields.open(root, as: "a controls file", keys: ["controls"], diagnostics: &diagnostics)
        else { return [] }
        return file.items("controls", diagnostics: &diagnostics).compactMap { node in
            guard let f = MappingFields.open(node, as: "a control", keys: controlKeys, diagnostics: &diagnostics)
            else { return nil }
            let id = f.text("id", diagnostics: &diagnostics)
            let title = f.text("title", diagnostics: &diagnostics)
            let statement = f.text("statement", diagnostics: &diagnostics)
            let owner = f.text("owner", diagnostics: &diagnostics)
            let frequency = f.choice("frequency", Frequency.self, diagnostics: &diagnostics)
            let evidenceNodes = f.items("evidence", diagnostics: &diagnostics)
            if evidenceNodes.isEmpty {
                diagnostics.error("control '\(id?.value ?? "?")' names no evidence", at: f.location(of: "evidence"))
            }
            let evidence: [ExpectedEvidence] = evidenceNodes.compactMap { e in
                guard
                    let ef = MappingFields.open(e, as: "an evidence item", keys: ["kind", "description"], diagnostics: &diagnostics),
                    let kind = ef.choice("kind", EvidenceKind.self, diagnostics: &diagnostics),
                    let description = ef.text("description", diagnostics: &diagnostics)
                else { return nil }
                return ExpectedEvidence(kind: kind, description: description.value)
            }
            var prowler: [String] = []
            var configRules: [String] = []
            if let automation = node["automation"],
                let af = MappingFields.open(automation, as: "'automation'", keys: ["prowler", "config-rules"], diagnostics: &diagnostics)
            {
                prowler = af.list("prowler", diagnostics: &diagnostics).map(\.value)
                configRules = af.list("config-rules", diagnostics: &diagnostics).map(\.value)
            }
            let services = f.list("services", diagnostics: &diagnostics).map(\.value)
            let satisfies: [ControlMapping] = f.items("satisfies", diagnostics: &diagnostics).compactMap { m in
                guard
                    let mf = MappingFields.open(
                        m, as: "a 'satisfies' link", keys: ["requirement", "relationship", "rationale", "note"],
                        diagnostics: &diagnostics),
                    let requirement = mf.requirement("requirement", diagnostics: &diagnostics)
                else { return nil }
                let relationship = mf.choice("relationship", Relationship.self, diagnostics: &diagnostics) ?? .noRelationship
                let rationale = mf.choice("rationale", MatchingRationale.self, diagnostics: &diagnostics) ?? .semantic
                let note = mf.text("note", required: false, diagnostics: &diagnostics)?.value ?? ""
                return ControlMapping(
                    requirement: requirement, relationship: relationship, rationale: rationale, note: note, location: m.location)
            }
            // Keep a control whose other fields are bad, so its references are still checked; the
            // errors above already make the set unusable.
            guard let id else { return nil }
            return CustomerControl(
                id: id.value, title: title?.value ?? "", statement: statement?.value ?? "", owner: owner?.value ?? "",
                frequency: frequency ?? .annual,
                evidence: evidence, prowlerChecks: prowler, configRules: configRules, services: services,
                satisfies: satisfies, location: node.location)
        }
    }

    // MARK: - controls/not-covered.yaml

    static func readNotCovered(_ root: DataNode, diagnostics: inout Diagnostics) -> [NotCovered] {
        guard let file = MappingFields.open(root, as: "a not-covered file", keys: ["not-covered"], diagnostics: &diagnostics)
        else { return [] }
        return file.items("not-covered", diagnostics: &diagnostics).compactMap { node in
            guard
                let f = MappingFields.open(node, as: "a not-covered entry", keys: ["requirement", "reason"], diagnostics: &diagnostics),
                let requirement = f.requirement("requirement", diagnostics: &diagnostics),
                let reason = f.text("reason", diagnostics: &diagnostics)
            else { return nil }
            return NotCovered(requirement: requirement, reason: reason.value, location: node.location)
        }
    }

    // MARK: - findings/*.yaml

    static let findingTypeKeys = ["id", "title", "types", "products", "generators", "controls"]

    /// Security Hub finding types → the check id they are stored under and the controls they count
    /// for. The control ids are checked against the control set by `MappingChecker`.
    static func readFindingTypes(_ root: DataNode, diagnostics: inout Diagnostics) -> [FindingTypeRule] {
        guard let file = MappingFields.open(root, as: "a finding-types file", keys: ["finding-types"], diagnostics: &diagnostics)
        else { return [] }
        return file.items("finding-types", diagnostics: &diagnostics).compactMap { node in
            guard let f = MappingFields.open(node, as: "a finding-type rule", keys: findingTypeKeys, diagnostics: &diagnostics)
            else { return nil }
            let id = f.text("id", diagnostics: &diagnostics)
            let title = f.text("title", diagnostics: &diagnostics)
            let types = f.list("types", diagnostics: &diagnostics)
            for type in types {
                let namespace = String(type.value.split(separator: "/", maxSplits: 1).first ?? "")
                if !FindingTypeRule.namespaces.contains(namespace) {
                    diagnostics.error(
                        "'\(type.value)' is not in an ASFF types namespace\(Suggestion.hint(for: namespace, in: FindingTypeRule.namespaces)); expected one of \(FindingTypeRule.namespaces.joined(separator: ", "))",
                        at: type.location)
                }
            }
            let products = f.list("products", diagnostics: &diagnostics)
            let generators = f.list("generators", diagnostics: &diagnostics)
            if types.isEmpty && products.isEmpty && generators.isEmpty {
                diagnostics.error(
                    "finding-type rule '\(id?.value ?? "?")' has no 'types', 'products' or 'generators' to match findings by",
                    at: node.location)
            }
            let controls = f.list("controls", diagnostics: &diagnostics)
            if controls.isEmpty { diagnostics.error("finding-type rule '\(id?.value ?? "?")' names no controls", at: f.location(of: "controls")) }
            guard let id else { return nil }
            return FindingTypeRule(
                id: id.value, title: title?.value ?? "", types: types.map(\.value), products: products.map(\.value),
                generators: generators.map(\.value),
                controls: controls.map { FindingTypeRule.ControlReference(id: $0.value, location: $0.location) }, location: node.location)
        }
    }

    // MARK: - findings/*-notation.yaml

    /// A scanner's framework keys and requirement-id rewrite rules. The framework ids are checked
    /// against the catalogues by `MappingChecker`; each rule's pattern and template here.
    static func readNotation(_ root: DataNode, diagnostics: inout Diagnostics) -> RequirementNotation? {
        guard
            let file = MappingFields.open(root, as: "a notation file", keys: ["notation"], diagnostics: &diagnostics),
            let node = root["notation"],
            let fields = MappingFields.open(
                node, as: "a notation", keys: ["tool", "frameworks", "requirements", "alternatives"], diagnostics: &diagnostics),
            let tool = fields.text("tool", diagnostics: &diagnostics)
        else { return nil }
        _ = file
        var notation = RequirementNotation(tool: tool.value, location: node.location)
        for pair in node["frameworks"]?.pairs ?? [] {
            guard let id = pair.value.scalar, !id.isEmpty else {
                diagnostics.error("framework key '\(pair.key)' must name a Crosswalk framework id", at: pair.value.location)
                continue
            }
            notation.frameworks[pair.key] = id
            notation.keyLocations[pair.key] = pair.value.location
        }
        if notation.frameworks.isEmpty { diagnostics.error("the notation maps no frameworks ('frameworks')", at: fields.location(of: "frameworks")) }
        func rules(_ key: String) -> [String: [RequirementNotation.Rule]] {
            var out: [String: [RequirementNotation.Rule]] = [:]
            guard let value = node[key] else { return out }
            guard let pairs = value.pairs else {
                diagnostics.error("'\(key)' must be a mapping of framework ids to rules, not \(value.typeName)", at: value.location)
                return out
            }
            for pair in pairs {
                guard let items = pair.value.items else {
                    diagnostics.error("the rules of '\(pair.key)' must be a list, not \(pair.value.typeName)", at: pair.value.location)
                    continue
                }
                out[pair.key] = items.compactMap { item -> RequirementNotation.Rule? in
                    guard MappingFields.open(item, as: "a notation rule", keys: ["match", "id"], diagnostics: &diagnostics) != nil else {
                        return nil
                    }
                    guard let pattern = item["match"]?.scalar, let template = item["id"]?.scalar, !pattern.isEmpty, !template.isEmpty else {
                        diagnostics.error("a notation rule needs a 'match' (a regular expression) and an 'id' (a template)", at: item.location)
                        return nil
                    }
                    do {
                        return try RequirementNotation.Rule(pattern: pattern, template: template, location: item.location)
                    } catch {
                        diagnostics.error("\(error)", at: item["match"]?.location ?? item.location)
                        return nil
                    }
                }
            }
            return out
        }
        notation.rules = rules("requirements")
        notation.alternatives = rules("alternatives")
        for id in Set(notation.frameworks.values).sorted() where notation.rules[id] == nil {
            diagnostics.error("framework '\(id)' has no rules under 'requirements'", at: fields.location(of: "requirements"))
        }
        return notation
    }

    // MARK: - crosswalks/SOURCE--TARGET.yaml

    static func readCrosswalk(_ root: DataNode, diagnostics: inout Diagnostics) -> Crosswalk? {
        guard
            let file = MappingFields.open(
                root, as: "a crosswalk file", keys: ["source", "target", "kind", "date", "provenance", "maps"], diagnostics: &diagnostics),
            let source = file.text("source", diagnostics: &diagnostics),
            let target = file.text("target", diagnostics: &diagnostics)
        else { return nil }
        let provenance = file.text("provenance", diagnostics: &diagnostics)?.value ?? ""
        let kind = file.choice("kind", Crosswalk.Kind.self, required: false, diagnostics: &diagnostics) ?? .frameworks
        let date = file.text("date", required: false, diagnostics: &diagnostics)
        if let date, let problem = ISODate.problem(date.value) {
            diagnostics.error("date '\(date.value)' \(problem)", at: date.location)
        }
        let links: [CrosswalkLink] = file.items("maps", diagnostics: &diagnostics).compactMap { node in
            guard
                let f = MappingFields.open(
                    node, as: "a crosswalk row", keys: ["source", "target", "relationship", "rationale", "strength", "note"],
                    diagnostics: &diagnostics),
                let from = f.requirement("source", framework: source.value, diagnostics: &diagnostics),
                let to = f.requirement("target", framework: target.value, diagnostics: &diagnostics)
            else { return nil }
            let relationship = f.choice("relationship", Relationship.self, diagnostics: &diagnostics) ?? .noRelationship
            let rationale = f.choice("rationale", MatchingRationale.self, diagnostics: &diagnostics) ?? .semantic
            var strength = 1
            if let strengthText = f.text("strength", diagnostics: &diagnostics) {
                if let value = Int(strengthText.value), (1...10).contains(value) {
                    strength = value
                } else {
                    diagnostics.error(
                        "strength must be a whole number from 1 to 10, not '\(strengthText.value)'", at: strengthText.location)
                }
            }
            let note = f.text("note", required: false, diagnostics: &diagnostics)?.value ?? ""
            return CrosswalkLink(
                source: from, target: to, relationship: relationship, rationale: rationale, strength: strength, note: note,
                location: node.location)
        }
        var crosswalk = Crosswalk(
            source: source.value, target: target.value, date: date?.value, provenance: provenance, links: links,
            location: root.location)
        crosswalk.kind = kind
        return crosswalk
    }
}
