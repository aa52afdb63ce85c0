import Foundation

/// The outcome of MVP triage.
///
/// Wire: `{"decision": "assign", "role": "specialist"}` or
/// `{"decision": "hold", "missing": ["budget", "launch_date"]}`.
public enum TriageDecision: Sendable, Hashable, Codable {
    /// The request is complete; route it to a person holding `role`.
    case assign(to: Role)
    /// The request stays in intake; `missing` lists every missing item in rule order.
    case hold(missing: [MVPField])

    private enum CodingKeys: String, CodingKey {
        case decision
        case role
        case missing
    }

    private enum Kind: String, Codable {
        case assign
        case hold
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(Kind.self, forKey: .decision) {
        case .assign: self = .assign(to: try c.decode(Role.self, forKey: .role))
        case .hold: self = .hold(missing: try c.decode([MVPField].self, forKey: .missing))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .assign(let role):
            try c.encode(Kind.assign, forKey: .decision)
            try c.encode(role, forKey: .role)
        case .hold(let missing):
            try c.encode(Kind.hold, forKey: .decision)
            try c.encode(missing, forKey: .missing)
        }
    }
}
