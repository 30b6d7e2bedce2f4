/// How one requirement (or control) relates to another, as in NIST IR 8477 and the OSCAL 1.2
/// mapping model. Read "source is <relationship> target".
public enum Relationship: String, Sendable, Hashable, CaseIterable, Comparable {
    case equal
    case subsetOf = "subset-of"
    case supersetOf = "superset-of"
    case intersectsWith = "intersects-with"
    case noRelationship = "no-relationship"

    /// How much of the target the source covers.
    public enum Coverage: String, Sendable, Hashable { case full, partial, none }

    /// equal and superset-of cover the target fully; subset-of and intersects-with partly.
    public var coverage: Coverage {
        switch self {
        case .equal, .supersetOf: return .full
        case .subsetOf, .intersectsWith: return .partial
        case .noRelationship: return .none
        }
    }

    /// The same relationship read from the other side (A subset-of B ⇔ B superset-of A).
    public var inverse: Relationship {
        switch self {
        case .subsetOf: return .supersetOf
        case .supersetOf: return .subsetOf
        default: return self
        }
    }

    /// The relationship of A to C given A (self) B and B (next) C: never stronger than its weakest
    /// link. equal is the identity; subset∘subset = subset, superset∘superset = superset; any mix of
    /// subset, superset and intersects gives intersects-with at best; no-relationship absorbs.
    public func then(_ next: Relationship) -> Relationship {
        switch (self, next) {
        case (.noRelationship, _), (_, .noRelationship): return .noRelationship
        case (.equal, let r), (let r, .equal): return r
        case (.subsetOf, .subsetOf): return .subsetOf
        case (.supersetOf, .supersetOf): return .supersetOf
        default: return .intersectsWith
        }
    }

    /// Order from strongest (equal) to weakest (no-relationship), for choosing the best link.
    public var rank: Int {
        switch self {
        case .equal: return 0
        case .supersetOf: return 1
        case .subsetOf: return 2
        case .intersectsWith: return 3
        case .noRelationship: return 4
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}

/// Why a relationship holds (OSCAL `matching-rationale`).
public enum MatchingRationale: String, Sendable, Hashable, CaseIterable {
    case syntactic, semantic, functional
}
