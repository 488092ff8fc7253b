import Testing

@testable import Simulation

@Suite("Worker threads: a parallel map in index order")
struct WorkerThreadsTests {
    struct Odd: Error, Equatable { var index: Int }

    @Test("Results come back in index order on any number of threads, each index run once", arguments: [1, 2, 3, 8])
    func order(threads: Int) throws {
        let values = try WorkerThreads.map(50, threads: threads) { (i: Int) throws(Odd) -> Int in i * i }
        #expect(values == (0..<50).map { $0 * $0 })
        #expect(try WorkerThreads.map(0, threads: threads) { (i: Int) throws(Odd) -> Int in i }.isEmpty)
    }

    @Test("When bodies throw, the error of the lowest index is thrown, whatever the threads", arguments: [1, 2, 4])
    func lowestError(threads: Int) {
        #expect(throws: Odd(index: 7)) {
            _ = try WorkerThreads.map(40, threads: threads) { (i: Int) throws(Odd) -> Int in
                if i % 2 == 1 && i >= 7 { throw Odd(index: i) }
                return i
            }
        }
    }
}
