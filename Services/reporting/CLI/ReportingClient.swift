import Foundation
import Reporting

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A small HTTP client of marquee-reporting's API; turns problem+json answers into ``CLIFailure``s.
struct ReportingClient: Sendable {
    let base: URL

    /// An answer: the status and body.
    struct Answer: Sendable {
        var status: Int
        var body: Data
    }

    /// `GET path?query`; a non-2xx answer throws with the problem's sentence.
    func get(_ path: String, query: [URLQueryItem]) async throws -> Data {
        let answer = try await send(URLRequest(url: url(path, query)))
        guard (200..<300).contains(answer.status) else { throw failure(answer) }
        return answer.body
    }

    /// `POST path?query` with `body`; returns the answer whatever its status.
    func post(_ path: String, query: [URLQueryItem], body: Data, contentType: String) async throws -> Answer {
        var request = URLRequest(url: url(path, query))
        request.httpMethod = "POST"
        request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        request.httpBody = body
        return try await send(request)
    }

    func url(_ path: String, _ query: [URLQueryItem]) -> URL {
        var components = URLComponents(url: base.appendingPathComponent(path), resolvingAgainstBaseURL: false)!
        components.queryItems = query.isEmpty ? nil : query
        return components.url!
    }

    private func send(_ request: URLRequest) async throws -> Answer {
        do {
            let (data, response) = try await URLSession.shared.data(for: request)
            return Answer(status: (response as? HTTPURLResponse)?.statusCode ?? 0, body: data)
        } catch {
            throw CLIFailure("marquee-reporting at \(base.absoluteString) did not answer: \(error.localizedDescription)")
        }
    }

    /// The failure an error answer means: the problem's detail, or the status.
    func failure(_ answer: Answer) -> CLIFailure {
        guard let problem = try? JSONDecoder().decode(Problem.self, from: answer.body) else {
            return CLIFailure("marquee-reporting answered HTTP \(answer.status)")
        }
        return CLIFailure("\(problem.title): \(problem.detail)")
    }

    /// The part of an RFC 9457 problem the CLI prints.
    struct Problem: Decodable {
        var title: String
        var detail: String
        var errors: [KPIRowError]?
        var imported: Int?
    }
}
