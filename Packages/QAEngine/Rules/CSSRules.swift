/// Rules on CSS: features major clients do not support (caniemail data) and dark-mode styles without
/// the `color-scheme` meta.
enum CSSRules {
    static func check(_ scan: HTMLScan, options: QAOptions, into out: inout FindingCollector) {
        var reported: Set<String> = []
        for (index, location) in scan.cssFeatures {
            let entry = EmailSupport.table[index]
            let clients = entry.unsupported.intersection(options.clients)
            guard !clients.isEmpty, reported.insert(entry.id).inserted else { continue }
            let progressive = EmailSupport.progressive.contains(entry.id)
            out.add(
                Finding(
                    .cssUnsupported, at: location,
                    "\(entry.title) does not work in \(clients.names.joined(separator: ", "))"
                        + (progressive ? "; those readers get the fallback." : ", so the layout may break there."),
                    fix: progressive
                        ? "Make sure the design still works without it."
                        : "Use a table-based or inline alternative (see caniemail.com/features/\(entry.id)).",
                    severity: progressive ? .info : .warning))
        }
        if let darkMode = scan.darkModeStyles, !scan.hasColorSchemeMeta {
            out.add(
                Finding(
                    .cssDarkModeMetaMissing, at: darkMode,
                    "The email has dark-mode styles but does not declare that it supports dark mode, so Apple Mail "
                        + "and others may invert its colours on top of them.",
                    fix: "Add <meta name=\"color-scheme\" content=\"light dark\"> and "
                        + "<meta name=\"supported-color-schemes\" content=\"light dark\"> to the <head>."))
        }
    }
}
