import Foundation
import GLPK
import LinearProgramming
import Testing

/// `GLPKSolver.basisCache`: a hit (the stored optimal basis, 0 iterations) answers as the miss did, bit for
/// bit; a basis that does not fit or is not optimal is ignored; limits and presolve bypass the cache.
@Suite("GLPK basis cache", .tags(.glpk))
struct GLPKBasisCacheTests {
    /// A cache in memory that counts its lookups and stores.
    final class MemoryCache: LPBasisCache, @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [String: CachedBasis] = [:]
        private(set) var lookups = 0
        private(set) var stores = 0

        func basis(for program: LinearProgram, method: String) -> CachedBasis? {
            lock.withLock {
                lookups += 1
                return stored[program.name + method]
            }
        }

        func store(_ basis: CachedBasis, for program: LinearProgram, method: String) {
            lock.withLock {
                stores += 1
                stored[program.name + method] = basis
            }
        }

        func replace(_ body: (inout CachedBasis) -> Void) {
            lock.withLock {
                for key in stored.keys { body(&stored[key]!) }
            }
        }
    }

    static func bits(_ solution: LPSolution) -> [UInt64] {
        ([solution.objective ?? .nan] + solution.primal + solution.rowActivity + solution.duals).map(\.bitPattern)
    }

    @Test("Miss then hit: the same answer bit for bit, the cold count of iterations, one store")
    func missThenHit() throws {
        let cache = MemoryCache()
        let solver = GLPKSolver(basisCache: cache)
        let program = Programs.transportation(size: 12)
        let miss = try solver.solve(program, options: SolveOptions(captureLog: true))
        let hit = try solver.solve(program, options: SolveOptions(captureLog: true))
        #expect(miss.termination == .optimal && hit.termination == .optimal)
        #expect(Self.bits(miss) == Self.bits(hit))
        #expect((miss.iterations ?? 0) > 0)
        #expect(hit.iterations == miss.iterations)
        #expect(cache.lookups == 2 && cache.stores == 1)
        #expect(hit.log.contains("*     0: obj ="))
        #expect(!hit.log.contains("*     1:"))
        let plain = try GLPKSolver().solve(program, options: SolveOptions())
        #expect(isClose(plain.objective, miss.objective ?? .nan, tolerance: 1e-12))
    }

    @Test("A stored basis of other sizes, or not optimal, is ignored: the program is solved cold")
    func unusableBases() throws {
        let cache = MemoryCache()
        let solver = GLPKSolver(basisCache: cache)
        let program = Programs.transportation(size: 8)
        let miss = try solver.solve(program, options: SolveOptions())
        cache.replace { $0.basis.rows.removeLast() }
        let short = try solver.solve(program, options: SolveOptions())
        #expect(Self.bits(short) == Self.bits(miss))
        cache.replace { cached in
            cached.basis = LPBasis(
                rows: cached.basis.rows.map { _ in .basic }, columns: cached.basis.columns.map { _ in .atLower })
            cached.iterations = 123_456
        }
        let slack = try solver.solve(program, options: SolveOptions())
        #expect(Self.bits(slack) == Self.bits(miss))
        #expect(slack.iterations == miss.iterations)
        #expect(cache.stores == 3)
    }

    @Test("Presolve, limits, interior point and MIPs bypass the cache")
    func bypass() throws {
        let cache = MemoryCache()
        let solver = GLPKSolver(basisCache: cache)
        let program = Programs.transportation(size: 6)
        for options in [
            SolveOptions(presolve: true), SolveOptions(iterationLimit: 10_000), SolveOptions(timeLimitSeconds: 60),
            SolveOptions(algorithm: .interiorPoint),
        ] {
            #expect(try solver.solve(program, options: options).termination == .optimal)
        }
        #expect(try solver.solve(Programs.knapsack(), options: SolveOptions()).termination == .optimal)
        #expect(cache.lookups == 0 && cache.stores == 0)
        #expect(try solver.solve(program, options: SolveOptions(algorithm: .dualSimplex)).termination == .optimal)
        #expect(cache.lookups == 1 && cache.stores == 1)
    }
}
