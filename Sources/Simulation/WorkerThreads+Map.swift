import Synchronization

extension WorkerThreads {
    /// `body(i)` for i in 0..<count on up to `threads` threads, each taking the next index as it finishes
    /// one; the results in index order, whatever the thread count. When bodies throw, the error of the
    /// lowest index is thrown (so the same one on any number of threads), after every started body ends.
    static func map<Value: Sendable, Failure: Error>(
        _ count: Int, threads: Int, _ body: @escaping @Sendable (Int) throws(Failure) -> Value
    ) throws(Failure) -> [Value] {
        let state = MapState<Value, Failure>(count)
        WorkerThreads.run(min(max(threads, 1), count)) { _ in
            while let i = state.next() {
                let outcome: Result<Value, Failure>
                do throws(Failure) { outcome = .success(try body(i)) } catch { outcome = .failure(error) }
                state.results.withLock { $0[i] = outcome }
            }
        }
        var values: [Value] = []
        values.reserveCapacity(count)
        for outcome in state.results.withLock({ $0 }) {
            switch outcome {
            case .success(let value)?: values.append(value)
            case .failure(let error)?: throw error
            case nil: preconditionFailure("every index runs")
            }
        }
        return values
    }
}

/// The shared queue and results of ``WorkerThreads/map(_:threads:_:)``.
private final class MapState<Value: Sendable, Failure: Error>: Sendable {
    let count: Int
    let cursor = Mutex(0)
    let results: Mutex<[Result<Value, Failure>?]>

    init(_ count: Int) {
        self.count = count
        results = Mutex([Result<Value, Failure>?](repeating: nil, count: count))
    }

    /// The next index to run, or nil when all have been taken.
    func next() -> Int? {
        cursor.withLock { i in
            guard i < count else { return nil }
            defer { i += 1 }
            return i
        }
    }
}
