import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The signal that asked a long run to stop (0 while none has).
private let stopSignal = Atomic<Int32>(0)

/// Ctrl-C (SIGINT) and SIGTERM (a batch scheduler's time limit) during a sweep: the first one sets
/// a flag that workers check before each case, so finished cases are still written; a second one
/// kills the process as usual.
enum Interrupt {
    /// Installs the handlers.
    static func install() {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber) { received in
                stopSignal.store(received, ordering: .relaxed)
                signal(received, SIG_DFL)  // a second one ends the process
            }
        }
    }

    /// True once a signal asked to stop.
    static var requested: Bool { stopSignal.load(ordering: .relaxed) != 0 }

    /// The exit status after an interruption: 128 + the signal (130 for Ctrl-C).
    static var exitStatus: Int32 { 128 + stopSignal.load(ordering: .relaxed) }
}
