/// A structural problem that makes a set of nodes, links and demands unusable as a network.
///
/// The scenario loader reports these with file positions before a `Network` is ever built;
/// this type guards programmatic construction.
public enum NetworkError: Error, Sendable, Hashable, CustomStringConvertible {
    case duplicateNode(Node.ID)
    case duplicateLink(Link.ID)
    case duplicateDemand(Demand.ID)
    case unknownNode(Node.ID, referencedBy: String)
    case selfLoop(Link.ID)
    case invalidValue(entity: String, field: String, value: Double, expected: String)
    /// A demand starts or ends at a node in a country it avoids.
    case avoidedEndpoint(Demand.ID, node: Node.ID, country: String)

    public var description: String {
        switch self {
        case .duplicateNode(let id): "node \"\(id)\" is defined twice"
        case .duplicateLink(let id): "link \"\(id)\" is defined twice"
        case .duplicateDemand(let id): "demand \"\(id)\" is defined twice"
        case .unknownNode(let id, let by): "\(by) refers to unknown node \"\(id)\""
        case .selfLoop(let id): "link \"\(id)\" goes from a node to itself"
        case .invalidValue(let entity, let field, let value, let expected):
            "\(entity).\(field) = \(value): expected \(expected)"
        case .avoidedEndpoint(let demand, let node, let country):
            "demand \"\(demand)\" avoids \(country) but starts or ends at node \"\(node)\", which lies there"
        }
    }
}
