public import FreightNetwork

extension InvestmentProgram {
    /// `catalog` with each capacity increase on an existing link or node scaled to a scenario.
    ///
    /// A scenario that throttles an element (a border slowed by sanctions, a ferry line in a storm winter)
    /// throttles the added capacity in the same proportion: the increase is multiplied by
    /// min(1, capacity in `network` / capacity in `reference`). A scenario that raises a capacity does not
    /// raise the increase (a new ferry carries no more because the fleet grew). New links and nodes are not scaled.
    public static func scaled(_ catalog: InvestmentCatalog, for network: Network, reference: Network?) -> InvestmentCatalog {
        guard let reference else { return catalog }
        var result = catalog
        for i in result.investments.indices {
            result.investments[i].effects = result.investments[i].effects.map { effect in
                switch effect {
                case .linkCapacity(let id, let teu):
                    let here = network.links.first { $0.id == id || $0.baseID == id }?.capacityTEU
                    let there = reference.links.first { $0.id == id || $0.baseID == id }?.capacityTEU
                    return .linkCapacity(id, teu: teu * factor(here, there))
                case .nodeCapacity(let id, let teu):
                    return .nodeCapacity(id, teu: teu * factor(network.node(id)?.capacityTEU, reference.node(id)?.capacityTEU))
                default:
                    return effect
                }
            }
        }
        return result
    }

    static func factor(_ here: Double?, _ there: Double?) -> Double {
        guard let here, let there, there > 0 else { return 1 }
        return min(1, max(0, here / there))
    }
}
