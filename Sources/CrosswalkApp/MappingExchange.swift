import CrosswalkAssess
import CrosswalkLoad
import CrosswalkModel
import CrosswalkRender

/// Crosswalks in and out as OSCAL 1.2 mapping collections, and the coverage of the mappings: the
/// use cases behind `oscal export-mapping`, `oscal import-mapping` and `validate --coverage`.
public enum MappingExchange {
    public enum Format: String, CaseIterable, Sendable { case json, xml }

    /// A shipped crosswalk as an OSCAL mapping collection. `lastModified` is used when the
    /// crosswalk names no date.
    public static func export(_ project: Project, source: String, target: String, format: Format, lastModified: String?) throws -> String {
        let from = try project.framework(source)
        let to = try project.framework(target)
        guard let crosswalk = project.mappings.crosswalks.first(where: { $0.source == from.id && $0.target == to.id }) else {
            let known = project.mappings.crosswalks.map { "\($0.source) \($0.target)" }.sorted()
            throw AppError(.failure, "no crosswalk from \(source) to \(target); shipped: \(known.joined(separator: ", "))")
        }
        guard let date = lastModified ?? crosswalk.date else {
            throw AppError(.failure, "the crosswalk has no 'date': give --last-modified YYYY-MM-DD")
        }
        let title = "Crosswalk: \(from.title) to \(to.title)"
        switch format {
        case .json: return OSCALMappingWriter.json(crosswalk, lastModified: date, title: title)
        case .xml: return OSCALMappingWriter.xml(crosswalk, lastModified: date, title: title)
        }
    }

    /// An OSCAL mapping collection read as one Crosswalk crosswalk file: the YAML and every
    /// diagnostic (its own, unknown requirements, and warnings where it repeats or contradicts a
    /// crosswalk in `existing`, e.g. the mappings folder's less the file it will replace). The
    /// YAML is nil when there are errors.
    public static func importCollection(
        _ source: SourceText, frameworks: [Framework], existing: [Crosswalk], sourceFramework: String?, targetFramework: String?
    ) throws -> (yaml: String?, diagnostics: Diagnostics) {
        let (crosswalks, found) = OSCALMappingReader.load(source, sourceFramework: sourceFramework, targetFramework: targetFramework)
        var diagnostics = found
        if diagnostics.hasErrors { return (nil, diagnostics) }
        guard crosswalks.count == 1, let crosswalk = crosswalks.first else {
            throw AppError(.failure, "the collection holds \(crosswalks.count) mappings; Crosswalk imports one at a time")
        }
        var set = MappingSet()
        set.crosswalks = [crosswalk]
        diagnostics.append(contentsOf: MappingChecker(frameworks: frameworks).check(set))
        diagnostics.append(contentsOf: MappingChecker.overlaps(crosswalk, with: existing))
        if diagnostics.hasErrors { return (nil, diagnostics) }
        let yaml = CrosswalkYAMLWriter.yaml(crosswalk, date: crosswalk.date, comment: "Imported from the OSCAL mapping collection \(source.path).")
        return (yaml, diagnostics)
    }

    /// How completely the mappings cover each framework, and per customer control the
    /// responsibilities of what it meets.
    public struct Coverage: Sendable {
        public var frameworks: [FrameworkCoverage]
        public var controls: [ControlResponsibility]
        /// A control that meets a requirement that is AWS's alone.
        public var warnings: Diagnostics
        /// Every customer or shared requirement has a control or a not-covered entry.
        public var complete: Bool
    }

    public static func coverage(_ project: Project) -> Coverage {
        let figures = project.frameworks.map { FrameworkCoverage.compute(for: $0, index: project.index) }
        return Coverage(
            frameworks: figures, controls: ControlResponsibility.compute(index: project.index),
            warnings: Diagnostics(ControlResponsibility.warnings(index: project.index)), complete: !figures.contains { !$0.uncovered.isEmpty })
    }
}
