// swift-tools-version: 6.1
// Benchmarks for corridor, kept out of the main package so that it never resolves package-benchmark.
// Run from this directory: swift package --allow-writing-to-package-directory benchmark
import PackageDescription

import struct Foundation.URL

/// The main package's identity as SwiftPM derives it for `.package(path: "..")`.
///
/// That is the lowercased name of the parent folder; computing it keeps this package working when the
/// checkout is renamed (a literal `package: "main"` would break).
let corridorPackage = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .standardizedFileURL
    .lastPathComponent
    .lowercased()

let package = Package(
    name: "corridor-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
        .package(
            url: "https://github.com/ordo-one/benchmark",
            from: "1.38.1",
            traits: ["MallocInterposer"]
        ),
    ],
    targets: [
        .executableTarget(
            name: "CorridorBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "CorridorKit", package: corridorPackage),
            ],
            path: "Benchmarks/CorridorBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    ]
)
