import CrosswalkModel

/// A crosswalk as an OSCAL 1.2 `mapping-collection` document (JSON), with the member names of
/// OSCAL's JSON schema. Same crosswalk, same values: UUIDs from the content, dates from the review.
public struct OSCALMappingCollection: Encodable, Sendable {
    public struct Metadata: Encodable, Sendable {
        public var title: String
        public var lastModified: String
        public var version: String
        public var oscalVersion: String
        enum CodingKeys: String, CodingKey {
            case title, version
            case lastModified = "last-modified", oscalVersion = "oscal-version"
        }
    }

    public struct Provenance: Encodable, Sendable {
        public var method: String
        public var matchingRationale: String
        public var status: String
        public var mappingDescription: String
        enum CodingKeys: String, CodingKey {
            case method, status
            case matchingRationale = "matching-rationale", mappingDescription = "mapping-description"
        }
    }

    public struct Resource: Encodable, Sendable {
        public var type: String
        public var href: String
    }

    public struct Item: Encodable, Sendable {
        public var type: String
        public var idRef: String
        enum CodingKeys: String, CodingKey {
            case type
            case idRef = "id-ref"
        }
    }

    public struct Confidence: Encodable, Sendable {
        public var percentage: JSONNumberLiteral
    }

    public struct Map: Encodable, Sendable {
        public var uuid: String
        public var matchingRationale: String
        public var relationship: String
        public var sources: [Item]
        public var targets: [Item]
        public var confidenceScore: Confidence
        /// Left out when the link has no note.
        public var remarks: String?
        enum CodingKeys: String, CodingKey {
            case uuid, relationship, sources, targets, remarks
            case matchingRationale = "matching-rationale", confidenceScore = "confidence-score"
        }
    }

    public struct Mapping: Encodable, Sendable {
        public var uuid: String
        public var sourceResource: Resource
        public var targetResource: Resource
        public var maps: [Map]
        enum CodingKeys: String, CodingKey {
            case uuid, maps
            case sourceResource = "source-resource", targetResource = "target-resource"
        }
    }

    public struct Body: Encodable, Sendable {
        public var uuid: String
        public var metadata: Metadata
        public var provenance: Provenance
        public var mappings: [Mapping]
    }

    public var mappingCollection: Body
    enum CodingKeys: String, CodingKey { case mappingCollection = "mapping-collection" }

    public init(_ crosswalk: Crosswalk, lastModified: String, title: String) {
        typealias W = OSCALMappingWriter
        let name = "\(crosswalk.source)--\(crosswalk.target)"
        func resource(_ framework: String) -> Resource { Resource(type: "catalog", href: "Frameworks/\(framework)") }
        func item(_ id: String) -> [Item] { [Item(type: "control", idRef: id)] }
        mappingCollection = Body(
            uuid: W.uuid(name),
            metadata: Metadata(title: title, lastModified: W.timestamp(lastModified), version: lastModified, oscalVersion: W.oscalVersion),
            provenance: Provenance(
                method: "human", matchingRationale: W.dominantRationale(crosswalk).rawValue, status: "complete",
                mappingDescription: crosswalk.provenance),
            mappings: [
                Mapping(
                    uuid: W.uuid(name + "/mapping"), sourceResource: resource(crosswalk.source), targetResource: resource(crosswalk.target),
                    maps: crosswalk.links.map { link in
                        Map(
                            uuid: W.uuid("\(name)/\(link.source.id)/\(link.target.id)"), matchingRationale: link.rationale.rawValue,
                            relationship: W.token(link.relationship), sources: item(link.source.id), targets: item(link.target.id),
                            confidenceScore: Confidence(percentage: JSONNumberLiteral(W.confidence(link.strength))),
                            remarks: link.note.isEmpty ? nil : link.note)
                    })
            ])
    }
}
