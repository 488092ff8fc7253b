internal import LinearProgramming

/// The names a ``LinearProgram`` is loaded into GLPK with.
///
/// For solving, names stay as given except that control characters become `_` (GLPK aborts on
/// them). For LP and MPS files, every name becomes a readable CPLEX LP name: ASCII letters,
/// digits and `_ . ( ) , / # $ % & ! ? @ { } | ~ ;` are kept, every other character (space,
/// `-`, `+`, `[`, `]`, `:`, `<`, `>`, `=`, `*`, `^`, quotes, non-ASCII…) becomes `_`; a name that
/// starts with a digit or `.`, that could be read as a number's exponent (`e1`), or that is an LP
/// keyword (`st`, `bounds`, `free`, `end`…) gets a leading `_`; an empty name becomes `x<j>` or
/// `r<i>` (1-based). Names are then made unique among columns and among rows by appending
/// `_2`, `_3`…, and kept within GLPK's 255 bytes.
struct ProblemNames: Sendable {
    /// GLPK's limit on a name, in bytes.
    static let maximumLength = 255

    /// The problem's name.
    var problem: String
    /// The objective's name; rows never share it.
    var objective: String
    /// One name per column.
    var columns: [String]
    /// One name per row.
    var rows: [String]
    /// The name of an extra column fixed at 1 whose cost is the objective constant, or `nil`.
    ///
    /// Files only: GLPK's CPLEX LP writer keeps the constant only as a comment, and readers of
    /// MPS disagree on the sign of an objective RHS, so a fixed column carries it unambiguously.
    var constantColumn: String?

    /// The names for solving: as given, with control characters replaced by `_`.
    init(solving program: LinearProgram) {
        problem = Self.withoutControlCharacters(program.name)
        objective = "obj"
        columns = program.columns.map { Self.withoutControlCharacters($0.name) }
        rows = program.rows.map { Self.withoutControlCharacters($0.name) }
        constantColumn = nil
    }

    /// The names for LP and MPS files: readable, valid in CPLEX LP, and unique.
    init(exporting program: LinearProgram) {
        problem = Self.fileName(program.name, fallback: "corridor")
        objective = "obj"
        columns = Self.uniqued(
            program.columns.enumerated().map { Self.fileName($0.element.name, fallback: "x\($0.offset + 1)") },
            reserved: []
        )
        rows = Self.uniqued(
            program.rows.enumerated().map { Self.fileName($0.element.name, fallback: "r\($0.offset + 1)") },
            reserved: [objective]
        )
        constantColumn =
            program.objectiveConstant == 0
            ? nil : Self.uniqued(["objective_constant"], reserved: Set(columns))[0]
    }

    /// `name` with every control character (U+0000–U+001F, U+007F) replaced by `_`.
    static func withoutControlCharacters(_ name: String) -> String {
        // Control characters are single UTF-8 bytes (no byte of a multi-byte scalar is below 0x80):
        // a name without one, which is every name the formulations build, is kept as it is.
        guard name.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { return name }
        return String(name.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "_" : Character($0) })
    }

    /// Characters other than ASCII letters and digits that CPLEX LP names may contain and that
    /// read well (CPLEX also allows quotes and the backtick; they are left out).
    private static let punctuation: Set<Character> = [
        "_", ".", "(", ")", ",", "/", "#", "$", "%", "&", "!", "?", "@", "{", "}", "|", "~", ";",
    ]

    /// Words a CPLEX LP reader may take for a section keyword or a bound value.
    private static let keywords: Set<String> = [
        "min", "max", "minimize", "maximize", "minimise", "maximise", "minimum", "maximum",
        "st", "s.t.", "st.", "subject", "such", "bound", "bounds", "free", "inf", "infinity",
        "bin", "binary", "binaries", "gen", "general", "generals", "integer", "integers", "end",
    ]

    /// `name` as a valid CPLEX LP name (see the type's documentation), or `fallback` when empty.
    static func fileName(_ name: String, fallback: String) -> String {
        var result = String(
            name.unicodeScalars.map { scalar -> Character in
                let character = Character(scalar)
                let kept =
                    scalar.isASCII && (character.isLetter || character.isNumber || punctuation.contains(character))
                return kept ? character : "_"
            }
        )
        if result.isEmpty { result = fallback }
        if needsPrefix(result) { result = "_" + result }
        return String(result.prefix(maximumLength))  // all ASCII now: characters are bytes
    }

    /// True when a reader could take `name` for a number, an exponent or a keyword.
    private static func needsPrefix(_ name: String) -> Bool {
        guard let first = name.first else { return false }
        if first.isNumber || first == "." || keywords.contains(name.lowercased()) { return true }
        guard first == "e" || first == "E" else { return false }
        let second = name.dropFirst().first
        return second == nil || second?.isNumber == true || second == "e" || second == "E"
    }

    /// Makes `names` unique among themselves and against `reserved` by appending `_2`, `_3`, and so on.
    static func uniqued(_ names: [String], reserved: Set<String>) -> [String] {
        var used = reserved
        return names.map { name in
            var candidate = name
            var suffix = 2
            while used.contains(candidate) {
                let tail = "_\(suffix)"
                candidate = String(name.prefix(maximumLength - tail.count)) + tail
                suffix += 1
            }
            used.insert(candidate)
            return candidate
        }
    }
}
