import Foundation

/// Why marquee-assistant gave no answer; each is a problem the gateway answers with (never a crash).
enum AssistantFailure: Error, Sendable, Equatable {
    /// `--assistant-url` was not given.
    case notConfigured
    /// No answer within the timeout.
    case timedOut(seconds: Double)
    /// The assistant could not be reached.
    case unreachable(String)
    /// The assistant answered with a status other than 2xx.
    case status(Int)
    /// The answer was not an assistant answer.
    case malformed

    /// 503 when not configured, 504 on a timeout, 502 otherwise.
    var problem: GatewayProblem {
        switch self {
        case .notConfigured:
            GatewayProblem(
                type: "assistant-not-configured", title: "Assistant unavailable", status: 503,
                detail: "the assistant is not configured")
        case .timedOut(let seconds):
            GatewayProblem(
                type: "assistant-timeout", title: "Assistant timed out", status: 504,
                detail: "the assistant did not answer within \(String(format: "%g", seconds)) s; try again")
        case .unreachable:
            GatewayProblem(
                type: "assistant-unreachable", title: "Assistant unreachable", status: 502,
                detail: "the assistant could not be reached; try again later")
        case .status(let code):
            GatewayProblem(
                type: "assistant-failed", title: "Assistant failed", status: 502,
                detail: "the assistant answered \(code); try again later")
        case .malformed:
            GatewayProblem(
                type: "assistant-failed", title: "Assistant failed", status: 502,
                detail: "the assistant's answer could not be read")
        }
    }
}
