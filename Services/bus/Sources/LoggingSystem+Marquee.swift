import Foundation
import Logging
import Synchronization

private let bootstrapped = Mutex(false)

extension LoggingSystem {
    /// Sends logs to standard error with their metadata, at `level` and above. Only the first call has an
    /// effect, so a CLI that runs several commands in one process may call it from each.
    public static func bootstrapOnce(level: Logger.Level) {
        let first = bootstrapped.withLock { done in
            defer { done = true }
            return !done
        }
        guard first else { return }
        bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}

/// Writes `line` and a newline to standard output at once (unbuffered), so a ready line reaches a pipe.
public func writeLine(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
