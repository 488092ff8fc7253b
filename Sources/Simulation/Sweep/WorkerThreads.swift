#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a body on several threads at once: worker 0 on the calling thread, the others on threads of
/// their own (POSIX threads, created here and joined before returning).
///
/// Own threads rather than a shared pool: each worker keeps one GLPK problem in its thread's GLPK
/// environment for its whole life, and `--threads N` should mean N threads, where a pool
/// (`DispatchQueue.concurrentPerform`) decides for itself how many of the workers run at once.
enum WorkerThreads {
    /// Calls `body(i)` for i in 0..<count, concurrently, and returns when all have returned.
    static func run(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        guard count > 1 else {
            if count == 1 { body(0) }
            return
        }
        var threads: [pthread_t] = []
        for worker in 1..<count {
            let context = Unmanaged.passRetained(Context { body(worker) }).toOpaque()
            var attributes = pthread_attr_t()
            pthread_attr_init(&attributes)
            // 8 MiB: GLPK and the decoding use the heap, but leave room as the main thread has.
            pthread_attr_setstacksize(&attributes, 8 << 20)
            #if canImport(Darwin)
                var thread: pthread_t?
            #else
                var thread = pthread_t()
            #endif
            let status = pthread_create(
                &thread, &attributes,
                { raw in
                    guard let raw else { return nil }
                    Unmanaged<Context>.fromOpaque(raw).takeRetainedValue().body()
                    return nil
                }, context)
            pthread_attr_destroy(&attributes)
            if status == 0 {
                #if canImport(Darwin)
                    if let thread { threads.append(thread) }
                #else
                    threads.append(thread)
                #endif
            } else {
                // No thread to be had: worker 0 takes that worker's share (workers share one queue of cases).
                Unmanaged<Context>.fromOpaque(context).release()
            }
        }
        body(0)
        for thread in threads { pthread_join(thread, nil) }
    }

    /// A worker's closure, passed through `pthread_create`'s context pointer.
    private final class Context {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }
}
