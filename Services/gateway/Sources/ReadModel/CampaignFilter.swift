import Domain
import Hummingbird

/// The query of `GET /api/campaigns`: `stage`, `type`, `requester`, `limit` (1…200, default 50) and `cursor`
/// (opaque: the last id of the previous page).
struct CampaignFilter: Sendable, Equatable {
    var stage: CampaignStage?
    var type: CampaignType?
    var requester: String?
    var limit: Int
    /// The id after which the page starts.
    var after: String?

    static let defaultLimit = 50
    static let maxLimit = 200

    /// The query parameters of `request` (the last value of each).
    static func query(of request: Request) -> [String: String] {
        var result: [String: String] = [:]
        for (key, value) in request.uri.queryParameters { result[String(key)] = String(value) }
        return result
    }

    /// Reads the query parameters; every bad one is reported as a field error.
    init(query: [String: String]) throws(GatewayProblem) {
        var errors: [GatewayProblem.FieldError] = []
        func read<T: RawRepresentable<String>>(_ name: String, as type: T.Type) -> T? {
            guard let text = query[name] else { return nil }
            guard let value = T(rawValue: text) else {
                errors.append(.init(pointer: "?\(name)", detail: "unknown \(name) \"\(text)\""))
                return nil
            }
            return value
        }
        stage = read("stage", as: CampaignStage.self)
        type = read("type", as: CampaignType.self)
        requester = query["requester"]
        limit = Self.defaultLimit
        if let text = query["limit"] {
            if let value = Int(text), (1...Self.maxLimit).contains(value) {
                limit = value
            } else {
                errors.append(.init(pointer: "?limit", detail: "limit must be a number from 1 to \(Self.maxLimit)"))
            }
        }
        if let cursor = query["cursor"] {
            if let id = PageCursor.decode(cursor) {
                after = id
            } else {
                errors.append(.init(pointer: "?cursor", detail: "not a cursor this API returned"))
            }
        }
        guard errors.isEmpty else { throw .badRequest("the query has \(errors.count) bad parameter(s)", errors: errors) }
    }
}
