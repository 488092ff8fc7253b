internal import CYaml

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Builds a tree of light ``YAMLNode``s straight from libyaml's events, without Yams's nodes,
/// tag resolution or string bridging.
///
/// It gives up (returns `nil`) on anything whose meaning or message needs Yams's composer: a
/// syntax error, a tag, an anchor or alias, a merge key, a key that is not a scalar, two keys
/// with the same text, an empty stream, a second document, or nesting deeper than
/// ``deepestNesting``. The caller then composes the text with Yams, which says the same as before.
final class EventComposer {
    /// How deep collections may nest before the composer gives up.
    static let deepestNesting = 256

    private let parser: UnsafeMutablePointer<yaml_parser_t>
    /// The current event: a constant pointer, as a class's variables are checked for exclusive access at
    /// run time, on each of the 300,000 events of a 2.3 MB file.
    private let event: UnsafeMutablePointer<yaml_event_t>
    /// False to check the whole text but keep only the root and its entries (their values empty).
    private let keepsAll: Bool
    /// The keys and entries of the mappings being composed, behind a constant pointer for the same reason
    /// as ``event`` (the run-time exclusivity checks on a class's arrays were a sixth of composing).
    private let open: UnsafeMutablePointer<OpenMappings>

    /// The keys and entries of the mappings being composed, outermost first.
    private struct OpenMappings {
        /// The keys: each mapping's keys follow its parent's, and are dropped when it ends. One buffer
        /// for all saves an array per mapping.
        var keys: [String] = []
        /// The entries, kept as ``keys`` is; each mapping copies its own out once, at its exact size,
        /// instead of growing an array of its own.
        var pairs: [YAMLNode.Mapping.Entry] = []
        /// Keys longer than 15 bytes met lately, the newest last (see ``longKey(_:)``).
        var longKeys: [String] = []
        /// How many of them are kept: more than any record kind has long field names.
        static let longKeysKept = 16
    }

    /// The tree of the single document in `bytes` (UTF-8, without NUL bytes), or `nil` to ask Yams.
    static func compose(_ bytes: UnsafeBufferPointer<UInt8>) -> YAMLNode? {
        EventComposer(bytes, keepsAll: true).document()
    }

    /// The root of the single document in `bytes`, checked throughout as ``compose(_:)`` checks it,
    /// but with its entries' values left empty; `nil` to ask Yams.
    static func root(_ bytes: UnsafeBufferPointer<UInt8>) -> YAMLNode? {
        EventComposer(bytes, keepsAll: false).document()
    }

    private init(_ bytes: UnsafeBufferPointer<UInt8>, keepsAll: Bool) {
        self.keepsAll = keepsAll
        parser = .allocate(capacity: 1)
        event = .allocate(capacity: 1)
        event.initialize(to: yaml_event_t())
        open = .allocate(capacity: 1)
        open.initialize(to: OpenMappings())
        yaml_parser_initialize(parser)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
    }

    deinit {
        yaml_event_delete(event)
        event.deallocate()
        yaml_parser_delete(parser)
        parser.deallocate()
        open.deinitialize(count: 1)
        open.deallocate()
    }

    /// Moves to the next event; `false` on a syntax error.
    private func advance() -> Bool {
        yaml_event_delete(event)
        return yaml_parser_parse(parser, event) == 1
    }

    /// The root of the stream's one document.
    private func document() -> YAMLNode? {
        guard advance(), event.pointee.type == YAML_STREAM_START_EVENT else { return nil }
        guard advance(), event.pointee.type == YAML_DOCUMENT_START_EVENT else { return nil }
        guard advance(), let root = node(depth: 0) else { return nil }
        guard advance(), event.pointee.type == YAML_DOCUMENT_END_EVENT else { return nil }
        guard advance(), event.pointee.type == YAML_STREAM_END_EVENT else { return nil }
        return root
    }

    /// Where the current event starts, 1-based.
    private var mark: YAMLNode.Mark {
        YAMLNode.Mark(line: Int(event.pointee.start_mark.line) + 1, column: Int(event.pointee.start_mark.column) + 1)
    }

    /// The node that starts at the current event, which it leaves at the node's last event.
    private func node(depth: Int) -> YAMLNode? {
        switch event.pointee.type {
        case YAML_SCALAR_EVENT: scalar()
        case YAML_SEQUENCE_START_EVENT: depth < Self.deepestNesting ? sequence(depth: depth) : nil
        case YAML_MAPPING_START_EVENT: depth < Self.deepestNesting ? mapping(depth: depth) : nil
        default: nil
        }
    }

    /// The scalar at the current event; a key's text longer than a small string is shared with the same
    /// key met before (``OpenMappings/longKeys``).
    private func scalar(isKey: Bool = false) -> YAMLNode? {
        let data = event.pointee.data.scalar
        guard data.anchor == nil, data.tag == nil, let style = YAMLNode.Scalar.Style(rawValue: UInt8(data.style.rawValue))
        else { return nil }
        let bytes = UnsafeBufferPointer(start: data.value, count: data.length)
        let text = isKey && bytes.count > 15 ? longKey(bytes) : String(decoding: bytes, as: UTF8.self)
        return YAMLNode(storage: .scalar(YAMLNode.Scalar(string: text, style: style), mark))
    }

    /// The text of a key of more than 15 bytes (longer than Swift's inline small strings): the string made for
    /// the same bytes before, when there is one among the last few, so that `handling_cost_usd_per_teu` on
    /// each of 5,000 nodes is one allocation, not 5,000.
    private func longKey(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        for known in open.pointee.longKeys {
            let same = known.utf8.withContiguousStorageIfAvailable { stored in
                stored.count == bytes.count && memcmp(stored.baseAddress!, bytes.baseAddress!, bytes.count) == 0
            }
            if same == true { return known }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        if open.pointee.longKeys.count == OpenMappings.longKeysKept { open.pointee.longKeys.removeFirst() }
        open.pointee.longKeys.append(text)
        return text
    }

    private func sequence(depth: Int) -> YAMLNode? {
        let data = event.pointee.data.sequence_start
        guard data.anchor == nil, data.implicit != 0 else { return nil }
        let start = mark
        var items: [YAMLNode] = []
        while true {
            guard advance() else { return nil }
            if event.pointee.type == YAML_SEQUENCE_END_EVENT { break }
            guard let item = node(depth: depth + 1) else { return nil }
            if keepsAll { items.append(item) }
        }
        return YAMLNode(storage: .light(.sequence(items), start))
    }

    private func mapping(depth: Int) -> YAMLNode? {
        let data = event.pointee.data.mapping_start
        guard data.anchor == nil, data.implicit != 0 else { return nil }
        let start = mark
        let firstKey = open.pointee.keys.endIndex
        let firstPair = open.pointee.pairs.endIndex
        defer {
            open.pointee.keys.removeSubrange(firstKey...)
            open.pointee.pairs.removeSubrange(firstPair...)
        }
        var written: Set<String> = []
        while true {
            guard advance() else { return nil }
            if event.pointee.type == YAML_MAPPING_END_EVENT { break }
            guard event.pointee.type == YAML_SCALAR_EVENT, let key = scalar(isKey: true), let text = key.scalar?.string, text != "<<"
            else { return nil }
            // A repeated key is an error or not depending on resolved tags: Yams decides.
            if open.pointee.keys.count - firstKey < 16 {
                guard !open.pointee.keys[firstKey...].contains(where: { $0.utf8.count == text.utf8.count && $0 == text })
                else { return nil }
            } else {
                if written.isEmpty { written = Set(open.pointee.keys[firstKey...]) }
                guard written.insert(text).inserted else { return nil }
            }
            open.pointee.keys.append(text)
            guard advance(), let value = node(depth: depth + 1) else { return nil }
            if keepsAll || depth == 0 { open.pointee.pairs.append(YAMLNode.Mapping.Entry(key: key, value: value)) }
        }
        let pairs = Array(open.pointee.pairs[firstPair...])
        return YAMLNode(storage: .light(.mapping(YAMLNode.Mapping(pairs: pairs)), start))
    }
}
