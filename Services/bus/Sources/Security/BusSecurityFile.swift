import Broker
import Foundation
import Yams
import ZeroMQ

/// Reads a broker security file (YAML): CURVE keys and the client allowlist, or `insecure: true`.
///
/// ```yaml
/// server:
///   secret_key_file: keys/bus.secret        # relative paths are relative to this file
/// clients:
///   - name: intake                          # the identity: ZAP user id, written into the journal
///     public_key_file: keys/intake.key      # or public_key: "<40 Z85 characters>"
///     publish: [campaign.intake., campaign.request.]   # topic prefixes; ">" or "" = all; none = read-only
///     sources: [marquee/intake]             # CloudEvents sources; default [marquee/<name>]; "*" = any
/// ```
///
/// Every problem is reported with its path (`clients[1].public_key (line 9): …`), not only the first.
public enum BusSecurityFile {
    /// Loads and checks the file at `path`, reading the key files it names.
    public static func load(path: String) throws(BusSecurityFileError) -> BusSecurityMode {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw BusSecurityFileError(
                file: path, problems: [.init(path: "", line: nil, sentence: "cannot read the file: \((error as NSError).localizedDescription)")])
        }
        let base = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return try parse(yaml: text, file: path, baseDirectory: base)
    }

    /// Checks `yaml` as the contents of `file`; key file paths are resolved against `baseDirectory`.
    public static func parse(yaml: String, file: String, baseDirectory: String) throws(BusSecurityFileError) -> BusSecurityMode {
        var reader = SecurityFileReader(baseDirectory: baseDirectory)
        let mode: BusSecurityMode?
        do {
            mode = reader.read(try Yams.compose(yaml: yaml))
        } catch {
            reader.report("not valid YAML: \(error)", at: "", node: nil)
            mode = nil
        }
        guard let mode, reader.problems.isEmpty else { throw BusSecurityFileError(file: file, problems: reader.problems) }
        return mode
    }
}
