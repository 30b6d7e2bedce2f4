/// The reasons of a requirement in a few plain words, each naming its controls: what the
/// requirements table of a gap report shows ("no evidence for IAM-03 and IAM-04; IAM-07's
/// evidence has expired"), where the full sentences of each reason would not fit.
extension Reason {
    /// The short phrase of one kind of reason, for the controls that share it (in order).
    static func phrase(_ code: Code, controls: [String], checks: [String], text: String) -> String {
        let named = list(controls)
        switch code {
        case .noEvidence: return "no evidence for \(named)"
        case .evidenceExpired: return controls.count == 1 ? "\(named)'s evidence has expired" : "the evidence of \(named) has expired"
        case .evidenceNotAccepted: return controls.count == 1 ? "\(named)'s evidence is not accepted yet" : "the evidence of \(named) is not accepted yet"
        case .automatedCheckFailing:
            let what = checks.count == 1 ? "check \(checks[0]) fails" : "\(checks.count) checks fail"
            return "\(what) (\(named))"
        case .partialCoverage: return "its controls cover it only in part"
        case .noControlMapped: return "no customer control is mapped to it"
        case .notCoveredByControlSet: return "outside the customer control set"
        case .awsInherited, .notApplicable, .partsNotMet:
            // A sentence of its own, put in the middle of the line: no full stop, and a lower-case
            // first word unless it is a name (AWS).
            var words = text.hasSuffix(".") ? String(text.dropLast()) : text
            let second = words.dropFirst().first
            if let first = words.first, first.isUppercase, second?.isLowercase == true {
                words = first.lowercased() + words.dropFirst()
            }
            return words
        }
    }

    /// "A", "A and B", "A, B and C", "A, B, C and 2 more".
    static func list(_ names: [String]) -> String {
        guard let last = names.last else { return "" }
        if names.count == 1 { return last }
        if names.count > 4 { return names.prefix(3).joined(separator: ", ") + " and \(names.count - 3) more" }
        return names.dropLast().joined(separator: ", ") + " and " + last
    }

    /// Every reason in `reasons`, grouped by kind in the order the kinds first appear; a control or
    /// check named once per kind. Sentences joined by "; ", the first letter capitalised.
    public static func summary(_ reasons: [Reason]) -> String {
        var order: [Code] = []
        var controls: [Code: [String]] = [:]
        var checks: [Code: [String]] = [:]
        var texts: [Code: [String]] = [:]
        for reason in reasons {
            if !order.contains(reason.code) { order.append(reason.code) }
            if let control = reason.control, !(controls[reason.code] ?? []).contains(control) { controls[reason.code, default: []].append(control) }
            if let check = reason.checkID, !(checks[reason.code] ?? []).contains(check) { checks[reason.code, default: []].append(check) }
            if !(texts[reason.code] ?? []).contains(reason.text) { texts[reason.code, default: []].append(reason.text) }
        }
        let phrases = order.flatMap { code -> [String] in
            // Reasons without controls (AWS's part, not applicable, parts) keep each text.
            if [.awsInherited, .notApplicable, .partsNotMet].contains(code) {
                return (texts[code] ?? []).map { phrase(code, controls: [], checks: [], text: $0) }
            }
            return [phrase(code, controls: controls[code] ?? [], checks: checks[code] ?? [], text: texts[code]?.first ?? "")]
        }
        let joined = phrases.joined(separator: "; ")
        return joined.prefix(1).uppercased() + joined.dropFirst()
    }
}
