import CrosswalkModel

/// Checks every reference in the mappings against the catalogues and each other: frameworks,
/// requirements, controls, services, Prowler checks; duplicates; and that every customer or shared
/// requirement is covered by a control or listed as not covered.
public struct MappingChecker: Sendable {
    public var frameworks: [Framework]
    /// Known Prowler check ids, or nil when no Prowler checks folder was found (then not checked).
    public var prowlerChecks: Set<String>?
    /// Known Prowler service folder names (with `prowlerChecks`).
    public var prowlerServices: Set<String>?

    /// Control ids defined outside the set being checked (when only some mapping files are checked,
    /// the finding-type rules may name controls of the others).
    public var otherControls: Set<String>

    public init(
        frameworks: [Framework], prowlerChecks: Set<String>? = nil, prowlerServices: Set<String>? = nil, otherControls: Set<String> = []
    ) {
        self.frameworks = frameworks
        self.prowlerChecks = prowlerChecks
        self.prowlerServices = prowlerServices
        self.otherControls = otherControls
    }

    public func check(_ set: MappingSet) -> Diagnostics {
        var d = Diagnostics()
        let ids: [String: Set<String>] = Dictionary(
            uniqueKeysWithValues: frameworks.map { ($0.id, Set($0.allRequirements.map(\.id))) })
        let sortedIDs: [String: [String]] = ids.mapValues { $0.sorted() }
        let frameworkIDs = frameworks.map(\.id).sorted()

        func checkRef(_ ref: RequirementRef, at location: SourceLocation) {
            guard let known = ids[ref.framework] else {
                d.error(
                    "unknown framework '\(ref.framework)' in '\(ref)'\(Suggestion.hint(for: ref.framework, in: frameworkIDs))",
                    at: location)
                return
            }
            if !known.contains(ref.id) {
                d.error(
                    "unknown requirement '\(ref)'\(Suggestion.hint(for: ref.id, in: sortedIDs[ref.framework] ?? [], prefix: "\(ref.framework):"))",
                    at: location)
            }
        }

        // Services.
        var services: Set<String> = []
        for service in set.services {
            if !services.insert(service.id).inserted {
                d.error("duplicate service id '\(service.id)'", at: service.location)
            }
            if let prowlerServices {
                for folder in service.prowler where !prowlerServices.contains(folder) {
                    d.error(
                        "service '\(service.id)' names Prowler service '\(folder)', which has no checks folder\(Suggestion.hint(for: folder, in: prowlerServices.sorted()))",
                        at: service.location)
                }
            }
        }
        let serviceList = services.sorted()
        func checkService(_ id: String, at location: SourceLocation) {
            if !services.contains(id) {
                d.error("unknown AWS service '\(id)'\(Suggestion.hint(for: id, in: serviceList))", at: location)
            }
        }

        // Responsibility: each requirement once; each attestation one of Mappings/attestations.yaml.
        var seen: [RequirementRef: SourceLocation] = [:]
        let attestationIDs = set.attestations.map(\.id)
        for entry in set.responsibilities {
            checkRef(entry.requirement, at: entry.location)
            if let attestation = entry.attestation, !attestationIDs.contains(attestation) {
                let expected = attestationIDs.isEmpty ? "no attestations file in the mappings folder lists any" : "expected one of \(attestationIDs.joined(separator: ", "))"
                d.error(
                    "unknown attestation '\(attestation)'\(Suggestion.hint(for: attestation, in: attestationIDs)); \(expected)",
                    at: entry.attestationLocation ?? entry.location)
            }
            if let first = seen[entry.requirement] {
                d.error("'\(entry.requirement)' already has a responsibility (line \(first.line) of \(first.file))", at: entry.location)
            } else {
                seen[entry.requirement] = entry.location
            }
            for use in entry.services { checkService(use.service, at: entry.location) }
        }

        // Controls.
        var controls: [String: SourceLocation] = [:]
        // Finding-type ids are linked into the automation hooks of the controls they name
        // (`MappingSet.linkFindingTypes`): there they are not Config rule identifiers.
        let findingTypeIDs = Set(set.findingTypes.map(\.id))
        for control in set.controls {
            if let first = controls[control.id] {
                d.error("duplicate control id '\(control.id)' (first at \(first))", at: control.location)
            } else {
                controls[control.id] = control.location
            }
            for service in control.services { checkService(service, at: control.location) }
            if let prowlerChecks {
                for check in control.prowlerChecks where !prowlerChecks.contains(check) {
                    d.error(
                        "control '\(control.id)' names unknown Prowler check '\(check)'\(Suggestion.hint(for: check, in: prowlerChecks.sorted()))",
                        at: control.location)
                }
            }
            for rule in control.configRules where !Self.looksLikeConfigRule(rule) && !findingTypeIDs.contains(rule) {
                d.error("'\(rule)' is not an AWS Config managed rule identifier (UPPER_SNAKE_CASE)", at: control.location)
            }
            var links: Set<RequirementRef> = []
            // Equality carries through a control (inferred links): equal to two requirements of one
            // framework would make them equal to each other. Meeting several, it is superset-of each.
            var equal: [String: RequirementRef] = [:]
            for link in control.satisfies {
                checkRef(link.requirement, at: link.location)
                if !links.insert(link.requirement).inserted {
                    d.error("control '\(control.id)' maps '\(link.requirement)' twice", at: link.location)
                }
                guard link.relationship == .equal else { continue }
                if let first = equal[link.requirement.framework] {
                    d.warning(
                        "control '\(control.id)' is equal to both '\(first)' and '\(link.requirement)', which would make them equal to each other; a control that meets several requirements of a framework is superset-of each",
                        at: link.location)
                } else {
                    equal[link.requirement.framework] = link.requirement
                }
            }
        }

        // Not covered.
        for entry in set.notCovered { checkRef(entry.requirement, at: entry.location) }

        // Notations: one per scanner, naming frameworks that are loaded.
        var notationTools: Set<String> = []
        for notation in set.notations {
            let at = notation.location ?? .file("")
            if !notationTools.insert(notation.tool).inserted { d.error("a second notation for '\(notation.tool)'", at: at) }
            for (key, id) in notation.frameworks.sorted(by: { $0.key < $1.key }) where !frameworks.contains(where: { $0.id == id }) {
                d.error(
                    "notation key '\(key)' names unknown framework '\(id)'\(Suggestion.hint(for: id, in: frameworkIDs))",
                    at: notation.keyLocations[key] ?? at)
            }
        }

        // Finding types: unique ids that are not a Prowler check's, and controls that exist.
        let controlIDs = Set(controls.keys).union(otherControls)
        let sortedControls = controlIDs.sorted()
        var ruleIDs: [String: SourceLocation] = [:]
        for rule in set.findingTypes {
            if let first = ruleIDs[rule.id] {
                d.error("duplicate finding-type id '\(rule.id)' (first at \(first))", at: rule.location)
            } else {
                ruleIDs[rule.id] = rule.location
            }
            if let prowlerChecks, prowlerChecks.contains(rule.id) {
                d.error("finding-type id '\(rule.id)' is a Prowler check id: findings of both would be counted as one check", at: rule.location)
            }
            var named: Set<String> = []
            for control in rule.controls {
                if !controlIDs.contains(control.id) {
                    d.error(
                        "finding-type '\(rule.id)' names unknown control '\(control.id)'\(Suggestion.hint(for: control.id, in: sortedControls))",
                        at: control.location)
                } else if !named.insert(control.id).inserted {
                    d.error("finding-type '\(rule.id)' names control '\(control.id)' twice", at: control.location)
                }
            }
        }

        // Crosswalks: each on its own, then against the ones before it (one pair of frameworks
        // belongs in one file).
        for (index, crosswalk) in set.crosswalks.enumerated() {
            d.append(contentsOf: Self.overlaps(crosswalk, with: Array(set.crosswalks[..<index])))
        }
        for crosswalk in set.crosswalks {
            for fw in [crosswalk.source, crosswalk.target] where ids[fw] == nil {
                d.error("unknown framework '\(fw)'\(Suggestion.hint(for: fw, in: frameworkIDs))", at: crosswalk.location)
            }
            var pairs: Set<[RequirementRef]> = []
            for link in crosswalk.links {
                if ids[link.source.framework] != nil { checkRef(link.source, at: link.location) }
                if ids[link.target.framework] != nil { checkRef(link.target, at: link.location) }
                if !pairs.insert([link.source, link.target]).inserted {
                    d.error("'\(link.source)' → '\(link.target)' is mapped twice", at: link.location)
                }
            }
        }
        return d
    }

    /// Warnings for a crosswalk that maps a pair of frameworks some `existing` crosswalk already maps
    /// (either way round), and for each of its links that contradicts a link there: the same two
    /// requirements with another relationship (a reversed link compared by its inverse).
    public static func overlaps(_ crosswalk: Crosswalk, with existing: [Crosswalk]) -> Diagnostics {
        var d = Diagnostics()
        for other in existing {
            let same = other.source == crosswalk.source && other.target == crosswalk.target
            let reversed = other.source == crosswalk.target && other.target == crosswalk.source
            guard same || reversed else { continue }
            d.warning(
                "\(crosswalk.source) → \(crosswalk.target) is already mapped by \(other.location.file)\(reversed ? " (the other way round)" : ""); keep one crosswalk per pair of frameworks",
                at: crosswalk.location)
            var known: [[RequirementRef]: (Relationship, SourceLocation)] = [:]
            for link in other.links {
                if same {
                    known[[link.source, link.target]] = (link.relationship, link.location)
                } else {
                    known[[link.target, link.source]] = (link.relationship.inverse, link.location)
                }
            }
            for link in crosswalk.links {
                guard let (relationship, location) = known[[link.source, link.target]], relationship != link.relationship else { continue }
                d.warning(
                    "'\(link.source)' → '\(link.target)' is \(link.relationship.rawValue) here but \(relationship.rawValue) in \(location.file):\(location.line)",
                    at: link.location)
            }
        }
        return d
    }

    static func looksLikeConfigRule(_ rule: String) -> Bool {
        !rule.isEmpty && rule.allSatisfy { ($0.isUppercase && $0.isASCII) || $0.isNumber || $0 == "_" || $0 == "-" }
    }
}
