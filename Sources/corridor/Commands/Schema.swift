import ArgumentParser
import Scenarios

extension Corridor {
    /// `corridor schema KIND`: the JSON Schema of a scenario, plan or observations file, made from the loader's
    /// reading code.
    struct Schema: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Print the JSON Schema (draft-07) of scenario, plan or observations files, for editors and other tools.",
            discussion: """
                The schema is made from the loader's own reading code: the same keys, types, ranges and required \
                fields that `corridor validate` checks. Checks across files or the whole network (unknown ids, \
                convex curves) are the loader's alone. The repository's schemas/ holds the output of this command.
                """
        )

        @Argument(help: "Which file's schema: scenario, plan or observations.")
        var kind: FileSchema

        func run() throws {
            try Output.print(kind.text)
        }
    }
}

extension FileSchema: ExpressibleByArgument {}
