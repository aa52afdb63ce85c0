import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A child process started with `posix_spawn`: standard input from `/dev/null`, standard output and error to
/// the given files (or `/dev/null`), every other descriptor closed in the child, in a process group of its own,
/// with no signal blocked or ignored (whatever the spawning thread had).
///
/// Foundation's `Process.run()` is not used: on Linux (swift-corelibs-foundation in Swift 6.3) it lists
/// `/proc/self/fd` with a 256-byte over-read of each directory entry, which intermittently crashes a process
/// with many descriptors open (swift-corelibs-foundation PR #5472).
///
/// ```swift
/// let child = try SpawnedProcess(executable, ["--data", path], stdout: log, stderr: log)
/// child.terminate()
/// let status = child.waitUntilExit()
/// ```
public final class SpawnedProcess: Sendable {
    /// The child's process id.
    public let pid: pid_t
    /// How it ended, once reaped: its exit code, or 128 + the number of the signal that ended it.
    private let ended = Mutex<Int32?>(nil)

    /// A spawn that failed: `posix_spawn`'s error, with the executable.
    public struct SpawnError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Starts `executable` with `arguments`, in `environment` (this process's when nil).
    public init(
        _ executable: URL, _ arguments: [String], environment: [String: String]? = nil, stdout: FileHandle? = nil,
        stderr: FileHandle? = nil
    ) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        for (target, handle) in [(Int32(1), stdout), (2, stderr)] {
            if let handle {
                posix_spawn_file_actions_adddup2(&actions, handle.fileDescriptor, target)
            } else {
                posix_spawn_file_actions_addopen(&actions, target, "/dev/null", O_WRONLY, 0)
            }
        }
        try Self.closeDescriptors(from: 3, in: &actions)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        var all = sigset_t()
        sigfillset(&all)
        sigdelset(&all, SIGKILL)
        sigdelset(&all, SIGSTOP)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)

        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        let pairs = environment.map { $0.map { "\($0.key)=\($0.value)" } }
        let envp = pairs.map { $0.map { strdup($0) } + [nil] }
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp ?? [] { free(pointer) }
        }
        var pid = pid_t()
        let result = argv.withUnsafeBufferPointer { argv in
            if let envp {
                return envp.withUnsafeBufferPointer { envp in
                    posix_spawn(&pid, executable.path, &actions, &attributes, argv.baseAddress!, envp.baseAddress!)
                }
            }
            return posix_spawn(&pid, executable.path, &actions, &attributes, argv.baseAddress!, environ)
        }
        guard result == 0 else {
            throw SpawnError(description: "cannot start \(executable.path): \(String(cString: strerror(result)))")
        }
        self.pid = pid
    }

    /// Whether the child still runs (reaps it once it has ended).
    public var isRunning: Bool { status == nil }

    /// Its exit code, or 128 + the number of the signal that ended it (as a shell reports it); nil while it runs.
    public var status: Int32? {
        ended.withLock { ended in
            if ended == nil {
                var raw: Int32 = 0
                if waitpid(pid, &raw, WNOHANG) == pid { ended = Self.decode(raw) }
            }
            return ended
        }
    }

    /// Sends `signal` (SIGTERM by default) unless the child has been reaped.
    public func terminate(_ signal: Int32 = SIGTERM) {
        ended.withLock { ended in
            if ended == nil { _ = kill(pid, signal) }
        }
    }

    /// Blocks until the child ends; its status. Call off Swift's cooperative pool unless it has ended or was
    /// just sent SIGKILL.
    @discardableResult
    public func waitUntilExit() -> Int32 {
        while true {
            if let status { return status }
            // Waits for the end without reaping (WNOWAIT): the reap happens in `status`, under the lock that
            // `terminate` takes, so no signal can go to a pid already given back to the system.
            var info = siginfo_t()
            if waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) == -1, errno == ECHILD {
                // Reaped by someone else than this object: the status is unknown.
                return ended.withLock { ended in
                    ended = ended ?? -1
                    return ended!
                }
            }
        }
    }

    deinit {
        if isRunning {
            terminate(SIGKILL)
            waitUntilExit()
        }
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later; Swift's Glibc module does not
    /// declare this GNU extension), looked up once.
    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private static let addCloseFrom: AddCloseFrom? =
        dlsym(nil, "posix_spawn_file_actions_addclosefrom_np").map { unsafeBitCast($0, to: AddCloseFrom.self) }

    /// Closes, in the child, every descriptor from `first` up: atomically with `addclosefrom_np`, else each one
    /// open now (by `/proc/self/fd`).
    private static func closeDescriptors(from first: Int32, in actions: inout posix_spawn_file_actions_t) throws {
        if let addCloseFrom {
            guard addCloseFrom(&actions, first) == 0 else {
                throw SpawnError(description: "cannot prepare the child's descriptors: \(String(cString: strerror(errno)))")
            }
            return
        }
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for descriptor in open.compactMap(Int32.init) where descriptor >= first {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
    }

    /// The exit code from a `waitpid` status, or 128 + the terminating signal's number.
    private static func decode(_ raw: Int32) -> Int32 {
        raw & 0x7F == 0 ? (raw >> 8) & 0xFF : 128 + raw & 0x7F
    }
}
