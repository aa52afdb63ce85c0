import ArgumentParser
import Foundation
import ZeroMQ

/// `marquee keys`: CURVE keys for the broker and its clients.
///
/// ```
/// marquee keys generate --out deploy/keys --name bus      # deploy/keys/bus.key + bus.secret (0600)
/// marquee keys generate --out deploy/keys --name intake   # prints the public key for the allowlist
/// marquee keys stack --out deploy/keys                     # every identity's pair + bus-security.yaml
/// ```
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Generate CURVE key pairs for the broker and its clients.",
        subcommands: [GenerateKeysCommand.self, StackKeysCommand.self])
}

/// `marquee keys generate --out DIR --name NAME [--force]`: writes `NAME.key` and `NAME.secret` (mode 0600)
/// as Z85 text and prints the public key.
struct GenerateKeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a new CURVE key pair as DIR/NAME.key (public) and DIR/NAME.secret (mode 0600); print the public key.")

    @Option(help: "The directory to write the key files into (created if missing).")
    var out: String

    @Option(help: "The key pair's name: the broker ('bus') or a client identity ('intake').")
    var name: String

    @Flag(help: "Replace existing key files.")
    var force = false

    func validate() throws {
        guard CurveKeyFile.isValidName(name) else { throw ValidationError(CurveKeyError.badName(name).description) }
    }

    func run() async throws {
        guard Context.has("curve") else { throw CommandFailure("this libzmq was built without CURVE support") }
        do {
            let keys = try CurveKeyPair.generate()
            let files = try CurveKeyFile.write(keys, directory: out, name: name, overwrite: force)
            print(keys.publicKey)
            FileHandle.standardError.write(Data("wrote \(files.publicKey) and \(files.secretKey) (mode 0600)\n".utf8))
        } catch let error as CurveKeyError {
            throw CommandFailure(error.description)
        }
    }
}

/// `marquee keys stack --out DIR`: the key pair of the broker and of every identity of the stack (existing pairs
/// are kept, so a second run only adds what is missing), the broker's allowlist `DIR/bus-security.yaml` and the
/// assistant's caller token `DIR/assistant.token` (``CallerToken``), kept too if present.
struct StackKeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stack",
        abstract: "Write the key pairs of the broker and every service identity, the broker's bus-security.yaml and the assistant's caller token.")

    @Option(help: "The directory to write the key files into (created if missing).")
    var out: String

    func run() async throws {
        guard Context.has("curve") else { throw CommandFailure("this libzmq was built without CURVE support") }
        do {
            let created = try StackSecurity.write(into: URL(fileURLWithPath: out))
            print("wrote \(created.isEmpty ? "no new key pairs" : created.joined(separator: ", ")) and \(out)/\(StackSecurity.securityFile)")
            if try CallerToken.write(to: URL(fileURLWithPath: out).appendingPathComponent("assistant.token")) {
                print("wrote the assistant's caller token \(out)/assistant.token")
            }
        } catch let error as CurveKeyError {
            throw CommandFailure(error.description)
        }
    }
}
