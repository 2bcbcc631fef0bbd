import Dispatch
import Foundation
import LodestoneEngine

/// Long work on a terminal: the stage and share done drawn on one stderr line (only when stderr
/// is a terminal, so pipes and logs stay clean), and Ctrl-C asking the work to stop instead of
/// killing the process mid-write.
enum ProgressLine {
    /// Whether a progress line is on the terminal now (a note then clears it first).
    nonisolated(unsafe) static var isDrawing = false

    static func run<T>(_ work: (CancellationFlag) throws -> T) throws -> T {
        let flag = CancellationFlag()
        let interrupt = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        signal(SIGINT, SIG_IGN)
        interrupt.setEventHandler {
            flag.cancel()
            Console.note("stopping (Ctrl-C again to quit at once)")
            signal(SIGINT, SIG_DFL)
        }
        interrupt.resume()
        // A dispatch source released while suspended traps: the timer exists only when it runs.
        let timer: (any DispatchSourceTimer)? = isatty(STDERR_FILENO) == 1 ? DispatchSource.makeTimerSource(queue: .global()) : nil
        if let timer {
            isDrawing = true
            timer.schedule(deadline: .now() + .milliseconds(300), repeating: .milliseconds(250))
            timer.setEventHandler { draw(flag.progress) }
            timer.resume()
        }
        defer {
            interrupt.cancel()
            signal(SIGINT, SIG_DFL)
            if let timer {
                timer.cancel()
                isDrawing = false
                write("\r\u{1B}[K")
            }
        }
        return try work(flag)
    }

    private static func draw(_ progress: CancellationFlag.Progress) {
        guard !progress.stage.isEmpty else { return }
        let share = progress.share.map { String(format: " %3.0f%%", $0 * 100) } ?? " …"
        write("\r\u{1B}[K" + String(("lodestone: " + progress.stage).prefix(100)) + share)
    }

    private static func write(_ text: String) {
        try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
    }
}
