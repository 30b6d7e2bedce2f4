/// A category a scope may include or leave out (SOC 2's availability, confidentiality, …), as the
/// catalogue declares it: the `category` attribute of its requirements.
public struct ScopeCategory: Sendable, Hashable {
    public var name: String
    /// Marked `category-always-in-scope: yes` on a requirement that names it (SOC 2's security).
    public var alwaysInScope: Bool
}

extension Framework {
    /// The categories its requirements name in their `category` attribute, in catalogue order.
    public var scopeCategories: [ScopeCategory] {
        var out: [ScopeCategory] = []
        for requirement in allRequirements {
            guard let name = requirement.attribute("category") else { continue }
            let always = requirement.attribute("category-always-in-scope") == "yes"
            if let i = out.firstIndex(where: { $0.name == name }) {
                out[i].alwaysInScope = out[i].alwaysInScope || always
            } else {
                out.append(ScopeCategory(name: name, alwaysInScope: always))
            }
        }
        return out
    }

    /// Every requirement in document order (pre-order: a parent before its children).
    public var allRequirements: [Requirement] {
        var out: [Requirement] = []
        func walk(_ list: [Requirement]) {
            for r in list {
                out.append(r)
                walk(r.children)
            }
        }
        walk(requirements)
        return out
    }

    /// Number of requirements in the whole tree.
    public var requirementCount: Int {
        func count(_ list: [Requirement]) -> Int { list.reduce(list.count) { $0 + count($1.children) } }
        return count(requirements)
    }

    /// The requirement with this id anywhere in the tree.
    public func requirement(_ id: String) -> Requirement? {
        func find(_ list: [Requirement]) -> Requirement? {
            for r in list {
                if r.id == id { return r }
                if let hit = find(r.children) { return hit }
            }
            return nil
        }
        return find(requirements)
    }

    /// Map from each requirement id to its parent's id (top-level requirements map to nil).
    public var parentIndex: [String: String?] {
        var out: [String: String?] = [:]
        func walk(_ list: [Requirement], parent: String?) {
            for r in list {
                out[r.id] = parent
                walk(r.children, parent: r.id)
            }
        }
        walk(requirements, parent: nil)
        return out
    }

    /// The id of the parent of a requirement, nil for a top-level one or an unknown id.
    public func parentID(of id: String) -> String? {
        parentIndex[id] ?? nil
    }

    /// Requirements of the given kinds, in document order.
    public func requirements(ofKind kinds: RequirementKind...) -> [Requirement] {
        allRequirements.filter { kinds.contains($0.kind) }
    }
}
