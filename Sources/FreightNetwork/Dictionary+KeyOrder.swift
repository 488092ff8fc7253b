extension Dictionary where Value: AdditiveArithmetic {
    /// Σ of the values, added in ascending order of `order(key)`.
    ///
    /// A dictionary's own order follows the hash seed, which Swift draws anew for every process, and
    /// floating-point addition is not associative: `values.reduce(0, +)` can differ in the last digit
    /// from run to run. Summing in a fixed order makes every run give the same bits. `order` should
    /// tell all keys apart.
    public func sumInKeyOrder<Order: Comparable>(by order: (Key) -> Order) -> Value {
        map { (order($0.key), $0.value) }.sorted { $0.0 < $1.0 }.reduce(.zero) { $0 + $1.1 }
    }
}

extension Dictionary where Key: Comparable, Value: AdditiveArithmetic {
    /// Σ of the values, added in ascending key order: the same bits in every process (see ``sumInKeyOrder(by:)``).
    public func sumInKeyOrder() -> Value { sumInKeyOrder { $0 } }
}
