/// One deterministic part of a sweep: shard `index` of `count` solves the cases whose index modulo
/// `count` is `index`. Every part solves the intact network itself, so parts need nothing from each
/// other and can run on any batch scheduler.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// 0-based, below ``count``.
    public var index: Int
    /// How many parts the sweep is split into, ≥ 1.
    public var count: Int

    public init(index: Int, count: Int) {
        precondition(count >= 1 && (0..<count).contains(index), "shard \(index)/\(count) is not valid")
        self.index = index
        self.count = count
    }

    /// The whole sweep, unsharded.
    public static let whole = Shard(index: 0, count: 1)

    /// True when this part solves case `caseIndex`.
    public func owns(_ caseIndex: Int) -> Bool { caseIndex % count == index }

    /// `2/8`.
    public var description: String { "\(index)/\(count)" }
}
