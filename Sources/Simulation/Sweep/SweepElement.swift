/// An element a sweep report names: a failure target, or a capacity that may bind.
public struct SweepElement: Sendable, Hashable {
    /// `link`, `node`, `border` or `country`.
    public var kind: String
    /// The element's id: a link or node id, a country pair such as `CN-KZ`, a country code.
    public var id: String
    /// A readable name: the node's name, `KUR → ALT`, the crossings of a border.
    public var name: String

    public init(kind: String, id: String, name: String) {
        self.kind = kind
        self.id = id
        self.name = name
    }
}

/// A capacity row of the intact network's LP: the link or node whose capacity it bounds.
struct SweepCapacity: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case link, node
    }
    var kind: Kind
    /// Dense index of the link or node.
    var index: Int
}
