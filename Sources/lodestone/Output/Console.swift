import Foundation

/// Messages on stderr, data on stdout. Writing never traps: `FileHandle.write(_:)` does (a
/// `try!` inside Foundation) when the device is full, so only the throwing API is used.
enum Console {
    static func note(_ message: String) {
        // Nowhere left to report a failure to write stderr itself.
        // Over a progress line, the note takes the line and the progress redraws below it.
        try? FileHandle.standardError.write(contentsOf: Data(((ProgressLine.isDrawing ? "\r\u{1B}[K" : "") + "lodestone: \(message)\n").utf8))
    }

    /// Writes data to stdout. If that fails (disk full, closed output) the data the user asked
    /// for cannot be delivered: say so on stderr and exit 1 at once.
    static func out(_ text: String) {
        do {
            try FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
        } catch {
            note("cannot write the output (\(describe(error))) — is the disk full, or the reading end closed?")
            exit(1)
        }
    }

    /// The system's words for a file error ("No space left on device"), else the error itself.
    static func describe(_ error: any Error) -> String {
        let nsError = error as NSError
        if let posix = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(posix.code)))
        }
        if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
        return nsError.localizedDescription
    }
}
