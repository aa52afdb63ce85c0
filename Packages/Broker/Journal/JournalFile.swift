#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// An open segment or index file: a file descriptor with the few calls the journal needs, each
/// retrying on `EINTR` and turning failures into ``JournalError/io(operation:path:code:)``.
final class JournalFile {
    let path: String
    private let descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Opens an existing file for reading and writing.
    static func openForWriting(_ path: String) throws(JournalError) -> JournalFile {
        try make(path, flags: O_RDWR)
    }

    /// Opens an existing file for reading only.
    static func openForReading(_ path: String) throws(JournalError) -> JournalFile {
        try make(path, flags: O_RDONLY)
    }

    /// Creates a new file; fails if it already exists.
    static func create(_ path: String) throws(JournalError) -> JournalFile {
        try make(path, flags: O_RDWR | O_CREAT | O_EXCL)
    }

    /// Creates or empties a file for writing.
    static func replace(_ path: String) throws(JournalError) -> JournalFile {
        try make(path, flags: O_WRONLY | O_CREAT | O_TRUNC)
    }

    private static func make(_ path: String, flags: Int32) throws(JournalError) -> JournalFile {
        while true {
            let descriptor = open(path, flags | O_CLOEXEC, 0o644)
            if descriptor >= 0 { return JournalFile(path: path, descriptor: descriptor) }
            if errno != EINTR { throw .io(operation: "open", path: path, code: errno) }
        }
    }

    /// Current size in bytes.
    func size() throws(JournalError) -> Int64 {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .io(operation: "fstat", path: path, code: errno) }
        return Int64(info.st_size)
    }

    /// Writes all `count` bytes at `offset`, continuing after partial writes.
    func write(_ bytes: UnsafeRawPointer, count: Int, at offset: Int64) throws(JournalError) {
        var done = 0
        while done < count {
            let written = pwrite(descriptor, bytes + done, count - done, off_t(offset + Int64(done)))
            if written > 0 {
                done += written
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                throw .io(operation: "pwrite", path: path, code: written < 0 ? errno : EIO)
            }
        }
    }

    /// Reads up to `count` bytes at `offset`, stopping early only at the end of the file; returns
    /// how many were read.
    func read(into buffer: UnsafeMutableRawPointer, count: Int, at offset: Int64) throws(JournalError) -> Int {
        var done = 0
        while done < count {
            let got = pread(descriptor, buffer + done, count - done, off_t(offset + Int64(done)))
            if got > 0 {
                done += got
            } else if got == 0 {
                break
            } else if errno != EINTR {
                throw .io(operation: "pread", path: path, code: errno)
            }
        }
        return done
    }

    /// Cuts the file to `size` bytes.
    func truncate(to size: Int64) throws(JournalError) {
        while ftruncate(descriptor, off_t(size)) != 0 {
            if errno != EINTR { throw .io(operation: "ftruncate", path: path, code: errno) }
        }
    }

    /// Flushes the file's data (and the metadata needed to read it back) to stable storage.
    func syncData() throws(JournalError) {
        #if canImport(Darwin)
            let result = fsync(descriptor)
        #else
            let result = fdatasync(descriptor)
        #endif
        if result != 0 { throw .io(operation: "fdatasync", path: path, code: errno) }
    }
}
