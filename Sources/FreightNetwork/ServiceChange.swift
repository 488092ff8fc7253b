/// A change to the time or the cost of one link or node, with one meaning wherever it comes from: the
/// scenario changes `add_delay`, `scale_time`, `set_time_days`, `scale_dwell`, `set_dwell_days` and
/// `scale_cost`, and the same investment effects of a plan file.
///
/// The *time* of a link is its transit time (``Link/timeDays``), that of a node its dwell
/// (``Node/dwellDays``); the *cost* of a link is its tariff (``Link/costUSDPerTEU``), that of a node its
/// handling cost (``Node/handlingCostUSDPerTEU``). ``edit(_:)`` turns it into the ``NetworkEdit`` of one
/// element.
public enum ServiceChange: Sendable, Hashable {
    /// Adds `days` to the time (a negative amount cuts it; loaders refuse a result below 0).
    case addDelay(days: Double)
    /// Multiplies the time by `factor` (≥ 0).
    case scaleTime(by: Double)
    /// Sets the time to `days` (≥ 0).
    case setTime(days: Double)
    /// Multiplies the cost by `factor` (≥ 0).
    case scaleCost(by: Double)

    /// The network edit that makes this change to `element`.
    public func edit(_ element: NetworkEdit.Element) -> NetworkEdit {
        switch self {
        case .addDelay(let days): .addDelay(element, days: days)
        case .scaleTime(let factor): .scaleTime(element, by: factor)
        case .setTime(let days): .setTime(element, days: days)
        case .scaleCost(let factor): .scaleCost(element, by: factor)
        }
    }

    /// True when the change acts on the time (days), false when on the cost (USD/TEU).
    public var changesTime: Bool {
        if case .scaleCost = self { return false }
        return true
    }

    /// The new value of a time (days) or cost (USD/TEU) that was `value`, before the clamp at 0.
    public func applied(to value: Double) -> Double {
        switch self {
        case .addDelay(let days): value + days
        case .scaleTime(let factor), .scaleCost(let factor): value * factor
        case .setTime(let days): days
        }
    }
}

/// A link or a node named by id (an investment effect's target; ``NetworkEdit/Element`` is by index).
public enum ElementID: Sendable, Hashable {
    /// Every link with this id or base id (both directions of a bidirectional link).
    case link(Link.ID)
    case node(Node.ID)
}
