import CrosswalkModel
import Testing

/// The composition rules of NIST IR 8477 relationships through a hub (A → control → B).
@Suite("Relationship algebra")
struct RelationshipTests {
    typealias R = Relationship

    /// Every pair, written out: A (row) B, B (column) C ⇒ A ? C.
    static let table: [(R, R, R)] = [
        (.equal, .equal, .equal),
        (.equal, .subsetOf, .subsetOf),
        (.equal, .supersetOf, .supersetOf),
        (.equal, .intersectsWith, .intersectsWith),
        (.equal, .noRelationship, .noRelationship),
        (.subsetOf, .equal, .subsetOf),
        (.subsetOf, .subsetOf, .subsetOf),
        (.subsetOf, .supersetOf, .intersectsWith),
        (.subsetOf, .intersectsWith, .intersectsWith),
        (.subsetOf, .noRelationship, .noRelationship),
        (.supersetOf, .equal, .supersetOf),
        (.supersetOf, .subsetOf, .intersectsWith),
        (.supersetOf, .supersetOf, .supersetOf),
        (.supersetOf, .intersectsWith, .intersectsWith),
        (.supersetOf, .noRelationship, .noRelationship),
        (.intersectsWith, .equal, .intersectsWith),
        (.intersectsWith, .subsetOf, .intersectsWith),
        (.intersectsWith, .supersetOf, .intersectsWith),
        (.intersectsWith, .intersectsWith, .intersectsWith),
        (.intersectsWith, .noRelationship, .noRelationship),
        (.noRelationship, .equal, .noRelationship),
        (.noRelationship, .subsetOf, .noRelationship),
        (.noRelationship, .supersetOf, .noRelationship),
        (.noRelationship, .intersectsWith, .noRelationship),
        (.noRelationship, .noRelationship, .noRelationship),
    ]

    @Test("the table covers every pair exactly once")
    func complete() {
        let pairs = Set(Self.table.map { "\($0.0.rawValue)|\($0.1.rawValue)" })
        #expect(pairs.count == R.allCases.count * R.allCases.count)
        #expect(Self.table.count == 25)
    }

    @Test("composition of every pair", arguments: table)
    func compose(_ row: (R, R, R)) {
        #expect(row.0.then(row.1) == row.2, "\(row.0.rawValue) ∘ \(row.1.rawValue)")
    }

    @Test("a composed link is never stronger than its weakest link")
    func neverStronger() {
        for a in R.allCases {
            for b in R.allCases {
                let c = a.then(b)
                #expect(c.rank >= max(a.rank, b.rank) || (c == .intersectsWith && a != .noRelationship && b != .noRelationship),
                        "\(a) ∘ \(b) = \(c)")
                #expect(c.rank >= min(a.rank, b.rank))
                if a == .noRelationship || b == .noRelationship { #expect(c == .noRelationship) }
                if c.coverage == .full { #expect(a.coverage == .full && b.coverage == .full) }
            }
        }
    }

    @Test("inverse swaps subset and superset and is its own inverse")
    func inverse() {
        #expect(R.subsetOf.inverse == .supersetOf)
        #expect(R.supersetOf.inverse == .subsetOf)
        #expect(R.equal.inverse == .equal)
        #expect(R.intersectsWith.inverse == .intersectsWith)
        for r in R.allCases { #expect(r.inverse.inverse == r) }
    }

    @Test("coverage: equal and superset full, subset and intersects partial")
    func coverage() {
        #expect(R.equal.coverage == .full)
        #expect(R.supersetOf.coverage == .full)
        #expect(R.subsetOf.coverage == .partial)
        #expect(R.intersectsWith.coverage == .partial)
        #expect(R.noRelationship.coverage == .none)
    }
}

@Suite("Natural order of ids")
struct NaturalOrderTests {
    @Test("digit runs compare as numbers", arguments: [
        ("A.8.7", "A.8.24"), ("Art.9", "Art.10"), ("CC6.1", "CC6.1-POF1"), ("164.308(a)(1)", "164.308(a)(2)"),
        ("A.5.1", "A.5.1.1"), ("CO-07.3", "CO-14"),
    ])
    func order(_ pair: (String, String)) {
        #expect(pair.0.naturallyPrecedes(pair.1))
        #expect(!pair.1.naturallyPrecedes(pair.0))
    }
}
