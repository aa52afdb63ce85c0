import Domain

extension Channel {
    /// The channel's name in a finding's sentence: `Instagram`, `LinkedIn`, `SMS`, `email`.
    var displayName: String {
        switch self {
        case .email: "email"
        case .web: "web"
        case .social: "social"
        case .instagram: "Instagram"
        case .linkedin: "LinkedIn"
        case .paid: "paid media"
        case .sms: "SMS"
        }
    }
}
