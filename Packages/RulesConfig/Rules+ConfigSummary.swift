import Domain

extension Rules {
    /// A one-line count of what the rules hold, e.g. `11 roles, 13 people, 4 MVP rules, …`.
    public var configSummary: String {
        let steps = approvals.routes.values.map(\.count).reduce(0, +)
        return [
            "\(roles.count) roles", "\(people.count) people", "\(mvp.count) MVP rules",
            "\(approvals.routes.count) approval routes with \(steps) steps", "\(slas.count) SLAs",
            "\(calendar.holidays.count) holidays in \(calendar.timeZone)", "\(channelSpecs.count) channel specs",
            "\(escalations.count) escalation routes",
        ].joined(separator: ", ")
    }
}
