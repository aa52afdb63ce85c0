import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Speaks marquee-assistant's `POST /assistant` with URLSession, presenting the assistant's caller token when it
/// has one; every call is bounded by `timeout`, and every failure is an ``AssistantFailure``.
public struct AssistantClient: Sendable {
    /// The assistant's base URL (`--assistant-url`), e.g. `http://127.0.0.1:7785`; the gateway posts to `/assistant`
    /// under it.
    public let baseURL: URL
    /// The longest a call may take.
    public let timeout: Duration
    /// The bearer token the assistant requires of its callers (`--assistant-token-file`), if any.
    public let token: String?

    /// A client for the assistant at `baseURL`.
    public init(baseURL: URL, timeout: Duration = .seconds(15), token: String? = nil) {
        self.baseURL = baseURL
        self.timeout = timeout
        self.token = token
    }

    /// The assistant's answer to `message`.
    func ask(_ message: AssistantMessage) async throws(AssistantFailure) -> AssistantReply {
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        var request = URLRequest(url: baseURL.appendingPathComponent("assistant"), timeoutInterval: seconds)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        request.httpBody = try? JSONEncoder().encode(message)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = seconds
        configuration.timeoutIntervalForResource = seconds
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let (data, response): (Data, URLResponse)
        do {
            (data, response) = try await session.data(for: request)
        } catch let error as URLError where error.code == .timedOut {
            throw .timedOut(seconds: seconds)
        } catch {
            throw .unreachable(String(describing: error))
        }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard (200..<300).contains(status) else { throw .status(status) }
        guard let reply = try? JSONDecoder().decode(AssistantReply.self, from: data) else { throw .malformed }
        return reply
    }
}
