import Foundation
import FreightNetwork
import Scenarios

/// Paths and helpers for the loader tests.
enum Fixtures {
    /// The folder holding the fixture files (excluded from the target in Package.swift).
    static let directory: String = {
        let file = "\(#filePath)"
        let folder = file.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        return folder + "/Fixtures"
    }()

    /// The absolute path of a fixture.
    static func path(_ name: String) -> String { "\(directory)/\(name)" }

    /// Loads a fixture file.
    static func load(_ name: String) throws(ScenarioDiagnostics) -> Scenario {
        try ScenarioLoader.load(path: path(name))
    }

    /// The rendered diagnostics of loading `text` as `file` (a bare name stays bare in messages;
    /// files under the fixture directory are shown relative to it), or `"loaded"` when it loads.
    static func diagnostics(_ text: String, file: String = "t.yaml") -> String {
        do {
            _ = try ScenarioLoader.load(text: text, file: file)
            return "loaded"
        } catch {
            return relative(error.description)
        }
    }

    /// The rendered diagnostics of loading the fixture `name`, shown relative to the fixture directory.
    static func diagnostics(ofFixture name: String) -> String {
        do {
            _ = try load(name)
            return "loaded"
        } catch {
            return relative(error.description)
        }
    }

    /// The fixture directory relative to the current directory, when it lies below it.
    static let relativeDirectory: String? = {
        let current = FileManager.default.currentDirectoryPath
        guard directory.hasPrefix(current + "/") else { return nil }
        return String(directory.dropFirst(current.count + 1))
    }()

    /// The rendered diagnostics of loading `path` as given, or `"loaded"`.
    static func diagnostics(ofPath path: String) -> String {
        do {
            _ = try ScenarioLoader.load(path: path)
            return "loaded"
        } catch {
            return error.description
        }
    }

    /// `text` with the fixture directory removed from every path in it.
    static func relative(_ text: String) -> String {
        text.replacing(directory + "/", with: "")
    }

    /// Loads `text` as a file in the fixture directory (so `extends: network.yaml` finds the network).
    static func scenario(_ text: String, name: String = "inline.yaml") throws(ScenarioDiagnostics) -> Scenario {
        try ScenarioLoader.load(text: text, file: path(name))
    }

    /// The header of an inline scenario extending `network.yaml`, followed by `body`.
    static func extendingNetwork(_ body: String) -> String {
        """
        schema_version: 1
        name: Inline
        extends: network.yaml
        \(body)
        """
    }
}

extension Network {
    /// The node with a raw id (test shorthand).
    subscript(node id: String) -> FreightNetwork.Node? { node(FreightNetwork.Node.ID(id)) }
    /// The link with a raw id (test shorthand).
    subscript(link id: String) -> Link? { link(Link.ID(id)) }
    /// The demand with a raw id (test shorthand).
    subscript(demand id: String) -> Demand? { demands.first { $0.id.rawValue == id } }
}
