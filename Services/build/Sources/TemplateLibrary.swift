import Foundation

/// The templates documents are made from: the files under a directory, named by their path without the
/// extension (`email/newsletter.html` is the template `email/newsletter`). Read once at start.
struct TemplateLibrary: Sendable {
    /// The known template names.
    let names: Set<String>

    /// The templates under `directory` (none when it does not exist).
    init(directory: URL) {
        var names: Set<String> = []
        let base = directory.standardizedFileURL.path
        if let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                let relative = url.standardizedFileURL.deletingPathExtension().path.dropFirst(base.count + 1)
                names.insert(String(relative))
            }
        }
        self.names = names
    }

    /// Whether template `name` exists (with or without its extension).
    func contains(_ name: String) -> Bool {
        names.contains(name) || names.contains((name as NSString).deletingPathExtension)
    }
}
