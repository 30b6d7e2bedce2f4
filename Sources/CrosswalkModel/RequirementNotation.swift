/// How a scanner writes framework keys and requirement ids in its findings, and how they become
/// Crosswalk's (`Mappings/findings/prowler-notation.yaml`): a framework is added by a data change.
///
/// Each framework has rewrite rules tried in order: a regular expression that must match the
/// whole id, and a template that builds Crosswalk's id from its groups (`${1}`, `${1:upper}`,
/// `${1:lower}`, `${1:number}` — the number without leading zeros; text outside `${…}` is copied).
/// Alternatives are rewrites of Crosswalk's id to try when it names no requirement (where the
/// scanner names a paragraph and Crosswalk the standard that holds it).
public struct RequirementNotation: Sendable {
    /// A rewrite: `pattern` (whole-id match) → `template`.
    public struct Rule: Sendable, Hashable {
        public var pattern: String
        public var template: String
        public var location: SourceLocation?
        let compiled: CompiledPattern

        /// Throws the reason when the pattern is not a regular expression or the template names a
        /// group the pattern does not have (groups are numbered: `(…)`, not `(?<name>…)`).
        public init(pattern: String, template: String, location: SourceLocation? = nil) throws(NotationError) {
            self.pattern = pattern
            self.template = template
            self.location = location
            compiled = try CompiledPattern(pattern)
            for piece in Template.parse(template) {
                guard case .group(let n, _) = piece else { continue }
                if n > compiled.groups { throw NotationError("template '\(template)' names group \(n), but '\(pattern)' has \(compiled.groups)") }
            }
            if let problem = Template.problem(template) { throw NotationError(problem) }
        }

        /// The rewritten id, nil when the pattern does not match the whole of `id`.
        public func apply(_ id: String) -> String? {
            guard let groups = compiled.match(id) else { return nil }
            var out = ""
            for piece in Template.parse(template) {
                switch piece {
                case .text(let text): out += text
                case .group(let n, let modifier):
                    let value = n == 0 ? id : (groups[n - 1] ?? "")
                    switch modifier {
                    case .asIs: out += value
                    case .upper: out += value.uppercased()
                    case .lower: out += value.lowercased()
                    case .number:
                        let digits = value.drop { $0 == "0" }
                        out += digits.isEmpty ? "0" : String(digits)
                    }
                }
            }
            return out
        }

        public static func == (a: Rule, b: Rule) -> Bool { a.pattern == b.pattern && a.template == b.template }
        public func hash(into hasher: inout Hasher) {
            hasher.combine(pattern)
            hasher.combine(template)
        }
    }

    /// The scanner these rules are for (`prowler`).
    public var tool: String
    /// The scanner's framework keys → Crosswalk's framework ids.
    public var frameworks: [String: String]
    /// Per Crosswalk framework id, the rules that turn the scanner's ids into Crosswalk's.
    public var rules: [String: [Rule]]
    /// Per Crosswalk framework id, the rewrites of Crosswalk's id to try when it is not a requirement.
    public var alternatives: [String: [Rule]]
    /// Where each of the scanner's framework keys is defined (for messages).
    public var keyLocations: [String: SourceLocation] = [:]
    public var location: SourceLocation?

    public init(
        tool: String, frameworks: [String: String] = [:], rules: [String: [Rule]] = [:], alternatives: [String: [Rule]] = [:],
        location: SourceLocation? = nil
    ) {
        self.location = location
        self.tool = tool
        self.frameworks = frameworks
        self.rules = rules
        self.alternatives = alternatives
    }

    /// Crosswalk's id for the scanner's id in a framework; nil when no rule matches.
    public func requirement(framework: String, id: String) -> String? {
        for rule in rules[framework] ?? [] {
            if let ours = rule.apply(id) { return ours }
        }
        return nil
    }

    /// The other ids to try for `ref`, in order, when it names no requirement.
    public func alternatives(of ref: RequirementRef) -> [RequirementRef] {
        (alternatives[ref.framework] ?? []).compactMap { rule in rule.apply(ref.id).map { RequirementRef(framework: ref.framework, id: $0) } }
    }
}

/// Why a notation rule cannot be used.
public struct NotationError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Which requirement a scanner's reference names, once the catalogues are known: the reference as
/// written when it is a requirement, else its first alternative that is; nil when none is.
public struct RequirementResolver: Sendable {
    /// The requirements of the loaded catalogues; nil: every reference is kept as written.
    public var known: Set<RequirementRef>?
    public var notation: RequirementNotation?

    public init(known: Set<RequirementRef>?, notation: RequirementNotation? = nil) {
        self.known = known
        self.notation = notation
    }

    public func resolve(_ ref: RequirementRef) -> RequirementRef? {
        guard let known else { return ref }
        if known.contains(ref) { return ref }
        return notation?.alternatives(of: ref).first { known.contains($0) }
    }
}

/// A template's pieces.
enum Template {
    enum Modifier: String { case asIs = "", upper, lower, number }
    enum Piece: Equatable {
        case text(String)
        case group(Int, Modifier)
    }

    static func parse(_ template: String) -> [Piece] {
        var pieces: [Piece] = []
        var text = ""
        var rest = Substring(template)
        while let start = rest.firstRange(of: "${") {
            text += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else { break }
            let inside = rest[start.upperBound..<end].split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            if let n = Int(inside[0]), let modifier = Modifier(rawValue: inside.count > 1 ? String(inside[1]) : "") {
                if !text.isEmpty { pieces.append(.text(text)) }
                text = ""
                pieces.append(.group(n, modifier))
            } else {
                text += rest[start.lowerBound...end]
            }
            rest = rest[rest.index(after: end)...]
        }
        text += rest
        if !text.isEmpty { pieces.append(.text(text)) }
        return pieces
    }

    /// Why a template cannot be used (a `${…}` that is not a group with a known modifier).
    static func problem(_ template: String) -> String? {
        for case .text(let text) in parse(template) where text.contains("${") {
            return "template '\(template)' has a '${…}' that is not ${N}, ${N:upper}, ${N:lower} or ${N:number}"
        }
        return nil
    }
}

/// A regular expression compiled once (Swift's `Regex`), matched against whole ids.
struct CompiledPattern: @unchecked Sendable, Hashable {
    // Regex values are immutable once made; they are shared read-only between threads.
    let regex: Regex<AnyRegexOutput>
    let source: String
    let groups: Int

    init(_ source: String) throws(NotationError) {
        do {
            regex = try Regex(source)
        } catch {
            throw NotationError("'\(source)' is not a regular expression (\(error))")
        }
        self.source = source
        groups = Self.countGroups(source)
    }

    /// The captured groups of a whole match (nil for a group that took no part), nil when `text`
    /// does not match as a whole.
    func match(_ text: String) -> [String?]? {
        guard let match = try? regex.wholeMatch(in: text) else { return nil }
        return (1..<max(match.output.count, 1)).map { match.output[$0].substring.map(String.init) }
    }

    /// Capturing groups in a pattern: `(` not escaped and not followed by `?`.
    static func countGroups(_ source: String) -> Int {
        var count = 0
        var escaped = false
        var inClass = false
        let chars = Array(source)
        for (i, c) in chars.enumerated() {
            if escaped { escaped = false; continue }
            switch c {
            case "\\": escaped = true
            case "[": inClass = true
            case "]": inClass = false
            case "(" where !inClass: if i + 1 >= chars.count || chars[i + 1] != "?" { count += 1 }
            default: break
            }
        }
        return count
    }

    static func == (a: CompiledPattern, b: CompiledPattern) -> Bool { a.source == b.source }
    func hash(into hasher: inout Hasher) { hasher.combine(source) }
}
