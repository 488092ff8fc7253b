/// One edit of a network, with one meaning wherever it comes from.
///
/// Every way a network is changed maps onto these: scenario changes (`close`, `scale_capacity`,
/// `set_capacity`, `add_delay`, `add_surcharge`, `scale_demand`, `add_storage`, and through
/// ``ServiceChange`` `scale_time`, `set_time_days`, `scale_dwell`, `set_dwell_days`, `scale_cost`), sweep cases and
/// Monte Carlo samples (``capacityFactor(_:on:)``), the periods of a ``PeriodSchedule``
/// (``PeriodSchedule/edits(inPeriod:)``) and the effects of built investments. Apply them with
/// ``Network/applying(_:)``.
///
/// Elements are dense indices into the network's ``Network/nodes`` and ``Network/links`` (after
/// the edits before them: an added node or link gets the next index).
public enum NetworkEdit: Sendable, Hashable {
    /// A link or a node, by dense index.
    public enum Element: Sendable, Hashable {
        case link(Int)
        case node(Int)
    }

    /// Closes the element: nothing passes, and a closed node closes every link at it
    /// (``Network/isOpen(link:)``). Its capacity is kept as it was.
    case close(Element)
    /// Multiplies the element's capacity (TEU/year) by `factor` (≥ 0); unlimited stays unlimited.
    /// Factor 0 gives a limited element capacity 0 and leaves it open: to close, use ``close(_:)``.
    case scaleCapacity(Element, by: Double)
    /// Sets the element's capacity to `teu` TEU/year (also on an unlimited element).
    case setCapacity(Element, teu: Double)
    /// Adds `teu` TEU/year to the element's capacity; unlimited stays unlimited.
    case addCapacity(Element, teu: Double)
    /// Adds `days` to a link's transit time (`timeDays`) or a node's `dwellDays`; a negative amount
    /// shortens it, to 0 at the least.
    case addDelay(Element, days: Double)
    /// Multiplies a link's transit time (`timeDays`) or a node's `dwellDays` by `factor` (≥ 0).
    case scaleTime(Element, by: Double)
    /// Sets a link's transit time (`timeDays`) or a node's `dwellDays` to `days` (≥ 0).
    case setTime(Element, days: Double)
    /// Multiplies a link's tariff or a node's handling cost (USD per TEU) by `factor` (≥ 0).
    case scaleCost(Element, by: Double)
    /// Adds `usdPerTEU` USD per TEU to a link's tariff or a node's handling cost; a negative amount
    /// cuts it, to 0 at the least.
    case addSurcharge(Element, usdPerTEU: Double)
    /// Adds `teu` TEU of storage to node `node` (none counts as 0) and, when given, sets its holding
    /// cost to `holdingCostUSDPerTEUDay` USD per TEU-day.
    case addStorage(node: Int, teu: Double, holdingCostUSDPerTEUDay: Double?)
    /// Multiplies demand `demand`'s volume (TEU/year) by `factor` (≥ 0).
    case scaleDemand(Int, by: Double)
    /// Multiplies demand `demand`'s unmet penalty (USD per TEU not carried) by `factor` (≥ 0).
    case scaleUnmetPenalty(Int, by: Double)
    /// Appends a node (its index is the node count before it).
    case addNode(Node)
    /// Appends a directed link (its index is the link count before it).
    case addLink(Link)

    /// A capacity factor of a sweep case, a Monte Carlo sample or a period as an edit: factor 0
    /// closes the element (also an unlimited one), any other factor scales its capacity.
    public static func capacityFactor(_ factor: Double, on element: Element) -> NetworkEdit {
        factor == 0 ? .close(element) : .scaleCapacity(element, by: factor)
    }
}
