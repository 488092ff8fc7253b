import FreightNetwork

/// The congestion curves a capacity-limited element gets when its file gives none (see
/// `Scenarios/SOURCES.md`, "Congestion"): border stations, ports, terminals and ferry links.
///
/// Hubs, waypoints and rail, road and sea links get none: their capacities are scheduled paths or
/// berths whose queues the sources do not separate from the nodes'. Every figure is a judgement
/// calibrated on published waits at full or overfull elements, not a measured curve.
public enum CongestionDefaults {
    /// Border stations: none below half full, 0.5 days at 70 %, 1.5 at 85 %, 4 days at capacity
    /// (Brest–Małaszewicze waits of 2–3 days while chronically full; China–Kazakhstan delays of 7–15 days
    /// in the 2024 surge, above capacity, are beyond the curve).
    public static let border = curve([(0.5, 0), (0.7, 0.5), (0.85, 1.5), (0.95, 3), (1.0, 4)])
    /// Ports: none below half full, 0.5 days at 70 %, 2 at 85 %, 5.5 days at capacity (Caspian port
    /// queues of 2022).
    public static let port = curve([(0.5, 0), (0.7, 0.5), (0.85, 2), (0.95, 4), (1.0, 5.5)])
    /// Terminals: none below 60 %, 0.3 days at 80 %, 0.8 at 90 %, 2 days at capacity (yard dwell as
    /// terminals fill).
    public static let terminal = curve([(0.6, 0), (0.8, 0.3), (0.9, 0.8), (1.0, 2)])
    /// Ferry links: none below half full, 1 day at 70 %, 2.5 at 85 %, 7 days at capacity (waiting for a
    /// sailing: Middle Corridor transit of 50–53 days in 2022 against about 23 once ferries were added
    /// in 2023).
    public static let ferry = curve([(0.5, 0), (0.7, 1), (0.85, 2.5), (0.95, 5), (1.0, 7)])

    /// The default curve of a node kind, or nil (hubs and waypoints).
    public static func curve(for kind: NodeKind) -> CongestionCurve? {
        switch kind {
        case .border: border
        case .port: port
        case .terminal: terminal
        case .hub, .waypoint: nil
        }
    }

    /// The default curve of a link mode, or nil (all but ferries).
    public static func curve(for mode: Mode) -> CongestionCurve? {
        mode == .ferry ? ferry : nil
    }

    private static func curve(_ points: [(Double, Double)]) -> CongestionCurve {
        // The figures above are convex by construction; a wrong edit fails every test that loads a scenario.
        CongestionCurve(points.map { CongestionCurve.Breakpoint(utilisation: $0.0, extraDays: $0.1) })!
    }
}
