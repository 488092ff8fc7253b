import Foundation
import Testing

/// What `corridor` prints about hostile or unusual input files: nothing from them reaches the
/// terminal raw, and files too large or not scenarios are refused by name (issue 16).
@Suite("End to end: messages about input files")
struct InputMessageTests {
    /// A folder under the temporary directory, removed at the end.
    typealias Scratch = OutputSafetyTests.Scratch

    @Test("Control and bidirectional characters from a file are escaped in every message and in the ok line")
    func escaped() throws {
        let scratch = try Scratch()
        let bad = scratch.path("bad.yaml")
        try """
            schema_version: 1
            name: x
            nodes:
              - { id: "A\\0\\e[2J\\u202Eb", country: CN, kind: hub, lat: 1, lon: 2 }
            links: []
            "k\\u202Ey\\a": 1
            """.write(toFile: bad, atomically: false, encoding: .utf8)
        let good = scratch.path("good.yaml")
        try "schema_version: 1\nname: \"evil\\e]0;title\\a\\u2066\"\nnodes: []\nlinks: []\n"
            .write(toFile: good, atomically: false, encoding: .utf8)

        let refused = try CLI.run(["validate", bad])
        let accepted = try CLI.run(["validate", good])

        #expect(refused.status == 65)
        #expect(refused.stderr.contains("invalid id 'A\\u{0}\\u{1B}[2J\\u{202E}b'"), "\(refused.stderr)")
        #expect(refused.stderr.contains("k\\u{202E}y\\u{7}: unknown key"), "\(refused.stderr)")
        #expect(accepted.status == 0, "\(accepted.stderr)")
        #expect(accepted.stdout.contains("ok — \"evil\\u{1B}]0;title\\u{7}\\u{2066}\""), "\(accepted.stdout)")
        for output in [refused.stderr, accepted.stdout, accepted.stderr] {
            let raw = output.unicodeScalars.filter {
                ($0.value < 0x20 && $0 != "\n") || [0x7F, 0x202E, 0x2066].contains($0.value)
            }
            #expect(raw.isEmpty, "raw characters: \(raw.map(\.value))")
        }
    }

    @Test("A path with control characters is escaped where it is named")
    func escapedPath() throws {
        let scratch = try Scratch()
        let path = scratch.path("x\u{1B}[31m\u{202E}.yaml")
        try "- a\n".write(toFile: path, atomically: false, encoding: .utf8)

        let outcome = try CLI.run(["run", path])

        #expect(outcome.status == 65)
        #expect(outcome.stderr.contains("x\\u{1B}[31m\\u{202E}.yaml:1:1: error: not a scenario file"), "\(outcome.stderr)")
        #expect(!outcome.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E })
    }

    @Test("extends of a file that is not a scenario names it and prints none of it")
    func extendsPasswd() throws {
        let scratch = try Scratch()
        try "root:x:0:0:root:/root:/bin/bash\n".write(toFile: scratch.path("passwd"), atomically: false, encoding: .utf8)
        try "schema_version: 1\nname: x\nextends: passwd\n"
            .write(toFile: scratch.path("s.yaml"), atomically: false, encoding: .utf8)

        let outcome = try CLI.run(["validate", scratch.path("s.yaml")])

        #expect(outcome.status == 65)
        #expect(outcome.stderr.contains("\(scratch.path("passwd")):1:1: error: not a scenario file"), "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("root:x"))
    }

    @Test("A file over 16 MiB is refused before it is read: exit 65 naming the file, its size and the limit")
    func tooLarge() throws {
        let scratch = try Scratch()
        let path = scratch.path("huge.yaml")
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        #expect(truncate(path, 64 << 20) == 0)

        for command in ["validate", "run"] {
            let outcome = try CLI.run([command, path])

            #expect(outcome.status == 65)
            #expect(
                outcome.stderr.contains(
                    "\(path): error: is 64.0 MiB (67108864 bytes), larger than the 16 MiB limit for a scenario file"),
                "\(outcome.stderr)")
        }
    }

    @Test("YAML 1.1 numbers end the run with exit 65 and a positioned message")
    func yaml11() throws {
        let scratch = try Scratch()
        let path = scratch.path("octal.yaml")
        try """
            schema_version: 1
            name: x
            nodes:
              - { id: A, country: CN, kind: hub, lat: 1, lon: 2, capacity_teu: 010000 }
            links: []
            """.write(toFile: path, atomically: false, encoding: .utf8)

        let outcome = try CLI.run(["run", path])

        #expect(outcome.status == 65)
        #expect(
            outcome.stderr.contains(
                "octal.yaml:4:68: error: nodes[0].capacity_teu: expected a decimal number, found '010000', which "
                    + "YAML 1.1 reads as the octal number 4096 and YAML 1.2 as 10000"),
            "\(outcome.stderr)")
    }
}
