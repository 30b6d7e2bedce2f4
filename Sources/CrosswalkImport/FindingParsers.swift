import CrosswalkModel
import Foundation

/// The formats `crosswalk evidence import` reads.
/// A malformed record: where it is and what is wrong.
public struct ImportError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var line: Int
    /// 1-based byte column on `line`, when the error is about one place in a JSON file.
    public var column: Int?
    /// The record's number, counted from 1 as lines are: its place in a JSON array (the first
    /// element is record 1) or its data row in a CSV (the first row after the header is record 1).
    public var record: Int?
    public var message: String

    public init(file: String, line: Int, column: Int? = nil, record: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.record = record
        self.message = message
    }

    /// An error at a byte offset of a JSON document held in memory.
    init(file: String, scan: JSONScan, offset: Int, record: Int? = nil, message: String) {
        let (line, column) = scan.position(of: offset)
        self.init(file: file, line: line, column: column, record: record, message: message)
    }

    public var description: String {
        let place = line > 0 ? "\(file):\(line)" + (column.map { ":\($0)" } ?? "") : file
        let which = record.map { " (record \($0))" } ?? ""
        return "\(place): error: \(message)\(which)"
    }
}

enum FindingParsers {
    /// One Prowler OCSF finding whose `{` is at `start`; returns it and the index past its `}`.
    /// The compliance mapping is the same for every finding of a check: it is read only when
    /// `wantsRequirements(checkID)` says so. That is asked once per finding, and only once the
    /// whole element is known to be in `scan` (an element cut by the buffer's end fails before it,
    /// and is parsed again after a refill).
    static func ocsf(
        _ scan: JSONScan, at start: Int, notation: RequirementNotation, wantsRequirements: (String) -> Bool = { _ in true }
    ) throws
        -> (finding: ImportedFinding, end: Int)
    {
        let element = scan.bytes
        let (top, end) = try scan.membersAndEnd(at: start, expected: 28)  // Prowler 5 writes 24
        func field(_ name: StaticString, in members: [(key: Range<Int>, value: Range<Int>)]) throws -> String? {
            try scan.text(scan.value(name, in: members))
        }
        func object(_ name: StaticString, in members: [(key: Range<Int>, value: Range<Int>)]) throws -> [(key: Range<Int>, value: Range<Int>)] {
            guard let range = scan.value(name, in: members), element[range.lowerBound] == UInt8(ascii: "{") else { return [] }
            return try scan.members(at: range.lowerBound)
        }
        guard let status = try field("status_code", in: top) else { throw JSONScan.Failure(message: "no status_code", offset: start) }
        guard let result = FindingResult(rawValue: status.uppercased()) else {
            throw JSONScan.Failure(
                message: "status_code '\(status)' is not PASS, FAIL or MANUAL", offset: scan.value("status_code", in: top)?.lowerBound ?? start)
        }
        let metadata = try object("metadata", in: top)
        let info = try object("finding_info", in: top)
        guard let check = try field("event_code", in: metadata) ?? (try field("uid", in: try object("analytic", in: info))),
            !check.isEmpty
        else { throw JSONScan.Failure(message: "no metadata.event_code (check id)", offset: start) }
        let cloud = try object("cloud", in: top)
        let account = try field("uid", in: try object("account", in: cloud)) ?? ""
        var resourceID = ""
        var region = try field("region", in: cloud) ?? ""
        if let resources = scan.value("resources", in: top), element[resources.lowerBound] == UInt8(ascii: "[") {
            if let first = try scan.elements(at: resources.lowerBound).first, element[first.lowerBound] == UInt8(ascii: "{") {
                let resource = try scan.members(at: first.lowerBound)
                resourceID = try field("uid", in: resource) ?? ""
                region = try field("region", in: resource) ?? region
            }
        }
        guard !resourceID.isEmpty else { throw JSONScan.Failure(message: "no resources[0].uid", offset: start) }
        let observed = try field("created_time_dt", in: info) ?? (try field("time_dt", in: top)) ?? ""
        guard !observed.isEmpty else { throw JSONScan.Failure(message: "no finding_info.created_time_dt", offset: start) }
        let observedOffset = (scan.value("created_time_dt", in: info) ?? scan.value("time_dt", in: top))?.lowerBound ?? start
        var requirements: [RequirementRef] = []
        let unmapped = wantsRequirements(check) ? try object("unmapped", in: top) : []
        for (key, value) in try object("compliance", in: unmapped) {
            let name = String(decoding: UnsafeBufferPointer(rebasing: element[key]), as: UTF8.self)
            guard let framework = notation.frameworks[name], element[value.lowerBound] == UInt8(ascii: "[") else { continue }
            for id in try scan.elements(at: value.lowerBound) {
                if let raw = try scan.text(id), let ours = notation.requirement(framework: framework, id: raw) {
                    requirements.append(RequirementRef(framework: framework, id: ours))
                }
            }
        }
        let finding = ImportedFinding(
            tool: "prowler", checkID: check, title: try field("title", in: info) ?? check, resourceID: resourceID, account: account,
            region: region, severity: (try field("severity", in: top) ?? "").lowercased(), result: result,
            observedAt: observed, requirements: requirements)
        // Parsed once, when the finding is made; refused here, where its place in the file is known.
        guard finding.observedInstant != nil else {
            throw JSONScan.Failure(message: "finding_info.created_time_dt '\(observed)' \(Timestamp.expected)", offset: observedOffset)
        }
        return (finding, end)
    }

    /// ASFF findings: `{"Findings": [...]}` (aws securityhub get-findings) or a bare array (Prowler).
    /// Findings without a `Compliance.Status` are matched to `findingTypes` (nil: none loaded).
    static func asff(
        _ bytes: UnsafeBufferPointer<UInt8>, file: String, findingTypes: [FindingTypeRule]? = nil, notation: RequirementNotation
    ) throws -> [ImportedFinding] {
        let scan = JSONScan(bytes)
        var i = 0
        scan.skipSpace(&i)
        guard i < bytes.count else { throw ImportError(file: file, line: 1, message: "the file is empty") }
        var arrayStart = i
        if bytes[i] == UInt8(ascii: "{") {
            let top = try wrap(file, scan) { try scan.members(at: i) }
            guard let findings = scan.value("Findings", in: top) else {
                throw ImportError(file: file, line: 1, message: "no 'Findings' array (expected AWS Security Finding Format)")
            }
            arrayStart = findings.lowerBound
        }
        let elements = try wrap(file, scan) { try scan.elements(at: arrayStart) }
        return try elements.enumerated().map { index, range in
            do {
                return try asffFinding(scan, range, findingTypes: findingTypes, notation: notation)
            } catch let failure as JSONScan.Failure {
                throw ImportError(file: file, scan: scan, offset: failure.offset, record: index + 1, message: failure.message)
            }
        }
    }

    static func asffFinding(
        _ scan: JSONScan, _ range: Range<Int>, findingTypes: [FindingTypeRule]?, notation: RequirementNotation
    ) throws -> ImportedFinding {
        let f = try scan.members(at: range.lowerBound)
        func obj(_ r: Range<Int>?) throws -> [(key: Range<Int>, value: Range<Int>)] {
            guard let r, scan.bytes[r.lowerBound] == UInt8(ascii: "{") else { return [] }
            return try scan.members(at: r.lowerBound)
        }
        func text(_ name: StaticString, in members: [(key: Range<Int>, value: Range<Int>)]) throws -> String? {
            try scan.text(scan.value(name, in: members))
        }
        let compliance = try obj(scan.value("Compliance", in: f))
        let generator = try text("GeneratorId", in: f) ?? ""
        var resourceID = ""
        var region = try text("Region", in: f) ?? ""
        if let resources = scan.value("Resources", in: f), let first = try scan.elements(at: resources.lowerBound).first {
            let r = try scan.members(at: first.lowerBound)
            resourceID = try text("Id", in: r) ?? ""
            region = try text("Region", in: r) ?? region
        }
        guard !resourceID.isEmpty else { throw JSONScan.Failure(message: "no Resources[0].Id", offset: range.lowerBound) }
        let severity = try text("Label", in: try obj(scan.value("Severity", in: f))) ?? ""
        let observed = try text("UpdatedAt", in: f) ?? (try text("CreatedAt", in: f)) ?? ""
        guard Timestamp.microseconds(observed) != nil else {
            let value = scan.value("UpdatedAt", in: f).map { ("UpdatedAt", $0) } ?? scan.value("CreatedAt", in: f).map { ("CreatedAt", $0) }
            guard let (name, range) = value else { throw JSONScan.Failure(message: "no UpdatedAt or CreatedAt (when it was observed)", offset: range.lowerBound) }
            throw JSONScan.Failure(message: "\(name) '\(observed)' \(Timestamp.expected)", offset: range.lowerBound)
        }
        let account = try text("AwsAccountId", in: f) ?? ""

        guard let status = try text("Status", in: compliance) else {
            // Not a control check: a vulnerability, threat, sensitive-data or custom finding.
            return try typedFinding(
                scan, f, range, findingTypes: findingTypes, generator: generator, resourceID: resourceID, region: region,
                account: account, severity: severity, observed: observed)
        }
        let result: FindingResult
        switch status {
        case "PASSED": result = .pass
        case "FAILED": result = .fail
        // WARNING: some information is missing or the check is not supported for this resource;
        // NOT_AVAILABLE: the check could not run. Neither passes nor fails: a person looks.
        case "WARNING", "NOT_AVAILABLE": result = .manual
        default:
            throw JSONScan.Failure(
                message: "Compliance.Status '\(status)' is not PASSED, FAILED, WARNING or NOT_AVAILABLE",
                offset: scan.value("Status", in: compliance)?.lowerBound ?? range.lowerBound)
        }
        let productFields = try obj(scan.value("ProductFields", in: f))
        // Prowler's generator is `prowler-<check id>`; Security Hub's own controls end in the control id.
        let fromGenerator = generator.hasPrefix("prowler-")
            ? String(generator.dropFirst("prowler-".count)) : generator.split(separator: "/").last.map(String.init) ?? generator
        let check = try text("CheckID", in: productFields) ?? fromGenerator
        guard !check.isEmpty else { throw JSONScan.Failure(message: "no GeneratorId", offset: range.lowerBound) }
        var requirements: [RequirementRef] = []
        if let related = scan.value("RelatedRequirements", in: compliance) {
            for item in try scan.elements(at: related.lowerBound) {
                // Prowler writes "SOC2 cc_6_1 cc_6_2", "HIPAA 164_312_a_2_iv" (framework, then ids).
                guard let text = try scan.text(item) else { continue }
                let words = text.split(separator: " ").map(String.init)
                guard let key = words.first, let framework = notation.frameworks[key] else { continue }
                for id in words.dropFirst() {
                    if let ours = notation.requirement(framework: framework, id: id) {
                        requirements.append(RequirementRef(framework: framework, id: ours))
                    }
                }
            }
        }
        return ImportedFinding(
            tool: generator.hasPrefix("prowler") ? "prowler" : "securityhub", checkID: check,
            title: try text("Title", in: f) ?? check, resourceID: resourceID, account: account, region: region,
            severity: severity.lowercased(), result: result, observedAt: observed, requirements: requirements)
    }

    /// A finding without `Compliance.Status`. Its check id and controls come from the finding-type
    /// rule that matches it (`FindingTypeRule.rule`: the longest `Types` prefix, then the product,
    /// then the generator); its result from its state:
    /// `RecordState` ARCHIVED or `Workflow.Status` RESOLVED (the issue is gone or was fixed) is
    /// PASS, SUPPRESSED (reviewed, no action needed) is MANUAL, anything else (NEW, NOTIFIED) FAIL.
    /// Several such findings can concern one resource (two CVEs on one instance): each is its own
    /// item, keyed by its `Id` too.
    static func typedFinding(
        _ scan: JSONScan, _ f: [(key: Range<Int>, value: Range<Int>)], _ range: Range<Int>, findingTypes: [FindingTypeRule]?,
        generator: String, resourceID: String, region: String, account: String, severity: String, observed: String
    ) throws -> ImportedFinding {
        func text(_ name: StaticString, in members: [(key: Range<Int>, value: Range<Int>)]) throws -> String? {
            try scan.text(scan.value(name, in: members))
        }
        var types: [String] = []
        if let list = scan.value("Types", in: f) {
            guard scan.bytes[list.lowerBound] == UInt8(ascii: "[") else {
                throw JSONScan.Failure(message: "Types must be an array of strings", offset: list.lowerBound)
            }
            for item in try scan.elements(at: list.lowerBound) {
                guard let type = try scan.text(item) else { throw JSONScan.Failure(message: "Types must be an array of strings", offset: item.lowerBound) }
                types.append(type)
            }
        }
        guard !types.isEmpty else {
            throw JSONScan.Failure(
                message: "neither Compliance.Status (a control check) nor Types (what kind of finding it is)", offset: range.lowerBound)
        }
        guard let id = try text("Id", in: f), !id.isEmpty else {
            throw JSONScan.Failure(message: "no Id (a finding without Compliance.Status is known by its Id)", offset: range.lowerBound)
        }
        // `product/aws/inspector` → inspector; a custom product's ARN names the account and product.
        let productARN = try text("ProductArn", in: f) ?? ""
        let productPath = productARN.range(of: ":product/").map { productARN[$0.upperBound...].split(separator: "/").map(String.init) } ?? []
        let product = try text("ProductName", in: f) ?? productPath.last ?? ""
        guard let rules = findingTypes, !rules.isEmpty else {
            throw JSONScan.Failure(
                message: "a '\(types[0])' finding (no Compliance.Status) needs the finding-type mapping (Mappings/findings/securityhub-types.yaml), and none is loaded",
                offset: range.lowerBound)
        }
        guard let rule = FindingTypeRule.rule(types: types, product: product, generator: generator, in: rules) else {
            throw JSONScan.Failure(
                message: "no finding-type rule (Mappings/findings/) matches Types \(types.map { "'\($0)'" }.joined(separator: ", ")), product '\(product)' or generator '\(generator)'",
                offset: scan.value("Types", in: f)?.lowerBound ?? range.lowerBound)
        }
        let record = try text("RecordState", in: f) ?? "ACTIVE"
        guard record == "ACTIVE" || record == "ARCHIVED" else {
            throw JSONScan.Failure(
                message: "RecordState '\(record)' is not ACTIVE or ARCHIVED", offset: scan.value("RecordState", in: f)?.lowerBound ?? range.lowerBound)
        }
        let workflowMembers = try scan.value("Workflow", in: f).flatMap { r in
            scan.bytes[r.lowerBound] == UInt8(ascii: "{") ? try scan.members(at: r.lowerBound) : nil
        } ?? []
        // `WorkflowState` is the older field (NEW, ASSIGNED, IN_PROGRESS, DEFERRED, RESOLVED).
        let workflow = try text("Status", in: workflowMembers) ?? (try text("WorkflowState", in: f)) ?? "NEW"
        guard ["NEW", "NOTIFIED", "RESOLVED", "SUPPRESSED", "ASSIGNED", "IN_PROGRESS", "DEFERRED"].contains(workflow) else {
            throw JSONScan.Failure(
                message: "Workflow.Status '\(workflow)' is not NEW, NOTIFIED, RESOLVED or SUPPRESSED",
                offset: scan.value("Status", in: workflowMembers)?.lowerBound ?? scan.value("WorkflowState", in: f)?.lowerBound ?? range.lowerBound)
        }
        let result: FindingResult =
            record == "ARCHIVED" || workflow == "RESOLVED" ? .pass : workflow == "SUPPRESSED" ? .manual : .fail
        let tool = productPath.count == 2 && productPath[0] == "aws" && productPath[1] != "securityhub" ? productPath[1] : "securityhub"
        return ImportedFinding(
            tool: tool, checkID: rule.id, title: try text("Title", in: f) ?? types[0], resourceID: resourceID, account: account,
            region: region, severity: severity.lowercased(), result: result, observedAt: observed, requirements: [], findingID: id)
    }

    /// AWS Config `get-compliance-details-by-config-rule` output: `{"EvaluationResults": [...]}`.
    static func config(_ bytes: UnsafeBufferPointer<UInt8>, file: String, account: String, region: String) throws -> [ImportedFinding] {
        let scan = JSONScan(bytes)
        let top = try wrap(file, scan) { try scan.members(at: 0) }
        guard let results = scan.value("EvaluationResults", in: top) else {
            throw ImportError(file: file, line: 1, message: "no 'EvaluationResults' array (expected AWS Config compliance details)")
        }
        let elements = try wrap(file, scan) { try scan.elements(at: results.lowerBound) }
        return try elements.enumerated().map { index, range in
            do {
                let e = try scan.members(at: range.lowerBound)
                let identifier = try scan.value("EvaluationResultIdentifier", in: e).map { try scan.members(at: $0.lowerBound) } ?? []
                let qualifier = try scan.value("EvaluationResultQualifier", in: identifier).map { try scan.members(at: $0.lowerBound) } ?? []
                guard let rule = try scan.text(scan.value("ConfigRuleName", in: qualifier)) else {
                    throw JSONScan.Failure(message: "no EvaluationResultQualifier.ConfigRuleName", offset: range.lowerBound)
                }
                guard let resource = try scan.text(scan.value("ResourceId", in: qualifier)) else {
                    throw JSONScan.Failure(message: "no EvaluationResultQualifier.ResourceId", offset: range.lowerBound)
                }
                let type = try scan.text(scan.value("ResourceType", in: qualifier)) ?? ""
                guard let compliance = try scan.text(scan.value("ComplianceType", in: e)) else {
                    throw JSONScan.Failure(message: "no ComplianceType", offset: range.lowerBound)
                }
                let result: FindingResult
                switch compliance {
                case "COMPLIANT": result = .pass
                case "NON_COMPLIANT": result = .fail
                case "NOT_APPLICABLE", "INSUFFICIENT_DATA": result = .manual
                default: throw JSONScan.Failure(message: "ComplianceType '\(compliance)' is not COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE or INSUFFICIENT_DATA", offset: range.lowerBound)
                }
                let observed = try scan.text(scan.value("ResultRecordedTime", in: e))
                    ?? (try scan.text(scan.value("OrderingTimestamp", in: identifier))) ?? ""
                guard Timestamp.microseconds(observed) != nil else {
                    let value = scan.value("ResultRecordedTime", in: e).map { ("ResultRecordedTime", $0) }
                        ?? scan.value("OrderingTimestamp", in: identifier).map { ("EvaluationResultIdentifier.OrderingTimestamp", $0) }
                    guard let (name, at) = value else {
                        throw JSONScan.Failure(message: "no ResultRecordedTime (when it was observed)", offset: range.lowerBound)
                    }
                    throw JSONScan.Failure(message: "\(name) '\(observed)' \(Timestamp.expected)", offset: at.lowerBound)
                }
                return ImportedFinding(
                    tool: "config", checkID: rule, title: "AWS Config rule \(rule)",
                    resourceID: type.isEmpty ? resource : "\(type)/\(resource)", account: account, region: region,
                    severity: "", result: result, observedAt: observed, requirements: [])
            } catch let failure as JSONScan.Failure {
                throw ImportError(file: file, scan: scan, offset: failure.offset, record: index + 1, message: failure.message)
            }
        }
    }

    static func wrap<T>(_ file: String, _ scan: JSONScan, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let failure as JSONScan.Failure {
            throw ImportError(file: file, scan: scan, offset: failure.offset, message: "malformed JSON: \(failure.message)")
        }
    }
}
