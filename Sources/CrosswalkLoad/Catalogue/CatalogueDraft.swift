import CrosswalkModel

/// A value read from a file with the place it was read from.
struct Located: Sendable {
    var value: String
    var location: SourceLocation
}

/// What a reader found in a catalogue file, before the semantic checks: the common output of the
/// XML, YAML and OSCAL readers, turned into the model by `CatalogueAssembler`. Readers fold the white
/// space of text fields (titles, descriptions, provenance) before they put them here.
struct FrameworkDraft: Sendable {
    var location: SourceLocation
    var id: Located?
    var kind: Located?
    var title: Located?
    var version: Located?
    var publisher: Located?
    var published: Located?
    var source: Located?
    var licence: Located?
    var description: Located?
    var requirements: [RequirementDraft] = []
}

struct RequirementDraft: Sendable {
    var location: SourceLocation
    var id: Located?
    var kind: Located?
    var title: Located?
    var description: Located?
    var attributes: [(name: String, values: [String])] = []
    var references: [Located] = []
    var parent: Located?
    var children: [RequirementDraft] = []

    init(location: SourceLocation) { self.location = location }
}
