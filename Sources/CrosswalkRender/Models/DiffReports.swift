import CrosswalkAssess
import CrosswalkModel

/// `crosswalk diff A B --format json` for two frameworks: how far a programme for A covers B.
public struct FrameworkDiffReport: Encodable, Sendable {
    /// The number of rows, the count per state and the percentage per state (`<state>Percent`).
    public struct Summary: Encodable, Sendable {
        public var requirements: Int
        public var counts: [String: Int]
        public var percents: [String: Double]

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: DynamicCodingKey.self)
            try c.encode(requirements, forKey: DynamicCodingKey("requirements"))
            for (state, count) in counts { try c.encode(count, forKey: DynamicCodingKey(state)) }
            for (state, percent) in percents { try c.encode(percent, forKey: DynamicCodingKey(state + "Percent")) }
        }
    }

    public struct Related: Encodable, Sendable {
        public var id: String
        public var relationship: String
        public var strength: Int
        public var inferred: Bool
        public var path: [String]
    }

    public struct Row: Encodable, Sendable {
        public var id: String
        public var title: String
        public var state: String
        public var relatedIds: [String]
        public var inferred: Bool
        public var controls: [String]
        public var viaParent: Nullable<String>
        public var related: [Related]
        public var evidence: [String]
    }

    public var from: String
    public var to: String
    public var directOnly: Bool
    public var summary: Summary
    public var rows: [Row]

    /// - Parameter reuse: evidence ids already in the store for each row's related requirements, by B's id.
    public init(_ diff: FrameworkDiff, reuse: [String: [String]]) {
        from = diff.from
        to = diff.to
        directOnly = diff.directOnly
        let counts = diff.counts
        summary = Summary(
            requirements: diff.rows.count,
            counts: Dictionary(uniqueKeysWithValues: FrameworkDiff.State.allCases.map { ($0.rawValue, counts[$0] ?? 0) }),
            percents: Dictionary(uniqueKeysWithValues: FrameworkDiff.State.allCases.map { ($0.rawValue, diff.percent($0)) }))
        rows = diff.rows.map { row in
            Row(
                id: row.id, title: row.title, state: row.state.rawValue, relatedIds: row.relatedIDs, inferred: row.inferred,
                controls: row.controls, viaParent: Nullable(row.viaParent),
                related: row.related.map {
                    Related(id: $0.requirement.id, relationship: $0.relationship.rawValue, strength: $0.strength, inferred: $0.inferred, path: $0.path)
                },
                evidence: reuse[row.id] ?? [])
        }
    }
}

/// `crosswalk diff A B --format json` for two editions of one framework.
public struct VersionDiffReport: Encodable, Sendable {
    public struct Row: Encodable, Sendable {
        public var id: String
        public var title: String
        public var fate: String
        public var targets: [String]
        public var note: String
    }

    public struct NewRequirement: Encodable, Sendable {
        public var id: String
        public var title: String
    }

    public var from: String
    public var to: String
    /// `requirements`, the count per fate and `new`.
    public var summary: [String: Int]
    public var rows: [Row]
    public var new: [NewRequirement]

    public init(_ diff: VersionDiff) {
        from = diff.from
        to = diff.to
        var summary = ["requirements": diff.rows.count, "new": diff.new.count]
        for fate in VersionDiff.Fate.allCases { summary[fate.rawValue] = diff.rows.filter { $0.fate == fate }.count }
        self.summary = summary
        rows = diff.rows.map { Row(id: $0.id, title: $0.title, fate: $0.fate.rawValue, targets: $0.targets, note: $0.note) }
        new = diff.new.map { NewRequirement(id: $0.id, title: $0.title) }
    }
}

/// `crosswalk diff --matrix --format json`: every ordered pair of frameworks.
public struct CoverageMatrixReport: Encodable, Sendable {
    public struct Cell: Encodable, Sendable {
        public var from: String
        public var to: String
        public var coveredPercent: Double
        public var partialPercent: Double
    }

    public var frameworks: [String]
    public var cells: [Cell]

    public init(_ matrix: CoverageMatrix) {
        frameworks = matrix.frameworks
        cells = matrix.frameworks.flatMap { a in
            matrix.frameworks.compactMap { b -> Cell? in
                guard a != b, let cell = matrix.cells[a]?[b] else { return nil }
                return Cell(from: a, to: b, coveredPercent: cell.covered, partialPercent: cell.partial)
            }
        }
    }
}
