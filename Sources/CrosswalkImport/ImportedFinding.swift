import CrosswalkFiles
import CrosswalkModel

extension ImportedFinding {
    /// A finding with its `uid` derived from its natural key.
    ///
    /// - Parameter findingID: the tool's own id of the finding, for findings that are not the one
    ///   result of a check on a resource (two Inspector CVEs on one instance are two findings under
    ///   one check id): it joins the natural key. Empty for check results.
    public init(
        tool: String, checkID: String, title: String, resourceID: String, account: String, region: String, severity: String,
        result: FindingResult, observedAt: String, requirements: [RequirementRef], findingID: String = ""
    ) {
        let key = FindingKey.naturalKey(tool, checkID, account, region, resourceID)
        self.init(
            tool: tool, checkID: checkID, title: title, resourceID: resourceID, account: account, region: region, severity: severity,
            result: result, observedAt: observedAt, requirements: requirements,
            uid: FindingKey.uid(tool: tool, naturalKey: findingID.isEmpty ? key : key + "|" + findingID))
    }
}
