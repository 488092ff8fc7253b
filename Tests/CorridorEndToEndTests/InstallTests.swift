import CorridorTestSupport
import Foundation
import Testing

@Suite("Install: manual page and completions from the argument parser")
struct InstallTests {
    @Test("scripts/corridor-manual writes a roff page naming every subcommand and option; --version names GLPK")
    func manualPage() throws {
        let page = try CLI.external("/usr/bin/python3", [CLI.root.appendingPathComponent("scripts/corridor-manual").path, CLI.executable.path])
        try #require(page.status == 0, "\(page.stdout)")
        #expect(page.stdout.hasPrefix(".TH CORRIDOR 1"))
        for name in ["run", "capacity", "compare", "frontier", "sweep", "merge", "validate", "plan", "generate"] {
            #expect(page.stdout.contains(".SS corridor \(name)\n"), "\(name)")
        }
        for option in ["--objective", "--corridor", "--min-capacity", "--monte-carlo", "--shard", "--export-lp"] {
            #expect(page.stdout.contains(option), "\(option)")
        }
        let version = try CLI.run(["--version"])
        #expect(version.status == 0 && version.stdout.contains("(GLPK 5."), "\(version.stdout)")
    }

    @Test("completion scripts for bash, zsh and fish", arguments: ["bash", "zsh", "fish"])
    func completions(shell: String) throws {
        let script = try CLI.run(["--generate-completion-script", shell])
        #expect(script.status == 0)
        #expect(script.stdout.contains("capacity") && script.stdout.contains("corridor"))
    }
}
