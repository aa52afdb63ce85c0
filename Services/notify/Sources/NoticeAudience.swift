import Domain

/// Who a notice goes to: the people holding a role, or one person — resolved against the rules' roster.
enum NoticeAudience: Sendable, Hashable {
    case role(Role)
    case person(UserID)

    /// The people on the roster this audience names, in roster order; an unknown person names nobody.
    func people(in rules: Rules) -> [Person] {
        switch self {
        case .role(let role): rules.people(holding: role)
        case .person(let id): rules.people.filter { $0.id == id }
        }
    }
}
