import FileOutput
import Foundation
import Synchronization

/// A progress bar with rate and ETA on stderr, redrawn at most ten times a second.
///
/// Only drawn when stderr is a terminal (and not `--quiet`); otherwise every method does nothing.
final class ProgressBar: Sendable {
    private struct State {
        var total = 0
        var done = 0
        var lastDraw: ContinuousClock.Instant?
        var drawn = false
        /// When the first cases were planned: the rate and ETA leave out the intact network's solve.
        var start: ContinuousClock.Instant?
    }

    private let enabled: Bool
    private let label: String
    private let state = Mutex(State())

    init(enabled: Bool, label: String) {
        self.enabled = enabled
        self.label = label
    }

    /// True when stderr is a terminal.
    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    /// Adds `count` cases to the total.
    func plan(_ count: Int) {
        state.withLock { state in
            state.total += count
            if state.start == nil { state.start = ContinuousClock.now }
        }
    }

    /// One more case finished.
    func advance() {
        guard enabled else { return }
        state.withLock { state in
            state.done += 1
            let now = ContinuousClock.now
            if let last = state.lastDraw, now - last < .milliseconds(100), state.done < state.total { return }
            state.lastDraw = now
            state.drawn = true
            Self.write("\r" + line(state, elapsed: now - (state.start ?? now)) + "\u{1B}[K")
        }
    }

    /// Clears the bar.
    func finish() {
        guard enabled else { return }
        state.withLock { state in
            if state.drawn { Self.write("\r\u{1B}[K") }
            state.drawn = false
        }
    }

    private func line(_ state: State, elapsed: Duration) -> String {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let total = max(state.total, state.done)
        let fraction = total > 0 ? Double(state.done) / Double(total) : 0
        let width = 24
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let rate = seconds > 0 ? Double(state.done) / seconds : 0
        let eta = rate > 0 ? Double(total - state.done) / rate : 0
        return "\(label) \(bar) \(state.done)/\(total)  \(Self.rate(rate))/s  ETA \(Self.clock(eta))"
    }

    static func rate(_ value: Double) -> String {
        value >= 100 ? String(Int(value.rounded())) : String(format: "%.1f", value)
    }

    /// `0:07`, `12:34`, `1:02:03`.
    static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded(.up))
        let (h, m, s) = (total / 3600, total / 60 % 60, total % 60)
        return h > 0 ? String(format: "%d:%02d:%02d", h, m, s) : String(format: "%d:%02d", m, s)
    }

    private static func write(_ text: String) {
        StandardOutput.writeError(text)
    }
}
