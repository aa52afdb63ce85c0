#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The journal's directory: created on open, locked against a second journal, listed at recovery,
/// and synced so that created, renamed and deleted segment files are durable.
final class JournalDirectory {
    let path: String
    private let descriptor: Int32

    /// Creates the directory (and missing parents) if needed and takes its exclusive lock.
    init(path: String) throws(JournalError) {
        self.path = path
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST { throw .io(operation: "mkdir", path: prefix, code: errno) }
        }
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .io(operation: "open", path: path, code: errno) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            close(descriptor)
            if code == EWOULDBLOCK { throw .locked(directory: path) }
            throw .io(operation: "flock", path: path, code: code)
        }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Full path of a file in the directory.
    func file(_ name: String) -> String { path + "/" + name }

    /// Names of the entries in the directory.
    func names() throws(JournalError) -> [String] {
        guard let stream = opendir(path) else { throw .io(operation: "opendir", path: path, code: errno) }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { tuple in
                tuple.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: tuple.pointee)) {
                    String(cString: $0)
                }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Makes creations, renames and deletions in the directory durable.
    func sync() throws(JournalError) {
        guard fsync(descriptor) == 0 else { throw .io(operation: "fsync", path: path, code: errno) }
    }

    /// Deletes `name`; a file that is already gone is not an error.
    func remove(_ name: String) throws(JournalError) {
        let target = file(name)
        if unlink(target) != 0 && errno != ENOENT { throw .io(operation: "unlink", path: target, code: errno) }
    }

    /// Renames `name` to `newName`, replacing any file of that name.
    func rename(_ name: String, to newName: String) throws(JournalError) {
        let source = file(name)
        guard renameFile(source, file(newName)) == 0 else { throw .io(operation: "rename", path: source, code: errno) }
    }
}

/// `rename(2)`, reachable from inside ``JournalDirectory`` whose method shadows the name.
private func renameFile(_ source: String, _ destination: String) -> Int32 {
    rename(source, destination)
}
