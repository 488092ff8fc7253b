import FlowFormulation
import FreightNetwork
import LinearProgramming

extension ColumnGeneration {
    /// Paths and capacity rows for a large master, found by the volume algorithm on the Lagrangian
    /// relaxation of the capacity rows (Barahona and Anbil, 2000) before the master's second solve.
    ///
    /// Each iteration costs one shortest-path search per commodity and no LP solve. The algorithm
    /// keeps a running average of the Lagrangian routings (weight ``volumeAverage`` on the newest);
    /// that average approaches an optimal flow, and its paths are the columns an optimal master needs.
    /// The paths with at least ``volumeShare`` of the average's weight enter the master together, with
    /// rows for the capacities whose multiplier at the best bound is positive or whose averaged load
    /// passes ``volumeFull`` of the limit. On the generated L network (5,000 nodes, 20,000 links, 200
    /// demands) column generation then takes 20–30 master solves instead of about 115.
    ///
    /// It changes only which columns and rows the master holds: column generation still proves the
    /// optimum (every path priced at ≥ −tolerance, no capacity exceeded).
    struct VolumeStart {
        /// Paths to add, by demand, then by length, then by links.
        var paths: [PathColumn]
        /// Capacity rows to add (absent from the master), links first, each in index order.
        var rows: [(isLink: Bool, index: Int)]
        /// The best Lagrangian bound found (objective units).
        var bound: Double
    }

    /// Iterations of the volume algorithm on masters from ``volumeSize`` commodities × links.
    static let volumeIterations = 300
    /// Commodities × links from which the master starts from the volume algorithm's paths (generated L:
    /// 200,000; M: 40,000, where column generation needs 30 rounds of about 10 ms and gains nothing).
    static let volumeSize = 100_000
    /// Weight of the newest routing in the running average.
    static let volumeAverage = 0.1
    /// Least share of its demand's averaged weight a path needs to enter the master.
    static let volumeShare = 0.01
    /// Averaged load, as a fraction of the limit, from which a capacity's row enters with the paths.
    static let volumeFull = 0.95

    /// Runs `iterations` of the volume algorithm on `lagrangian`, from the multipliers of the master's
    /// `duals` on its `rows`, stepping towards `target` (the master's objective: an estimate of the optimum).
    static func volumeStart(
        _ lagrangian: PathProgram.Lagrangian, duals: [Double], rows present: PathProgram.CapacityRows, target: Double,
        iterations: Int
    ) -> VolumeStart {
        let threads = pricingThreads(lagrangian.program)
        func evaluate(_ u: [Double]) -> PathProgram.Lagrangian.Evaluation {
            lagrangian.evaluate(u) { count, body in WorkerThreads.map(count, threads: threads, body) }
        }
        let limits = lagrangian.limits
        var center = lagrangian.multipliers(duals: duals, rows: present)
        let first = evaluate(center)
        var best = first.value
        var averageLoad = first.load
        // Path weights in the average, stored divided by `decay` (the product of the (1 − α) so far).
        var weight: [PathColumn: Double] = [:]
        var decay = 1.0
        func absorb(_ paths: [[Int]?], share: Double) {
            for (d, links) in paths.enumerated() {
                guard let links else { continue }
                weight[PathColumn(demand: d, links: links), default: 0] += share / decay
            }
        }
        absorb(first.paths, share: 1)
        // Step factor, raised after improving steps and lowered after runs of others.
        var factor = 0.1
        var improving = 0
        var failing = 0
        let alpha = volumeAverage
        for _ in 0..<iterations {
            var direction = [Double](repeating: 0, count: limits.count)
            var norm = 0.0
            for k in limits.indices {
                let g = averageLoad[k] - limits[k]
                direction[k] = center[k] <= 0 && g < 0 ? 0 : g
                norm += direction[k] * direction[k]
            }
            guard norm > 0 else { break }
            let step = factor * max(target - best, 1e-7 * max(1, abs(target))) / norm
            let u = center.indices.map { max(0, center[$0] + step * direction[$0]) }
            let trial = evaluate(u)
            for k in averageLoad.indices { averageLoad[k] = alpha * trial.load[k] + (1 - alpha) * averageLoad[k] }
            decay *= 1 - alpha
            if decay < 1e-100 {
                for key in weight.keys { weight[key]! *= decay }
                decay = 1
            }
            absorb(trial.paths, share: alpha)
            if trial.value > best {
                best = trial.value
                center = u
                failing = 0
                improving += 1
                if improving >= 3 {
                    factor = min(2, factor * 1.1)
                    improving = 0
                }
            } else {
                improving = 0
                failing += 1
                if failing >= 10 {
                    factor *= 0.66
                    failing = 0
                }
            }
        }
        let paths = weight.filter { $0.value * decay >= volumeShare }.map(\.key).sorted { a, b in
            if a.demand != b.demand { return a.demand < b.demand }
            if a.links.count != b.links.count { return a.links.count < b.links.count }
            return a.links.lexicographicallyPrecedes(b.links)
        }
        let rows = lagrangian.capacities.indices.filter { k in
            (center[k] > 0 || averageLoad[k] > volumeFull * limits[k]) && present[lagrangian.capacities[k]] == nil
        }.map { lagrangian.capacities[$0] }
        return VolumeStart(paths: paths, rows: rows, bound: best)
    }
}
