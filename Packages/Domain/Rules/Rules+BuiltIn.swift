import Foundation

extension Rules {
    /// The complete default rules, used when no config file overrides them. A demo team in Berlin working
    /// Monday–Friday 09:00–17:00 with the 2026 German national holidays; budgets in EUR.
    public static let builtIn = Rules(
        roles: [
            .requester, .marketingOps, .marketingOpsLead, .specialist, .designer, .qaReviewer, .marketingLead,
            .legal, .brand, .finance, .financeOps,
        ],
        people: builtInPeople,
        mvp: builtInMVP,
        approvals: builtInApprovals,
        slas: builtInSLAs,
        calendar: BusinessCalendar(
            timeZone: "Europe/Berlin", opens: TimeOfDay(hour: 9), closes: TimeOfDay(hour: 17),
            holidays: [
                Day(year: 2026, month: 1, day: 1), Day(year: 2026, month: 4, day: 3), Day(year: 2026, month: 4, day: 6),
                Day(year: 2026, month: 5, day: 1), Day(year: 2026, month: 5, day: 14),
                Day(year: 2026, month: 5, day: 25), Day(year: 2026, month: 10, day: 3),
                Day(year: 2026, month: 12, day: 25), Day(year: 2026, month: 12, day: 26),
            ]),
        channelSpecs: builtInChannelSpecs,
        escalations: [
            .delayedApproval: EscalationRoute(notify: .role(.marketingOpsLead)),
            .missingTemplate: EscalationRoute(notify: .documentOwner, raiseFlag: true, logRequest: true),
            .budgetIssue: EscalationRoute(notify: .role(.financeOps)),
            .slaBreach: EscalationRoute(notify: .role(.marketingOps)),
        ],
        warnings: WarningThresholds(editRoundsAfterRequesterApproval: 2, editsAfterQAPassed: 1, longHold: .days(3)))

    /// The finance threshold of the built-in matrix: 10,000.00 EUR.
    public static let builtInFinanceThreshold = Money(amountMinor: 1_000_000, currency: "EUR")
    /// The lower finance threshold for events: 5,000.00 EUR.
    public static let builtInEventFinanceThreshold = Money(amountMinor: 500_000, currency: "EUR")

    private static let builtInPeople: [Person] = [
        Person(id: "ana", name: "Ana Lopez", email: "ana@example.com", roles: [.requester]),
        Person(id: "ben", name: "Ben Okafor", email: "ben@example.com", roles: [.requester]),
        Person(id: "olga", name: "Olga Berg", email: "olga@example.com", roles: [.marketingOps]),
        Person(id: "lena", name: "Lena Vogt", email: "lena@example.com", roles: [.marketingOps, .marketingOpsLead]),
        Person(id: "sam", name: "Sam Weiss", email: "sam@example.com", roles: [.specialist]),
        Person(id: "sara", name: "Sara Kim", email: "sara@example.com", roles: [.specialist, .qaReviewer]),
        Person(id: "dora", name: "Dora Lind", email: "dora@example.com", roles: [.designer]),
        Person(id: "quinn", name: "Quinn Hale", email: "quinn@example.com", roles: [.qaReviewer]),
        Person(id: "mia", name: "Mia Rossi", email: "mia@example.com", roles: [.marketingLead, .requester]),
        Person(id: "leo", name: "Leo Brandt", email: "leo@example.com", roles: [.legal]),
        Person(id: "bea", name: "Bea Novak", email: "bea@example.com", roles: [.brand]),
        Person(id: "finn", name: "Finn Haas", email: "finn@example.com", roles: [.finance]),
        Person(id: "fiona", name: "Fiona Ward", email: "fiona@example.com", roles: [.financeOps]),
    ]

    private static let builtInMVP: [CampaignType: MVPRule] = [
        .productLaunch: MVPRule(fields: [
            .title, .objective, .goal, .audience, .keyMessage, .channels, .budget, .launchDate, .outline, .assetNeeds,
        ]),
        .event: MVPRule(fields: [
            .title, .objective, .goal, .audience, .keyMessage, .channels, .budget, .launchDate, .timeline,
        ]),
        .seasonal: MVPRule(fields: [
            .title, .objective, .goal, .audience, .keyMessage, .channels, .launchDate, .assetNeeds,
        ]),
        .other: MVPRule(fields: [.title, .objective, .goal, .audience, .keyMessage, .channels, .launchDate]),
    ]

    private static let builtInApprovals = ApprovalMatrix([
        .productLaunch: [
            ApprovalStepRule(step: "marketing_lead", role: .marketingLead),
            ApprovalStepRule(step: "legal", role: .legal),
            ApprovalStepRule(step: "brand", role: .brand, parallelWithPrevious: true),
            ApprovalStepRule(step: "finance", role: .finance, when: ApprovalCondition(budgetAtLeast: builtInFinanceThreshold)),
        ],
        .event: [
            ApprovalStepRule(step: "marketing_lead", role: .marketingLead),
            ApprovalStepRule(
                step: "finance", role: .finance, when: ApprovalCondition(budgetAtLeast: builtInEventFinanceThreshold)),
            ApprovalStepRule(
                step: "legal", role: .legal, when: ApprovalCondition(channelsAny: [.paid, .sms]),
                parallelWithPrevious: true),
        ],
        .seasonal: [
            ApprovalStepRule(step: "marketing_lead", role: .marketingLead, turnaround: .days(1)),
            ApprovalStepRule(step: "brand", role: .brand, parallelWithPrevious: true, turnaround: .days(1)),
            ApprovalStepRule(step: "finance", role: .finance, when: ApprovalCondition(budgetAtLeast: builtInFinanceThreshold)),
        ],
        .other: [
            ApprovalStepRule(step: "marketing_lead", role: .marketingLead),
            ApprovalStepRule(step: "legal", role: .legal, when: ApprovalCondition(channelsAny: [.paid, .sms])),
            ApprovalStepRule(step: "finance", role: .finance, when: ApprovalCondition(budgetAtLeast: builtInFinanceThreshold)),
        ],
    ])

    private static let builtInSLAs: [SLAStep: SLAPolicy] = [
        .resubmission: SLAPolicy(owner: .requester, turnaround: .days(3)),
        .assignment: SLAPolicy(owner: .marketingOps, turnaround: .hours(4)),
        .buildStart: SLAPolicy(owner: .specialist, turnaround: .days(1)),
        .build: SLAPolicy(owner: .specialist, turnaround: .days(5)),
        .selfReview: SLAPolicy(owner: .specialist, turnaround: .hours(4)),
        .requesterReview: SLAPolicy(owner: .requester, turnaround: .days(2)),
        .edits: SLAPolicy(owner: .specialist, turnaround: .days(1)),
        .qa: SLAPolicy(owner: .qaReviewer, turnaround: .days(1)),
        .qaRework: SLAPolicy(owner: .specialist, turnaround: .days(1)),
        .approvalRouting: SLAPolicy(owner: .marketingOps, turnaround: .hours(2)),
        .approval: SLAPolicy(owner: .marketingLead, turnaround: .days(2)),
        .scheduling: SLAPolicy(owner: .marketingOps, turnaround: .days(1)),
    ]

    private static let builtInChannelSpecs: [Channel: ChannelSpec] = [
        .email: ChannelSpec(formats: [.html, .png, .jpg, .gif], maxBytes: 102_000),
        .web: ChannelSpec(formats: [.html, .png, .jpg, .svg, .mp4]),
        .social: ChannelSpec(formats: [.png, .jpg, .gif, .mp4]),
        .instagram: ChannelSpec(
            formats: [.png, .jpg, .mp4],
            sizes: [
                PixelSize(width: 1080, height: 1080), PixelSize(width: 1080, height: 1350),
                PixelSize(width: 1080, height: 1920),
            ]),
        .linkedin: ChannelSpec(
            formats: [.png, .jpg], sizes: [PixelSize(width: 1200, height: 627), PixelSize(width: 1080, height: 1080)]),
        .paid: ChannelSpec(
            formats: [.png, .jpg, .gif],
            sizes: [
                PixelSize(width: 300, height: 250), PixelSize(width: 728, height: 90), PixelSize(width: 160, height: 600),
                PixelSize(width: 1200, height: 628),
            ]),
        .sms: ChannelSpec(formats: []),
    ]
}
