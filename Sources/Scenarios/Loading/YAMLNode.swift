internal import Yams

/// A YAML node with its position: a light node built straight from libyaml's events, or a Yams
/// node for the rare files that need Yams's composer (see ``EventComposer``).
///
/// Both answer alike: a light node is only built where Yams would give the same string, style,
/// position and resolved tag. A Yams node is opened one level at a time, so an alias repeated
/// a billion times is never expanded.
struct YAMLNode {
    /// Where a node starts: 1-based line and column (counted in Unicode scalars).
    struct Mark {
        /// The 1-based line.
        let line: Int
        /// The 1-based column.
        let column: Int
    }

    /// A scalar's text and how it was written.
    struct Scalar {
        /// How a scalar was written; the raw values are libyaml's (and Yams's).
        enum Style: UInt8 {
            case any, plain, singleQuoted, doubleQuoted, literal, folded
        }

        /// The scalar's text.
        let string: String
        /// How it was written.
        let style: Style
    }

    /// The entries of a mapping, in file order.
    struct Mapping: RandomAccessCollection {
        /// The entries.
        let pairs: [(key: YAMLNode, value: YAMLNode)]

        var startIndex: Int { pairs.startIndex }
        var endIndex: Int { pairs.endIndex }
        subscript(index: Int) -> (key: YAMLNode, value: YAMLNode) { pairs[index] }

        /// The keys, in file order.
        var keys: [YAMLNode] { pairs.map(\.key) }
        /// The values, in file order.
        var values: [YAMLNode] { pairs.map(\.value) }
    }

    /// What a light node holds.
    enum Content {
        case scalar(Scalar)
        case sequence([YAMLNode])
        case mapping(Mapping)
    }

    /// What the node is made of (boxed: a node is copied as one reference).
    indirect enum Storage {
        /// Built from events: no tag, anchor or alias, no merge key, no repeated key.
        case light(Content, Mark)
        /// Composed by Yams.
        case yams(Yams.Node)
    }

    /// What the node is made of.
    let storage: Storage

    /// Where the node starts.
    var mark: Mark? {
        switch storage {
        case .light(_, let mark): mark
        case .yams(let node): node.mark.map { Mark(line: $0.line, column: $0.column) }
        }
    }

    /// The scalar, if the node is one.
    var scalar: Scalar? {
        switch storage {
        case .light(.scalar(let scalar), _): scalar
        case .light: nil
        case .yams(let node):
            node.scalar.map { Scalar(string: $0.string, style: Scalar.Style(rawValue: UInt8($0.style.rawValue)) ?? .any) }
        }
    }

    /// The entries, if the node is a mapping.
    var mapping: Mapping? {
        switch storage {
        case .light(.mapping(let mapping), _): mapping
        case .light: nil
        case .yams(let node): node.mapping.map(Mapping.init)
        }
    }

    /// The items, if the node is a sequence.
    var sequence: [YAMLNode]? {
        switch storage {
        case .light(.sequence(let items), _): items
        case .light: nil
        case .yams(let node): node.sequence.map { $0.map { YAMLNode(storage: .yams($0)) } }
        }
    }

    /// True when the node is a scalar whose text is `text`.
    func isScalar(_ text: String) -> Bool {
        switch storage {
        case .light(.scalar(let scalar), _): scalar.string == text
        case .light: false
        case .yams(let node): node.scalar?.string == text
        }
    }

    /// True for a null scalar: `~`, `null` or nothing at all (resolved as Yams resolves it).
    var isNull: Bool {
        switch storage {
        case .light(.scalar(let scalar), _):
            guard scalar.style == .plain else { return false }
            switch scalar.string {
            case "", "~", "null", "Null", "NULL": return true
            default: return false
            }
        case .light: return false
        case .yams(let node): return node.scalar != nil && Tag.Name(rawValue: node.tag.description) == .null
        }
    }
}

extension YAMLNode.Mapping {
    /// The entries of a Yams mapping, each opened lazily.
    init(_ mapping: Yams.Node.Mapping) {
        pairs = mapping.map { (key: YAMLNode(storage: .yams($0.key)), value: YAMLNode(storage: .yams($0.value))) }
    }
}
