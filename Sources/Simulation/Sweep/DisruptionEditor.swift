import FlowFormulation
import FreightNetwork
import LinearProgramming

/// Bound changes of one case on the LP of the intact network, and the capacities in effect.
struct ProgramEdits {
    /// Columns with their new bounds, in column order.
    var columns: [(variable: LinearProgram.Variable, bounds: Bounds)] = []
    /// Rows with their new bounds, in row order.
    var rows: [(constraint: LinearProgram.Constraint, bounds: Bounds)] = []

    var isEmpty: Bool { columns.isEmpty && rows.isEmpty }
}

/// Turns a ``Disruption`` into bound changes of the intact network's LP (pure).
///
/// The LP keeps its columns (pruned by reachability in the intact network, so a case never needs
/// new ones): closing a link fixes its flow columns at 0; closing a node fixes the columns of every
/// link into or out of it (a demand from or to it then goes unmet through the balance rows);
/// scaling a capacity moves its row's upper bound.
struct DisruptionEditor: Sendable {
    let formulation: FlowProgram
    /// Flow columns of each link, over all commodities, in column order.
    let linkColumns: [[LinearProgram.Variable]]
    /// TEU/year originating at each node (the node rows' bounds are capacity minus this).
    let originating: [Double]

    init(formulation: FlowProgram) {
        self.formulation = formulation
        let network = formulation.network
        var columns = [[LinearProgram.Variable]](repeating: [], count: network.links.count)
        for commodity in formulation.flow {
            for column in commodity { columns[column.link].append(column.variable) }
        }
        linkColumns = columns.map { $0.sorted() }
        var originating = [Double](repeating: 0, count: network.nodes.count)
        for demand in network.demands {
            if let origin = network.index(of: demand.from) { originating[origin] += demand.teu }
        }
        self.originating = originating
    }

    /// The bound changes for `disruption`, against the intact program.
    func edits(for disruption: Disruption) -> ProgramEdits {
        let network = formulation.network
        var fixed = Set<LinearProgram.Variable>()
        var rows: [(constraint: LinearProgram.Constraint, bounds: Bounds)] = []
        var scaled: [(LinearProgram.Variable, Bounds)] = []
        for (link, factor) in disruption.linkFactors.sorted(by: { $0.key < $1.key }) {
            if factor == 0 {
                fixed.formUnion(linkColumns[link])
            } else if factor != 1, let row = formulation.linkCapacity[link],
                let capacity = network.links[link].capacityTEU
            {
                rows.append((row, .upper(capacity * factor)))
            }
            if factor != 0, factor != 1, let congestion = formulation.linkCongestion[link] {
                Self.scale(congestion, by: factor, less: 0, &rows, &scaled)
            }
        }
        for (node, factor) in disruption.nodeFactors.sorted(by: { $0.key < $1.key }) {
            if factor == 0 {
                for link in network.incoming[node] + network.outgoing[node] { fixed.formUnion(linkColumns[link]) }
            } else if factor != 1, let row = formulation.nodeCapacity[node],
                let capacity = network.nodes[node].capacityTEU
            {
                rows.append((row, .upper(capacity * factor - originating[node])))
            }
            if factor != 0, factor != 1, let congestion = formulation.nodeCongestion[node] {
                Self.scale(congestion, by: factor, less: originating[node], &rows, &scaled)
            }
        }
        var edits = ProgramEdits()
        let columns = fixed.map { ($0, Bounds.fixed(0)) } + scaled.filter { !fixed.contains($0.0) }
        edits.columns = columns.sorted { $0.0 < $1.0 }
        edits.rows = rows.sorted { $0.constraint < $1.constraint }
        return edits
    }

    /// A congestion curve on a capacity scaled by `factor`: its segments (and free TEU) scale with it,
    /// their marginal days do not (the curve is in utilisation), so this is the cold program's row.
    private static func scale(
        _ congestion: CongestionRows, by factor: Double, less originating: Double,
        _ rows: inout [(constraint: LinearProgram.Constraint, bounds: Bounds)],
        _ columns: inout [(LinearProgram.Variable, Bounds)]
    ) {
        rows.append((congestion.row, .upper(congestion.freeTEU * factor - originating)))
        for (variable, segment) in congestion.segments { columns.append((variable, .range(0, segment.widthTEU * factor))) }
    }

    /// The changes that put `edits` back to the intact program's bounds.
    func restoring(_ edits: ProgramEdits) -> ProgramEdits {
        let program = formulation.program
        var back = ProgramEdits()
        back.columns = edits.columns.map { ($0.variable, program[$0.variable].bounds) }
        back.rows = edits.rows.map { ($0.constraint, program[$0.constraint].bounds) }
        return back
    }

    /// The capacity of every capacity row's element in the case, TEU/year, or `nil` when the element
    /// is closed (by itself or through a closed end node), in ``SweepCapacity`` order.
    func capacities(under disruption: Disruption, elements: [SweepCapacity]) -> [Double?] {
        let network = formulation.network
        func nodeFactor(_ n: Int) -> Double { disruption.nodeFactors[n] ?? 1 }
        return elements.map { element in
            switch element.kind {
            case .link:
                let (from, to) = network.linkEnds[element.index]
                let factor = disruption.linkFactors[element.index] ?? 1
                guard factor > 0, nodeFactor(from) > 0, nodeFactor(to) > 0,
                    let capacity = network.links[element.index].capacityTEU
                else { return nil }
                return capacity * factor
            case .node:
                let factor = nodeFactor(element.index)
                guard factor > 0, let capacity = network.nodes[element.index].capacityTEU else { return nil }
                return capacity * factor
            }
        }
    }
}
