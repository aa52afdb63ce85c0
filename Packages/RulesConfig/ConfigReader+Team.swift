import Domain
import Yams

extension ConfigReader {
    /// Reads `roles`: unique snake_case names. `document_owner` is reserved: escalations use it as a target.
    mutating func readRoles(_ node: Node, at path: ConfigPath) -> [Role] {
        var roles: [Role] = []
        var seen: [Role: ConfigPath] = [:]
        for element in elements(of: node, at: path) {
            guard let role = decode(Role.self, from: element.node, at: element.path) else { continue }
            if !role.rawValue.isSnakeCase {
                report("expected a snake_case role name (a-z, 0-9 and _), got \"\(role)\"", at: element.path)
            } else if role.rawValue == "document_owner" {
                report("\"document_owner\" is reserved for escalation targets and cannot be a role", at: element.path)
            } else if let first = seen[role] {
                report("duplicate role \"\(role)\"; first listed at \(first)", at: element.path)
            }
            seen[role] = seen[role] ?? element.path
            roles.append(role)
        }
        knownRoles = Set(roles)
        return roles
    }

    /// Reads `people`: unique ids, a name, an email address if any, and at least one known role each.
    mutating func readPeople(_ node: Node, at path: ConfigPath) -> [Person] {
        var people: [Person] = []
        var seen: [UserID: ConfigPath] = [:]
        for element in elements(of: node, at: path) {
            guard let person = decode(Person.self, from: element.node, at: element.path) else { continue }
            let at = element.path
            if person.id.rawValue.isBlank {
                report("a person's id must not be blank", at: at["id"])
            } else if let first = seen[person.id] {
                report("duplicate person id \"\(person.id)\"; first used at \(first)", at: at["id"])
            }
            seen[person.id] = seen[person.id] ?? at
            if person.name.isBlank { report("a person's name must not be blank", at: at["name"]) }
            if let email = person.email, !email.contains("@") {
                report("expected an email address, got \"\(email)\"", at: at["email"])
            }
            if person.roles.isEmpty { report("a person needs at least one role", at: at["roles"]) }
            for (index, role) in person.roles.enumerated() { checkRole(role, at: at["roles"][index]) }
            people.append(person)
        }
        return people
    }

    /// Reports `role` when the `roles` section does not list it.
    mutating func checkRole(_ role: Role, at path: ConfigPath) {
        if !knownRoles.contains(role) { report("unknown role \"\(role)\"", at: path) }
    }

    /// Reports a zero business duration: a turnaround or hold of no time can never be met.
    mutating func checkPositive(_ duration: BusinessDuration, at path: ConfigPath) {
        switch duration {
        case .days(0), .hours(0), .minutes(0): report("must be more than zero, got \"\(duration)\"", at: path)
        case .days, .hours, .minutes: break
        }
    }
}

extension String {
    /// Whether the text is empty or only whitespace.
    var isBlank: Bool { allSatisfy(\.isWhitespace) }

    /// Whether the text is a snake_case name: a lowercase letter, then lowercase letters, digits and `_`.
    var isSnakeCase: Bool {
        guard let first = unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
