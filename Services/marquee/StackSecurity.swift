import Foundation
import ZeroMQ

/// The CURVE identities of a Marquee deployment and the broker's allowlist (`bus-security.yaml`) that names them:
/// what `marquee keys stack`, `deploy/scripts/make-keys` and the first `marquee up` write.
///
/// Each identity may publish only its topic prefixes, under its own envelope source (`marquee/<name>`), except
/// `ops`, the operators' CLI, which may publish anything under any source because `marquee deadletter replay`
/// re-publishes the original bytes. `monitor` only reads.
enum StackSecurity {
    struct Identity {
        var name: String
        var publish: [String]
        var anySource = false
    }

    static let identities: [Identity] = [
        Identity(
            name: "intake",
            publish: ["campaign.fact.", "campaign.command.rejected", "campaign.escalation.raised", "campaign.intake.", "deadletter."]),
        Identity(
            name: "build",
            publish: [
                "campaign.fact.", "campaign.command.rejected", "campaign.escalation.raised", "campaign.assigned",
                "campaign.command.revise_document", "deadletter.",
            ]),
        Identity(name: "approvals", publish: ["campaign.fact.", "campaign.command.rejected", "campaign.escalation.raised", "deadletter."]),
        Identity(name: "launch", publish: ["campaign.fact.", "campaign.command.rejected", "campaign.escalation.raised", "deadletter."]),
        Identity(name: "qa", publish: ["qa.report.ready", "deadletter."]),
        Identity(name: "reporting", publish: ["report.warning.raised", "deadletter."]),
        Identity(name: "notify", publish: ["notification.", "deadletter."]),
        Identity(name: "assistant", publish: ["campaign.request.", "library.", "deadletter."]),
        Identity(
            name: "gateway",
            publish: ["campaign.request.", "campaign.command.", "campaign.document.submitted", "deadletter."]),
        Identity(name: "ops", publish: [">"], anySource: true),
        Identity(name: "monitor", publish: []),
    ]

    /// The broker's key pair's name.
    static let broker = "bus"

    /// The allowlist file's name inside the key directory.
    static let securityFile = "bus-security.yaml"

    /// Writes every key pair missing from `directory` (existing pairs are kept) and `bus-security.yaml` naming
    /// their public keys; returns the names of the pairs it created.
    @discardableResult
    static func write(into directory: URL) throws -> [String] {
        var created: [String] = []
        for name in [broker] + identities.map(\.name)
        where !FileManager.default.fileExists(atPath: directory.appendingPathComponent("\(name).secret").path) {
            try CurveKeyFile.write(CurveKeyPair.generate(), directory: directory.path, name: name)
            created.append(name)
        }
        var yaml = """
            # Written by `marquee keys stack`: the broker's CURVE allowlist (docs/protocol.md, "Security").
            # Relative paths are relative to this file: keep bus.secret beside it.
            server:
              secret_key_file: \(broker).secret
            clients:

            """
        for identity in identities {
            // Z85 has no quote characters, so single-quoted YAML scalars hold any key as is.
            let key = try CurveKeyFile.readKey(directory.appendingPathComponent("\(identity.name).key").path)
            yaml += "  - name: \(identity.name)\n    public_key: '\(key)'\n"
            if !identity.publish.isEmpty {
                yaml += "    publish: [\(identity.publish.map { "\"\($0)\"" }.joined(separator: ", "))]\n"
            }
            if identity.anySource { yaml += "    sources: [\"*\"]\n" }
        }
        let file = directory.appendingPathComponent(securityFile)
        try Data(yaml.utf8).write(to: file, options: .atomic)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        return created
    }
}
