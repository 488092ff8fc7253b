extension ScenarioComparison {
    /// Rows in published units, only where some scenario gives them: delivered Mt/yr, and per corridor Mt/yr
    /// (`tonnes_per_teu`) and trains/day (`teu_per_train`).
    var unitRows: [Metric] {
        func values(_ value: (FlowResult) -> Double?) -> [Double?] {
            entries.map { $0.result.status.hasSolution ? value($0.result) : nil }
        }
        var rows: [Metric] = []
        let delivered = values(\.deliveredMegatonnes)
        guard
            delivered.contains(where: { $0 != nil })
                || entries.contains(where: { e in
                    e.result.corridors.contains { e.result.trainsPerDay(corridor: $0.corridor) != nil }
                })
        else { return [] }
        if delivered.contains(where: { $0 != nil }) {
            rows.append(Metric(key: "delivered_mt", label: "Delivered mass", unit: "Mt/yr", values: delivered))
        }
        for corridor in corridors {
            let mass = values { $0.megatonnes(corridor: corridor) }
            if mass.contains(where: { $0 != nil }) {
                rows.append(
                    Metric(key: "corridor_mt:\(corridor)", label: "\(corridor) mass", unit: "Mt/yr", values: mass))
            }
            let trains = values { $0.trainsPerDay(corridor: corridor) }
            if trains.contains(where: { $0 != nil }) {
                rows.append(
                    Metric(
                        key: "corridor_trains:\(corridor)", label: "\(corridor) trains", unit: "trains/day",
                        values: trains))
            }
        }
        return rows
    }
}
