import Foundation
import QAEngine
import Yams

/// Walks an audience policy file's YAML nodes into a policy and its suppression files; the first problem is
/// thrown as a sentence naming the file, the line and the key.
struct AudiencePolicyReader {
    /// The file as named to the user, and the directory its relative suppression paths start from.
    let file: String
    let directory: String

    func read(_ yaml: String) throws(AudienceConfigError) -> (AudiencePolicy, [SuppressionFile]) {
        let document: Node?
        do {
            document = try Yams.compose(yaml: yaml)
        } catch {
            let first = "\(error)".split(separator: "\n").first.map(String.init) ?? "\(error)"
            throw AudienceConfigError("audience policy \(file) is not valid YAML: \(first)")
        }
        var policy = AudiencePolicy()
        guard let document, document.null == nil else { return (policy, []) }
        var files: [SuppressionFile] = []
        for (key, node) in try entries(document, at: nil, known: AudiencePolicyFile.keys) {
            switch key {
            case "email_column": policy.emailColumn = try text(node, at: key)
            case "consent_column": policy.consentColumn = node.null != nil ? nil : try text(node, at: key, orNull: true)
            case "consent_values": policy.consentValues = Set(try list(node, at: key).map { $0.lowercased() })
            case "required_columns": policy.requiredColumns = try list(node, at: key)
            case "gmail_normalization": policy.gmailNormalization = try bool(node, at: key)
            case "strip_plus_tags": policy.stripPlusTagsEverywhere = try bool(node, at: key)
            case "drop_role_addresses": policy.dropRoleAddresses = try bool(node, at: key)
            case "role_local_parts": policy.roleLocalParts = Set(try list(node, at: key).map { $0.lowercased() })
            default: files = try suppressions(node)
            }
        }
        return (policy, files)
    }

    private func suppressions(_ node: Node) throws(AudienceConfigError) -> [SuppressionFile] {
        guard let items = node.sequence else {
            throw problem("suppressions must be a list of {file: PATH, reason: unsubscribed|bounced|complained}", at: node)
        }
        var files: [SuppressionFile] = []
        for (index, item) in items.enumerated() {
            let at = "suppressions[\(index)]"
            let fields = Dictionary(uniqueKeysWithValues: try entries(item, at: at, known: ["file", "reason"]))
            guard let path = fields["file"], let reasonNode = fields["reason"] else {
                throw problem("\(at) needs both file and reason", at: item)
            }
            let name = try text(path, at: "\(at).file")
            let reasonText = try text(reasonNode, at: "\(at).reason")
            guard let reason = AudiencePolicy.SuppressionReason(rawValue: reasonText) else {
                throw problem("\(at).reason must be unsubscribed, bounced or complained, not \"\(reasonText)\"", at: reasonNode)
            }
            let resolved = URL(fileURLWithPath: name, relativeTo: URL(fileURLWithPath: directory, isDirectory: true))
            files.append(SuppressionFile(path: resolved.standardizedFileURL.path, reason: reason))
        }
        return files
    }

    // MARK: Nodes

    /// The entries of the mapping `node` in file order (the YAML parser refuses repeated keys); an error for
    /// another node or a key not in `known`.
    private func entries(_ node: Node, at path: String?, known: [String]) throws(AudienceConfigError) -> [(String, Node)] {
        let place = path.map { "\($0) " } ?? "the file "
        guard let mapping = node.mapping else {
            throw problem("\(place)must be a mapping with keys \(known.joined(separator: ", "))", at: node)
        }
        var entries: [(String, Node)] = []
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let named = path.map { "\($0).\(key)" } ?? key
            guard known.contains(key) else {
                throw problem("unknown key \"\(named)\"; expected \(known.joined(separator: ", "))", at: keyNode)
            }
            entries.append((key, value))
        }
        return entries
    }

    /// A text scalar, trimmed and not empty (quote it when it reads as a number, true/false or null).
    private func text(_ node: Node, at key: String, orNull: Bool = false) throws(AudienceConfigError) -> String {
        guard let scalar = node.scalar, node.tag.rawValue == Tag.Name.str.rawValue else {
            let expected = orNull ? "text or null" : "text"
            throw problem("\(key) must be \(expected) (quote a name that reads as a number or true/false)", at: node)
        }
        let text = scalar.string.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { throw problem("\(key) must not be empty", at: node) }
        return text
    }

    /// A list of scalars taken as written (`[yes, 1, true]` are the texts "yes", "1" and "true"), trimmed.
    private func list(_ node: Node, at key: String) throws(AudienceConfigError) -> [String] {
        guard let items = node.sequence else { throw problem("\(key) must be a list of text", at: node) }
        var texts: [String] = []
        for (index, item) in items.enumerated() {
            guard let scalar = item.scalar, item.null == nil else {
                throw problem("\(key)[\(index)] must be text", at: item)
            }
            let text = scalar.string.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { throw problem("\(key)[\(index)] must not be empty", at: item) }
            texts.append(text)
        }
        return texts
    }

    private func bool(_ node: Node, at key: String) throws(AudienceConfigError) -> Bool {
        guard let value = node.bool else { throw problem("\(key) must be true or false", at: node) }
        return value
    }

    private func problem(_ sentence: String, at node: Node) -> AudienceConfigError {
        AudienceConfigError("audience policy \(file)\(node.mark.map { " line \($0.line)" } ?? ""): \(sentence)")
    }
}
