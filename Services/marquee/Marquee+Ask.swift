import ArgumentParser
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `marquee ask "status of Spring Sale"`: one message to marquee-assistant's `POST /assistant`, answer printed.
/// The conversation id defaults to `cli-<user>`, so consecutive calls continue one request intake. The caller
/// token (`--token-file`, default `var/keys/assistant.token` as `marquee up` writes it) lets the operator speak
/// for `--user` with `--role`s, as the gateway does for a signed-in user.
struct AskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask",
        abstract: "Ask the assistant: line questions, templates, asset checks, or a request one answer at a time.")

    @Argument(help: "What to say, e.g. \"what's due this week\".")
    var text: String

    @Option(help: "The assistant's HTTP address.")
    var assistant = ProcessInfo.processInfo.environment["MARQUEE_ASSISTANT_URL"] ?? "http://127.0.0.1:7785"

    @Option(help: "The file holding the assistant's caller token.")
    var tokenFile = ProcessInfo.processInfo.environment["MARQUEE_ASSISTANT_TOKEN_FILE"] ?? "var/keys/assistant.token"

    @Option(help: "Who is asking.")
    var user = ProcessInfo.processInfo.environment["USER"] ?? "ana"

    @Option(name: .customLong("role"), help: "A role of the user (repeatable).")
    var roles: [String] = ["requester"]

    @Option(help: "The conversation to continue (default: cli-<user>).")
    var conversation: String?

    @Option(help: "Seconds to wait for the answer.")
    var timeout: Double = 30

    func run() async throws {
        guard let url = URL(string: assistant)?.appendingPathComponent("assistant") else {
            throw CommandFailure("--assistant must be a URL, got \(assistant)")
        }
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let token = try? String(contentsOfFile: tokenFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines) {
            request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        }
        let body: [String: Any] = [
            "user": user, "roles": roles, "conversation_id": conversation ?? "cli-\(user)", "text": text,
        ]
        request.httpBody = try JSONSerialization.data(withJSONObject: body)
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard let answer = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw CommandFailure("the assistant answered \(status) without JSON")
        }
        guard status == 200, let reply = answer["reply"] as? String else {
            throw CommandFailure("the assistant answered \(status): \(answer["detail"] as? String ?? "no detail")")
        }
        print(reply)
    }
}
