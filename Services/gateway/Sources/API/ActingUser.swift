import Contracts
import Domain

/// Puts the signed-in user into a command's body where the line reads who acts — `by` (requester's edits and
/// approval), `qa.reviewer`, `approval.approver` — so nobody acts under another id. A body naming someone else
/// there is refused (403); a missing one is filled in.
enum ActingUser {
    /// The body of a `kind` command with the acting user stamped in.
    static func stamp(_ user: UserID, into body: [String: JSONValue], kind: CommandKind) throws(GatewayProblem) -> [String: JSONValue] {
        var body = body
        switch kind {
        case .requestEdits, .approveAsRequester:
            try check(body["by"], user, pointer: "#/by")
            body["by"] = .string(user.rawValue)
        case .recordQA:
            body["qa"] = try stamped(body["qa"], key: "reviewer", user: user, pointer: "#/qa")
        case .decideApproval:
            body["approval"] = try stamped(body["approval"], key: "approver", user: user, pointer: "#/approval")
        default:
            break
        }
        return body
    }

    private static func stamped(_ value: JSONValue?, key: String, user: UserID, pointer: String) throws(GatewayProblem) -> JSONValue {
        guard case .object(var members)? = value else {
            throw GatewayProblem.invalid("the command is incomplete", errors: [.init(pointer: pointer, detail: "must be an object")])
        }
        try check(members[key], user, pointer: "\(pointer)/\(key)")
        members[key] = .string(user.rawValue)
        return .object(members)
    }

    private static func check(_ value: JSONValue?, _ user: UserID, pointer: String) throws(GatewayProblem) {
        guard let value, value != .null else { return }
        guard value == .string(user.rawValue) else {
            throw GatewayProblem.forbidden("\(pointer) must be you (\(user)) or left out: you cannot act as someone else")
        }
    }
}
