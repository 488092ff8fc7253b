import Scenarios
import Testing

@Suite("Scenario loader: unreadable files")
struct FileErrorTests {
    @Test("A missing file is an error naming its path")
    func missingFile() {
        #expect(Fixtures.diagnostics(ofFixture: "nope.yaml") == "nope.yaml: error: no such file")
        #expect(Fixtures.diagnostics(ofPath: "no/such/dir/x.yaml") == "no/such/dir/x.yaml: error: no such file")
    }

    @Test("A directory is not a scenario file")
    func directory() {
        #expect(Fixtures.diagnostics(ofFixture: "scenarios") == "scenarios: error: is a directory, not a file")
    }

    @Test(
        "An empty file, or one with only comments, is an error",
        arguments: ["", "\n\n", "# only a comment\n", "---\n", "~\n"])
    func emptyText(text: String) {
        #expect(Fixtures.diagnostics(text) == "t.yaml: error: file is empty")
    }

    @Test("The empty fixture file is an error")
    func emptyFile() {
        #expect(Fixtures.diagnostics(ofFixture: "empty.yaml") == "empty.yaml: error: file is empty")
    }

    @Test("Binary files are not text: NUL bytes or invalid UTF-8")
    func binary() {
        #expect(
            Fixtures.diagnostics(ofFixture: "binary.yaml") == "binary.yaml: error: not a text file (contains NUL bytes)"
        )
        #expect(
            Fixtures.diagnostics(ofFixture: "latin1.yaml") == "latin1.yaml: error: not a text file (not valid UTF-8)")
        #expect(
            Fixtures.diagnostics("schema_version: 1\nname: a\u{0}b\n")
                == "t.yaml:2: error: not a text file (contains NUL bytes)")
    }

    @Test("Malformed YAML is one error at the line and column Yams reports")
    func malformed() {
        #expect(
            Fixtures.diagnostics(ofFixture: "malformed.yaml")
                == "malformed.yaml:5:6: error: invalid YAML: did not find expected ',' or '}' "
                + "(while parsing a flow mapping at line 4, column 5)"
        )
        #expect(
            Fixtures.diagnostics("schema_version: 1\nname: tab\n\tnodes: []\n")
                == "t.yaml:3:1: error: invalid YAML: found a tab character that violates indentation "
                + "(while scanning a plain scalar at line 2, column 7)"
        )
        #expect(
            Fixtures.diagnostics("schema_version: 1\nname: x\nlinks: [a, b\n")
                .hasPrefix("t.yaml:4:1: error: invalid YAML: did not find expected ',' or ']'")
        )
    }

    @Test("A key written twice in one mapping is a YAML error")
    func duplicateKey() {
        #expect(
            Fixtures.diagnostics("schema_version: 1\nname: a\nname: b\nnodes: []\nlinks: []\n")
                == "t.yaml:2:1: error: invalid YAML: key 'name' appears more than once in one mapping"
        )
    }

    @Test("More than one YAML document is an error")
    func twoDocuments() {
        #expect(
            Fixtures.diagnostics("schema_version: 1\nname: a\nnodes: []\nlinks: []\n---\nname: b\n")
                == "t.yaml:5:1: error: invalid YAML: but found another document "
                + "(expected a single document in the stream at line 1, column 1)"
        )
    }

    @Test(
        "A file whose top level is not a mapping of scenario fields is named, not quoted",
        arguments: [
            ("- a\n- b\n", "its top level is a list, not a mapping of fields"),
            ("hello\n", "its top level is a single value, not a mapping of fields"),
            ("42", "its top level is a single value, not a mapping of fields"),
            ("root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/:/bin/sh\n", "its top level is a single value, not a mapping of fields"),
            ("user: secret\npassword: hunter2\n", "none of its keys is a scenario field"),
        ]
    )
    func topLevelNotMapping(text: String, found: String) {
        #expect(Fixtures.diagnostics(text) == "t.yaml:1:1: error: not a scenario file: \(found)")
    }

    @Test("A base that is not a scenario file is named; none of its text is shown")
    func extendsNonScenario() throws {
        let folder = try TemporaryFolder("passwd")
        let secret = try folder.write("root:x:0:0:root:/root:/bin/bash\nsecret-line\n", to: "passwd")
        let path = try folder.write("schema_version: 1\nname: x\nextends: passwd\n", to: "s.yaml")

        let found = Fixtures.diagnostics(ofPath: path)

        #expect(found == "\(secret):1:1: error: not a scenario file: its top level is a single value, not a mapping of fields")
        #expect(!found.contains("root:x") && !found.contains("secret-line"))
    }
}
