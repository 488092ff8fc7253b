import FreightNetwork

/// Loads scenario files (`Scenarios/SCHEMA.md`, `schema_version: 1`) into validated scenarios.
///
/// A file is read, its `extends` chain followed (paths relative to each file's directory), its
/// records checked, and its changes applied in order. Every problem in every file of the chain is
/// reported at once, each with its file, line, column and field path.
public enum ScenarioLoader {
    /// The largest scenario (or plan) file read, in bytes: 16 MiB.
    ///
    /// The bundled network is about 100 KiB and a generated 10,000-node network about 5 MiB; a
    /// 63 MiB file of 942,000 nodes took 87 s and 1.9 GB to validate. A larger file is an error
    /// (exit 65) naming its size, found from its size on disk before it is read, or, for a pipe,
    /// once this many bytes have been read.
    public static let largestFileBytes = 16 << 20

    /// Loads the scenario file at `path` (YAML, or JSON, which is YAML).
    ///
    /// - Parameter path: The file's path, absolute or relative to the current directory; it is
    ///   kept as given in ``Scenario/file`` and in diagnostics.
    /// - Returns: The scenario, with any warnings in ``Scenario/warnings``.
    /// - Throws: ``ScenarioDiagnostics`` with every error (and warning) found.
    public static func load(path: String) throws(ScenarioDiagnostics) -> Scenario {
        switch SourceFile.read(path) {
        case .success(let text):
            return try load(text: text, file: path)
        case .failure(let failure):
            let error = ScenarioError(at: SourcePosition(file: path), field: "", message: failure.messageForRoot)
            throw ScenarioDiagnostics(errors: [error])
        }
    }

    /// Loads scenario text as if it were the file `file`.
    ///
    /// - Parameters:
    ///   - text: The file's contents.
    ///   - file: The name shown in diagnostics; an `extends` is resolved relative to its directory.
    /// - Returns: The scenario, with any warnings in ``Scenario/warnings``.
    /// - Throws: ``ScenarioDiagnostics`` with every error (and warning) found.
    public static func load(text: String, file: String) throws(ScenarioDiagnostics) -> Scenario {
        var session = LoadSession()
        let resolved = session.resolve(text: text, file: file)
        let uncertainty = resolved.map { session.resolveUncertainty(against: $0.final) } ?? []
        var diagnostics = session.diagnostics
        let whole = SourcePosition(file: file)
        guard !diagnostics.hasErrors, let resolved, let name = resolved.name else {
            if !diagnostics.hasErrors {
                diagnostics.append(ScenarioError(at: whole, field: "", message: "could not be loaded"))
            }
            throw diagnostics
        }
        guard resolved.base.isSound, resolved.final.isSound else {
            diagnostics.append(ScenarioError(at: whole, field: "", message: "the network has records with errors"))
            throw diagnostics
        }
        let limitErrors = resolved.final.valueLimitErrors()
        guard limitErrors.isEmpty else {
            diagnostics.append(contentsOf: limitErrors)
            throw diagnostics
        }
        diagnostics.append(contentsOf: resolved.final.networkWarnings())
        diagnostics.append(contentsOf: resolved.final.unusedWithoutPeriodsWarnings())
        let base: Network
        let network: Network
        do {
            base = try resolved.base.network()
            network = resolved.finalIsBase ? base : try resolved.final.network()
        } catch {
            diagnostics.append(ScenarioError(at: whole, field: "", message: "the network is invalid: \(error)"))
            throw diagnostics
        }
        return Scenario(
            name: name,
            description: resolved.description,
            file: file,
            network: network,
            baseNetwork: base,
            changes: resolved.changes,
            uncertainty: uncertainty,
            warnings: diagnostics.all.filter { $0.severity == .warning },
            periods: resolved.final.periods?.schedule()
        )
    }
}
