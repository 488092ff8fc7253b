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
        /// The line and column, stored in 32 bits each (a file is at most 16 MiB): a light node is inline.
        private let storedLine: Int32, storedColumn: Int32

        /// The 1-based line.
        var line: Int { Int(storedLine) }
        /// The 1-based column.
        var column: Int { Int(storedColumn) }

        /// A mark at a 1-based line and column.
        init(line: Int, column: Int) {
            storedLine = Int32(truncatingIfNeeded: line)
            storedColumn = Int32(truncatingIfNeeded: column)
        }
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
        let pairs: [Entry]

        /// One entry: a struct, not a tuple, so that arrays of entries are copied and freed by
        /// specialised code rather than the runtime's generic tuple witnesses.
        struct Entry {
            /// The key.
            let key: YAMLNode
            /// The value.
            let value: YAMLNode
        }

        var startIndex: Int { pairs.startIndex }
        var endIndex: Int { pairs.endIndex }
        subscript(index: Int) -> (key: YAMLNode, value: YAMLNode) { (pairs[index].key, pairs[index].value) }

        /// The keys, in file order.
        var keys: [YAMLNode] { pairs.map(\.key) }
        /// The values, in file order.
        var values: [YAMLNode] { pairs.map(\.value) }
    }

    /// What a light collection holds.
    enum Content {
        case sequence([YAMLNode])
        case mapping(Mapping)
    }

    /// What the node is made of.
    ///
    /// A light scalar is stored inline, not boxed: a 2.3 MB file has about 450,000 nodes, most of them
    /// scalars, and one allocation each (and its release) was a tenth of loading it. Collections and
    /// Yams's nodes are boxed (which also keeps the recursive layout one the compiler can settle).
    enum Storage {
        /// A scalar built from events: no tag, anchor or alias.
        case scalar(Scalar, Mark)
        /// A collection built from events: no tag, anchor or alias, no merge key, no repeated key.
        indirect case light(Content, Mark)
        /// Composed by Yams.
        indirect case yams(Yams.Node)
    }

    /// What the node is made of.
    let storage: Storage

    /// Where the node starts.
    var mark: Mark? {
        switch storage {
        case .scalar(_, let mark), .light(_, let mark): mark
        case .yams(let node): node.mark.map { Mark(line: $0.line, column: $0.column) }
        }
    }

    /// The scalar, if the node is one.
    var scalar: Scalar? {
        switch storage {
        case .scalar(let scalar, _): scalar
        case .light: nil
        case .yams(let node):
            node.scalar.map { Scalar(string: $0.string, style: Scalar.Style(rawValue: UInt8($0.style.rawValue)) ?? .any) }
        }
    }

    /// The entries, if the node is a mapping.
    var mapping: Mapping? {
        switch storage {
        case .light(.mapping(let mapping), _): mapping
        case .scalar, .light: nil
        case .yams(let node): node.mapping.map(Mapping.init)
        }
    }

    /// The items, if the node is a sequence.
    var sequence: [YAMLNode]? {
        switch storage {
        case .light(.sequence(let items), _): items
        case .scalar, .light: nil
        case .yams(let node): node.sequence.map { $0.map { YAMLNode(storage: .yams($0)) } }
        }
    }

    /// True when the node is a scalar whose text is `text`.
    ///
    /// Lengths are compared first: field names mostly differ in length, and that test is inline.
    func isScalar(_ text: String) -> Bool {
        switch storage {
        case .scalar(let scalar, _): scalar.string.utf8.count == text.utf8.count && scalar.string == text
        case .light: false
        case .yams(let node): node.scalar?.string == text
        }
    }

    /// True for a null scalar: `~`, `null` or nothing at all (resolved as Yams resolves it).
    var isNull: Bool {
        switch storage {
        case .scalar(let scalar, _):
            guard scalar.style == .plain else { return false }
            let count = scalar.string.utf8.count
            guard count == 0 || count == 1 || count == 4 else { return false }
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
        pairs = mapping.map { Entry(key: YAMLNode(storage: .yams($0.key)), value: YAMLNode(storage: .yams($0.value))) }
    }
}
