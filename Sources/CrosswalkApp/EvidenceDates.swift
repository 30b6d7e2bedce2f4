import CrosswalkModel

/// When evidence counts: the rule `evidence add`, a server's upload and the importers share.
public enum EvidenceDates {
    /// When new evidence stops counting: `given` when there is one, else the end of its audit
    /// window (`effectiveTo`, else `effective`) plus the shortest review frequency of its controls;
    /// nil when neither is known (evidence for requirements only, with no expiry given).
    public static func expiry(given: String?, effective: String, effectiveTo: String?, frequencies: [Frequency]) -> String? {
        if let given { return given }
        guard let days = frequencies.map(\.days).min() else { return nil }
        let start = effectiveTo ?? effective
        return ISODate.adding(days, to: start) ?? start
    }

    /// Why an item that has just been added no longer counts on `today`, or nil when it still does.
    public static func alreadyExpired(
        _ item: EvidenceItem, today: String, given: String?, effective: String, effectiveTo: String?, frequencies: [Frequency]
    ) -> String? {
        guard item.isExpired(on: today), let expiry = item.expiresAt else { return nil }
        let why = given != nil
            ? "--expires \(expiry)"
            : "the controls' shortest review frequency counts it for \(counted(frequencies.map(\.days).min() ?? 0, "day")) after \(effectiveTo ?? effective)"
        return "\(item.displayID) has already expired: it stopped counting on \(expiry) (\(why)), before today, \(today); give --effective and --effective-to for the audit window it belongs to, or --expires"
    }
}
