import Broker
import Foundation
import Yams
import ZeroMQ

/// Walks a security file's YAML nodes into a ``BusSecurityMode``, collecting every problem with its path.
struct SecurityFileReader {
    let baseDirectory: String
    private(set) var problems: [BusSecurityFileError.Problem] = []

    init(baseDirectory: String) {
        self.baseDirectory = baseDirectory
    }

    mutating func report(_ sentence: String, at path: String, node: Node?) {
        problems.append(.init(path: path, line: node?.mark?.line, sentence: sentence))
    }

    /// The mode the document describes, or `nil` when a problem keeps it from being built.
    mutating func read(_ document: Node?) -> BusSecurityMode? {
        guard let document else {
            report("the file is empty; give server and clients, or insecure: true", at: "", node: nil)
            return nil
        }
        guard let top = mapping(document, at: "", known: ["insecure", "server", "clients"]) else { return nil }
        if let node = top["insecure"] {
            guard let insecure = node.bool else {
                report("expected true or false", at: "insecure", node: node)
                return nil
            }
            if insecure { return .insecure }
        }
        guard let serverNode = top["server"] else {
            report("missing: the server's secret key (server.secret_key_file), or insecure: true", at: "server", node: document)
            return nil
        }
        let secret = serverSecret(serverNode)
        var clients: [ClientIdentity] = []
        if let clientsNode = top["clients"] {
            if let list = clientsNode.sequence {
                for (index, node) in list.enumerated() {
                    if let client = client(node, at: "clients[\(index)]") { clients.append(client) }
                }
            } else {
                report("expected a list of clients", at: "clients", node: clientsNode)
            }
        } else {
            report("missing: the list of clients allowed to connect", at: "clients", node: document)
        }
        checkUnique(clients)
        guard let secret, problems.isEmpty else { return nil }
        return .curve(BrokerSecurity(serverSecretKey: secret, clients: clients))
    }

    // MARK: Sections

    private mutating func serverSecret(_ node: Node) -> String? {
        guard let server = mapping(node, at: "server", known: ["secret_key_file"]) else { return nil }
        guard let fileNode = server["secret_key_file"] else {
            report("missing: the file holding the broker's secret key", at: "server.secret_key_file", node: node)
            return nil
        }
        guard let path = string(fileNode, at: "server.secret_key_file") else { return nil }
        do {
            return try CurveKeyFile.readPair(secretKeyPath: resolve(path)).secretKey
        } catch {
            report(error.description, at: "server.secret_key_file", node: fileNode)
            return nil
        }
    }

    private mutating func client(_ node: Node, at path: String) -> ClientIdentity? {
        guard let entry = mapping(node, at: path, known: ["name", "public_key", "public_key_file", "publish", "sources"]) else {
            return nil
        }
        var name: String?
        if let nameNode = entry["name"], let text = string(nameNode, at: "\(path).name") {
            if ClientIdentity.isValidName(text) {
                name = text
            } else {
                report("\"\(text)\" cannot name an identity: use 1-64 characters of a-z, 0-9, '.', '_' and '-'", at: "\(path).name", node: nameNode)
            }
        } else if entry["name"] == nil {
            report("missing: the identity's name", at: "\(path).name", node: node)
        }
        let key = publicKey(entry, node: node, at: path)
        let prefixes = publishPrefixes(entry["publish"], at: "\(path).publish")
        let sources = sourceList(entry["sources"], at: "\(path).sources", name: name)
        guard let name, let key, let prefixes, let sources else { return nil }
        return ClientIdentity(name: name, publicKey: key, publishPrefixes: prefixes, sources: sources)
    }

    private mutating func publicKey(_ entry: [String: Node], node: Node, at path: String) -> String? {
        switch (entry["public_key"], entry["public_key_file"]) {
        case (let keyNode?, nil):
            guard let text = string(keyNode, at: "\(path).public_key") else { return nil }
            guard CurveKey.isValid(text) else {
                report("\"\(text)\" is not a CURVE public key (40 Z85 characters)", at: "\(path).public_key", node: keyNode)
                return nil
            }
            return text
        case (nil, let fileNode?):
            guard let file = string(fileNode, at: "\(path).public_key_file") else { return nil }
            do {
                return try CurveKeyFile.readKey(resolve(file))
            } catch {
                report(error.description, at: "\(path).public_key_file", node: fileNode)
                return nil
            }
        case (nil, nil):
            report("missing: public_key (Z85 text) or public_key_file", at: "\(path).public_key", node: node)
            return nil
        case (_?, _?):
            report("give public_key or public_key_file, not both", at: "\(path).public_key", node: node)
            return nil
        }
    }

    /// Topic prefixes; `>` means every topic (stored as `""`). Absent: none, a read-only client.
    private mutating func publishPrefixes(_ node: Node?, at path: String) -> [String]? {
        guard let node else { return [] }
        guard let list = strings(node, at: path) else { return nil }
        var prefixes: [String] = []
        for (index, prefix) in list.enumerated() {
            if prefix == ">" || prefix.isEmpty {
                prefixes.append("")
            } else if prefix.utf8.allSatisfy(Self.isTopicByte), prefix.utf8.count <= 255 {
                prefixes.append(prefix)
            } else {
                report(
                    "\"\(prefix)\" is not a topic prefix (a-z, 0-9, '.' and '_'; \">\" for every topic)", at: "\(path)[\(index)]",
                    node: node.sequence?[index])
                return nil
            }
        }
        return prefixes
    }

    /// Sources; `*` means any. Absent: the default `marquee/<name>`. `nil` after a problem.
    private mutating func sourceList(_ node: Node?, at path: String, name: String?) -> ClientIdentity.Sources? {
        guard let node else { return name.map { .only(["marquee/\($0)"]) } }
        guard let list = strings(node, at: path) else { return nil }
        if list.contains("*") { return .any }
        if let empty = list.firstIndex(where: \.isEmpty) {
            report("a source must not be empty", at: "\(path)[\(empty)]", node: node.sequence?[empty])
            return nil
        }
        if list.isEmpty {
            report("an empty list allows no source; leave it out for marquee/<name>", at: path, node: node)
            return nil
        }
        return .only(list)
    }

    private mutating func checkUnique(_ clients: [ClientIdentity]) {
        var names: [String: Int] = [:]
        var keys: [String: String] = [:]
        for (index, client) in clients.enumerated() {
            if let first = names.updateValue(index, forKey: client.name) {
                report("the identity \(client.name) is already defined at clients[\(first)]", at: "clients[\(index)].name", node: nil)
            }
            if let other = keys.updateValue(client.name, forKey: client.publicKey), other != client.name {
                report("\(client.name) has the same public key as \(other)", at: "clients[\(index)].public_key", node: nil)
            }
        }
    }

    // MARK: Nodes

    /// The entries of the mapping `node`; reports a node that is not a mapping and keys not in `known`.
    private mutating func mapping(_ node: Node, at path: String, known: [String]) -> [String: Node]? {
        guard let mapping = node.mapping else {
            report("expected a mapping with \(known.joined(separator: ", "))", at: path, node: node)
            return nil
        }
        var entries: [String: Node] = [:]
        for (key, value) in mapping {
            let name = key.string ?? ""
            let keyPath = path.isEmpty ? name : "\(path).\(name)"
            if known.contains(name) {
                entries[name] = value
            } else {
                report("unknown key \"\(name)\"; expected \(known.joined(separator: ", "))", at: keyPath, node: key)
            }
        }
        return entries
    }

    private mutating func string(_ node: Node, at path: String) -> String? {
        guard let scalar = node.scalar else {
            report("expected text", at: path, node: node)
            return nil
        }
        return scalar.string
    }

    private mutating func strings(_ node: Node, at path: String) -> [String]? {
        guard let list = node.sequence else {
            report("expected a list", at: path, node: node)
            return nil
        }
        var values: [String] = []
        for (index, element) in list.enumerated() {
            guard let value = string(element, at: "\(path)[\(index)]") else { return nil }
            values.append(value)
        }
        return values
    }

    private func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : URL(fileURLWithPath: baseDirectory).appendingPathComponent(path).path
    }

    private static func isTopicByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2E || byte == 0x5F
    }
}
