import Assistant
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A `LanguageModel` speaking the chat-completions HTTP API (`POST {base}/chat/completions`), as served by
/// llama.cpp's server, Ollama (`/v1`) and hosted providers.
///
/// Every call is bounded by `timeout`; HTTP errors, malformed bodies and timeouts throw
/// `ChatCompletionsError`, so the assistant falls back to its deterministic rules.
public struct ChatCompletionsModel: LanguageModel {
    /// The API base, e.g. `http://127.0.0.1:11434/v1`.
    public var baseURL: URL
    /// The model name sent in each request.
    public var model: String
    /// Sent as `Authorization: Bearer …` when set.
    public var apiKey: String?
    /// The longest a call may take, in seconds.
    public var timeout: TimeInterval

    /// Creates a client.
    public init(baseURL: URL, model: String, apiKey: String? = nil, timeout: TimeInterval = 10) {
        self.baseURL = baseURL
        self.model = model
        self.apiKey = apiKey
        self.timeout = timeout
    }

    public func complete(system: String, user: String) async throws -> String {
        var request = URLRequest(url: baseURL.appendingPathComponent("chat/completions"), timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let apiKey { request.setValue("Bearer \(apiKey)", forHTTPHeaderField: "Authorization") }
        request.httpBody = try JSONEncoder().encode(
            ChatRequest(model: model, messages: [.init(role: "system", content: system), .init(role: "user", content: user)]))
        let session = URLSession(configuration: Self.configuration(timeout: timeout))
        defer { session.finishTasksAndInvalidate() }
        let (data, response): (Data, URLResponse)
        do {
            (data, response) = try await session.data(for: request)
        } catch let error as URLError where error.code == .timedOut {
            throw ChatCompletionsError.timedOut
        } catch {
            throw ChatCompletionsError.unreachable(String(describing: error))
        }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard (200..<300).contains(status) else { throw ChatCompletionsError.status(status) }
        guard let reply = try? JSONDecoder().decode(ChatResponse.self, from: data),
            let content = reply.choices.first?.message.content
        else { throw ChatCompletionsError.malformedResponse }
        return content
    }

    static func configuration(timeout: TimeInterval) -> URLSessionConfiguration {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        return configuration
    }

    struct ChatRequest: Encodable {
        struct Message: Codable {
            var role: String
            var content: String
        }
        var model: String
        var messages: [Message]
        var temperature = 0.0
        var stream = false
    }

    struct ChatResponse: Decodable {
        struct Choice: Decodable {
            var message: ChatRequest.Message
        }
        var choices: [Choice]
    }
}

/// Why a chat-completions call gave no text.
public enum ChatCompletionsError: Error, Sendable, Hashable {
    /// No answer within the timeout.
    case timedOut
    /// The endpoint could not be reached.
    case unreachable(String)
    /// The endpoint answered with a non-2xx status.
    case status(Int)
    /// The body was not a chat-completions response.
    case malformedResponse
}
