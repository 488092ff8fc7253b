// swift-tools-version:6.2
// corridor — freight flows on the China–Europe corridors, optimised with GLPK.
// GPL-3.0-or-later (GLPK is GPL-3.0).
import PackageDescription

let package = Package(
    name: "corridor",
    products: [
        .executable(name: "corridor", targets: ["corridor"]),
        .library(
            name: "CorridorKit",
            targets: ["LinearProgramming", "GLPK", "FreightNetwork", "Scenarios", "FlowFormulation", "Simulation", "Reports", "FileOutput"]
        ),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // MARK: - Solver stack
        .systemLibrary(name: "CGLPK", providers: [.apt(["libglpk-dev"])]),
        .target(name: "CGLPKGuard", dependencies: ["CGLPK"]),
        .target(name: "LinearProgramming"),
        .target(name: "GLPK", dependencies: ["CGLPK", "CGLPKGuard", "LinearProgramming"]),
        // MARK: - Domain
        .target(name: "FreightNetwork"),
        .target(
            name: "Scenarios",
            dependencies: ["FreightNetwork", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "FlowFormulation", dependencies: ["FreightNetwork", "LinearProgramming"]),
        .target(name: "Simulation", dependencies: ["FlowFormulation", "FreightNetwork", "LinearProgramming"]),
        .target(name: "Reports", dependencies: ["Simulation", "FreightNetwork"]),
        // MARK: - Output files and streams that fail safely
        .target(name: "FileOutput"),
        // MARK: - Composition root
        .executableTarget(
            name: "corridor",
            dependencies: [
                "GLPK", "LinearProgramming", "FreightNetwork", "Scenarios", "FlowFormulation", "Simulation", "Reports",
                "FileOutput", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // MARK: - Tests
        .target(
            name: "CorridorTestSupport",
            dependencies: ["LinearProgramming", "FreightNetwork", "Scenarios"],
            path: "Tests/CorridorTestSupport"
        ),
        .testTarget(name: "LinearProgrammingTests", dependencies: ["LinearProgramming", "CorridorTestSupport"]),
        .testTarget(name: "GLPKTests", dependencies: ["GLPK", "LinearProgramming", "CorridorTestSupport"]),
        .testTarget(name: "FreightNetworkTests", dependencies: ["FreightNetwork"]),
        .testTarget(name: "FileOutputTests", dependencies: ["FileOutput"]),
        .testTarget(
            name: "ScenariosTests",
            dependencies: ["Scenarios", "FreightNetwork", "CorridorTestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "FlowFormulationTests",
            dependencies: ["FlowFormulation", "FreightNetwork", "Scenarios", "LinearProgramming", "GLPK", "CorridorTestSupport"]
        ),
        .testTarget(
            name: "SimulationTests",
            dependencies: ["Simulation", "FlowFormulation", "FreightNetwork", "Scenarios", "LinearProgramming", "GLPK", "CorridorTestSupport"]
        ),
        .testTarget(
            name: "CorridorEndToEndTests",
            dependencies: ["corridor", "CorridorTestSupport"],
            exclude: ["Fixtures", "Golden"]
        ),
        .testTarget(
            name: "ReportsTests",
            dependencies: ["Reports", "Simulation", "FlowFormulation", "FreightNetwork", "LinearProgramming", "GLPK", "CorridorTestSupport"],
            exclude: ["Golden"]
        ),
        // MARK: - Reliability: property tests against independent oracles, fuzz harness and its regressions
        .testTarget(
            name: "CorridorPropertyTests",
            dependencies: [
                "Simulation", "FlowFormulation", "FreightNetwork", "Scenarios", "LinearProgramming", "GLPK",
                "CorridorTestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .target(
            name: "CorridorFuzzHarness",
            dependencies: ["Scenarios", "FreightNetwork", "FlowFormulation", "LinearProgramming", "GLPK", "Simulation", "FileOutput"],
            path: "Fuzz/Harness"
        ),
        .testTarget(name: "CorridorFuzzRegressionTests", dependencies: ["CorridorFuzzHarness"]),
    ]
)

// libFuzzer targets (Fuzz/README.md): built only by scripts/fuzz, with CORRIDOR_FUZZ=1, in .build-fuzz,
// with -sanitize=fuzzer, which links libFuzzer's driver: a normal build cannot link them.
if Context.environment["CORRIDOR_FUZZ"] == "1" {
    package.targets.append(.target(name: "CLibFuzzer", path: "Fuzz/Targets/CLibFuzzer"))
    for (name, folder) in [
        ("fuzz-scenario-loader", "ScenarioLoader"), ("fuzz-lp-builder", "LPBuilder"), ("fuzz-output-writer", "OutputWriter"),
    ] {
        package.targets.append(
            .executableTarget(name: name, dependencies: ["CLibFuzzer", "CorridorFuzzHarness"], path: "Fuzz/Targets/\(folder)")
        )
    }
}

for target in package.targets where target.type != .system && !["CGLPKGuard", "CLibFuzzer"].contains(target.name) {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
    ]
}
