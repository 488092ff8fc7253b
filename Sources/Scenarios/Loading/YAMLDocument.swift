internal import Yams

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns scenario text into a YAML tree whose nodes carry their own positions.
///
/// libyaml's events build the tree (``EventComposer``); Yams composes the files that need it
/// (errors, tags, anchors, merge keys, repeated keys), so every message stays Yams's.
enum YAMLDocument {
    /// Composes `text` into a tree, or records why it cannot.
    ///
    /// - Returns: The root node, or `nil` after recording "not a text file", "file is empty" or the
    ///   YAML syntax error at its line and column.
    static func compose(_ text: String, file: String, into diagnostics: inout ScenarioDiagnostics) -> YAMLNode? {
        let whole = SourcePosition(file: file)
        if let line = firstNULLine(in: text) {
            let position = SourcePosition(file: file, line: line)
            diagnostics.append(ScenarioError(at: position, field: "", message: "not a text file (contains NUL bytes)"))
            return nil
        }
        var text = text
        let root: YAMLNode?
        do {
            if let light = text.withUTF8({ EventComposer.compose($0) }) {
                root = light
            } else {
                root = try Yams.compose(yaml: text).map { YAMLNode(storage: .yams($0)) }
            }
        } catch {
            var problem = diagnostic(for: error, file: file)
            let isTab = character(atLine: problem.position.line, column: problem.position.column, in: text) == "\t"
            if isTab, problem.hint == nil, !problem.message.contains("tab") {
                problem.hint = "YAML does not allow tabs for indentation; use spaces"
            }
            diagnostics.append(problem)
            return nil
        }
        guard let root, !isNull(root) else {
            diagnostics.append(ScenarioError(at: whole, field: "", message: "file is empty"))
            return nil
        }
        return root
    }

    /// The keys of the mapping at the top of `text`, or `nil` when `text` does not compose into
    /// a mapping (for any reason ``compose(_:file:into:)`` would record).
    ///
    /// Checks the whole text as `compose` does, but builds no tree below the top level.
    static func topLevelKeys(_ text: String, file: String) -> [YAMLNode]? {
        var text = text
        if firstNULLine(in: text) == nil, let root = text.withUTF8({ EventComposer.root($0) }) {
            return root.isNull ? nil : root.mapping?.keys
        }
        var ignored = ScenarioDiagnostics()
        return compose(text, file: file, into: &ignored)?.mapping?.keys
    }

    /// Whether the file at `path` is a YAML mapping with one of `keys` at its top (how `validate` tells a plan or
    /// observations file from a scenario); false for a file that cannot be read or parsed.
    ///
    /// A key reads as one of `keys` only if its letters are written in a row, or spelt with escapes
    /// (`\x69nvestments`): a file with none of the words and no backslash is not composed at all.
    static func hasTopLevelKey(path: String, _ keys: [StaticString]) -> Bool {
        firstTopLevelKeySet(path: path, [keys]) == 0
    }

    /// The index of the first of `keySets` that has a key at the top of the YAML mapping in the file at `path`,
    /// or `nil` when none has (or the file cannot be read or parsed): ``hasTopLevelKey(path:_:)`` for several
    /// sets of keys in turn, with the file read (and, when it may hold one of the words, composed) once.
    static func firstTopLevelKeySet(path: String, _ keySets: [[StaticString]]) -> Int? {
        guard case .success(let bytes) = SourceFile.readBytes(path) else { return nil }
        let candidates = bytes.withUnsafeBufferPointer { bytes in
            let escaped = bytes.baseAddress.map { memchr($0, Int32(UInt8(ascii: "\\")), bytes.count) != nil } == true
            return keySets.indices.filter { set in escaped || keySets[set].contains { contains($0, in: bytes) } }
        }
        guard !candidates.isEmpty, case .success(let text) = SourceFile.decode(bytes),
            let found = topLevelKeys(text, file: path)
        else { return nil }
        let written = Set(found.compactMap { $0.scalar?.string })
        return candidates.first { set in keySets[set].contains { written.contains($0.description) } }
    }

    /// True when the UTF-8 of `word` stands in `bytes` (this runs on every file `validate` reads).
    ///
    /// `memchr(3)` finds each candidate for the word's rarest letter, `memcmp(3)` compares the whole word
    /// around it: anchored on the first letter, the search stopped at every `i` of a 2.3 MB file, about
    /// 100,000 times for `investments`; its `v` occurs about 200 times there.
    private static func contains(_ word: StaticString, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = word.utf8CodeUnitCount
        guard let start = bytes.baseAddress, count > 0, bytes.count >= count else { return false }
        let letters = UnsafeBufferPointer(start: word.utf8Start, count: count)
        let anchor = letters.indices.max { rarity(letters[$0]) < rarity(letters[$1]) } ?? 0
        let byte = Int32(letters[anchor])
        // Where the anchor byte of a match can be: from `anchor` to `bytes.count - count + anchor`.
        var index = anchor
        let last = bytes.count - count + anchor
        while index <= last {
            guard let found = memchr(start + index, byte, last - index + 1) else { return false }
            let at = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self)
            if memcmp(at - anchor, word.utf8Start, count) == 0 { return true }
            index = at - start + 1
        }
        return false
    }

    /// How rare `byte` is in scenario text, higher for rarer: letters by their frequency in English (and in
    /// field names), everything else as common. Only the search's speed depends on it.
    private static func rarity(_ byte: UInt8) -> Int {
        let common: StaticString = "_etaoinsrdlhcuymfpgwbvkxjqz"
        let order = UnsafeBufferPointer(start: common.utf8Start, count: common.utf8CodeUnitCount)
        return order.firstIndex(of: byte) ?? 0
    }

    /// The character at a 1-based line and column (counted in Unicode scalars), if there is one.
    static func character(atLine line: Int, column: Int, in text: String) -> Unicode.Scalar? {
        guard line > 0, column > 0 else { return nil }
        var current = 1
        var scalars = text.unicodeScalars[...]
        while current < line {
            guard let newline = scalars.firstIndex(of: "\n") else { return nil }
            scalars = scalars[scalars.index(after: newline)...]
            current += 1
        }
        let rest = scalars.prefix { $0 != "\n" }
        return rest.dropFirst(column - 1).first
    }

    /// The 1-based line of the first NUL character, if there is one.
    static func firstNULLine(in text: String) -> Int? {
        let clean = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.baseAddress.map { memchr($0, 0, bytes.count) == nil } ?? true
        }
        if clean == true { return nil }
        var line = 1
        for byte in text.utf8 {
            if byte == 0 { return line }
            if byte == UInt8(ascii: "\n") { line += 1 }
        }
        return nil
    }

    /// True for a null scalar: `~`, `null` or nothing at all.
    static func isNull(_ node: YAMLNode) -> Bool { node.isNull }

    /// A positioned diagnostic for an error thrown by Yams.
    static func diagnostic(for error: any Error, file: String) -> ScenarioError {
        guard let yamlError = error as? YamlError else {
            return ScenarioError(at: SourcePosition(file: file), field: "", message: "invalid YAML: \(error)")
        }
        func at(_ mark: Mark) -> SourcePosition { SourcePosition(file: file, line: mark.line, column: mark.column) }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var message = "invalid YAML: \(problem)"
            if let context, context.mark.line != mark.line || context.mark.column != mark.column {
                message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
            } else if let context {
                message += " (\(context.text))"
            }
            return ScenarioError(at: at(mark), field: "", message: message)
        case .reader(let problem, let offset, _, let yaml):
            let position = offset.map { lineAndColumn(ofCharacterOffset: $0, in: yaml, file: file) }
            return ScenarioError(
                at: position ?? SourcePosition(file: file), field: "", message: "invalid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            let phrase = duplicates.count == 1 ? "key \(keys) appears" : "keys \(keys) appear"
            return ScenarioError(
                at: at(context.mark),
                field: "",
                message: "invalid YAML: \(phrase) more than once in one mapping"
            )
        default:
            return ScenarioError(at: SourcePosition(file: file), field: "", message: "invalid YAML: \(yamlError)")
        }
    }

    /// The position of the character at `offset` (counted in `Character`s) in `text`.
    static func lineAndColumn(ofCharacterOffset offset: Int, in text: String, file: String) -> SourcePosition {
        var line = 1
        var column = 1
        for character in text.prefix(offset) {
            if character == "\n" || character == "\r\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return SourcePosition(file: file, line: line, column: column)
    }
}
