/// Which way freight moves on the China–Europe corridors.
///
/// A demand's direction is written in the file (`direction: eastbound`) or follows from its ends: a
/// demand whose origin lies east of its destination (or level with it) is westbound, China → Europe;
/// one whose origin lies west of its destination is eastbound, Europe → China. Both directions share
/// the network: a bidirectional link has a capacity each way, and a node's capacity (a border
/// station, a port) is shared by everything it handles, whichever way it goes.
public enum Direction: String, Sendable, Hashable, CaseIterable, Comparable {
    /// China → Europe (and on to the west): the larger flow.
    case westbound
    /// Europe → China: the return flow, smaller and emptier.
    case eastbound

    /// The direction of a trip from longitude `from` to longitude `to` (degrees east): westbound when
    /// the origin is east of the destination or level with it, eastbound otherwise.
    public static func of(fromLongitude from: Double, toLongitude to: Double) -> Direction {
        from >= to ? .westbound : .eastbound
    }

    public static func < (lhs: Direction, rhs: Direction) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
