// swift-tools-version:6.2
// corridor — freight flows on the China–Europe corridors, optimised with GLPK.
// GPL-3.0-or-later (GLPK is GPL-3.0).
import PackageDescription

let package = Package(
    name: "corridor",
    products: [
        .executable(name: "corridor", targets: ["corridor"]),
        .library(name: "CorridorKit", targets: ["LinearProgramming", "GLPK", "FreightNetwork", "Scenarios", "FlowFormulation", "Simulation", "Reports"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
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
        .target(name: "Reports", dependencies: ["Simulation", "FreightNetwork", "FlowFormulation", "LinearProgramming"]),
        // MARK: - Composition root
        .executableTarget(
            name: "corridor",
            dependencies: [
                "GLPK", "LinearProgramming", "FreightNetwork", "Scenarios", "FlowFormulation", "Simulation", "Reports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
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
            exclude: ["Fixtures"]
        ),
    ]
)

for target in package.targets where target.type != .system && target.name != "CGLPKGuard" {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
    ]
}
