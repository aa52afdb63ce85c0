import Domain
import Foundation

/// A campaign request as the request form holds it: the brief template's fields as typed, what of them could not
/// be read (a date that is no date…), and the ``CampaignRequest`` they make.
struct RequestDraft: Sendable {
    /// A problem with one field of the form, for people.
    struct Problem: Sendable, Codable, Equatable {
        var field: String
        var label: String
        var detail: String
    }

    var values: [String: String]
    var channels: Set<Channel>
    var problems: [Problem]
    var request: CampaignRequest

    /// The form's text fields, in the brief template's order, with their labels.
    static let labels: [(field: String, label: String)] = [
        ("title", "Title"), ("type", "Type"), ("objective", "Objective"), ("goal", "Goal"), ("audience", "Audience"),
        ("key_message", "Key message"), ("channels", "Channels"), ("budget", "Budget"), ("currency", "Currency"),
        ("launch_date", "Launch date"), ("outline", "Content outline"), ("asset_needs", "Asset needs"),
        ("timeline", "Timeline"), ("swot", "SWOT"),
    ]

    static func label(of field: String) -> String { labels.first { $0.field == field }?.label ?? field }

    /// Reads `form` as `requester`'s request.
    init(form: WebForm, requester: UserID) {
        var problems: [Problem] = []
        func problem(_ field: String, _ detail: String) {
            problems.append(Problem(field: field, label: Self.label(of: field), detail: detail))
        }
        var values: [String: String] = [:]
        for name in [
            "title", "type", "objective", "goal", "audience", "key_message", "budget", "currency", "launch_date",
            "outline", "asset_needs", "timeline", "swot_strengths", "swot_weaknesses", "swot_opportunities",
            "swot_threats",
        ] {
            values[name] = form[name] ?? ""
        }
        let type = CampaignType(rawValue: values["type"] ?? "") ?? .other
        if let text = form["type"], CampaignType(rawValue: text) == nil {
            problem("type", "\"\(text)\" is not a campaign type")
        }
        values["type"] = type.rawValue
        let objective = form["objective"].flatMap(Objective.init(rawValue:))
        if let text = form["objective"], objective == nil { problem("objective", "\"\(text)\" is not an objective") }
        var channels = Set<Channel>()
        for text in form.all("channels") {
            if let channel = Channel(rawValue: text) {
                channels.insert(channel)
            } else {
                problem("channels", "\"\(text)\" is not a channel")
            }
        }
        var budget: Money?
        if let text = form["budget"] {
            if let amount = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), amount >= 0,
                amount < 1_000_000_000_000
            {
                let minor = NSDecimalNumber(decimal: amount * 100).int64Value
                budget = Money(amountMinor: minor, currency: (form["currency"] ?? "EUR").uppercased())
            } else {
                problem("budget", "write the amount as a number, e.g. 12000.50")
            }
        }
        var launchDate: Day?
        if let text = form["launch_date"] {
            launchDate = Day(iso: text)
            if launchDate == nil { problem("launch_date", "write the date as YYYY-MM-DD") }
        }
        var assets: [AssetNeed] = []
        for line in Self.lines(form["asset_needs"]) {
            let parts = line.split(whereSeparator: \.isWhitespace)
            let size = parts.count == 3 ? parts[2].lowercased().split(separator: "x").compactMap { Int($0) } : []
            guard parts.count == 3, let channel = Channel(rawValue: String(parts[0])),
                let format = AssetFormat(rawValue: parts[1].lowercased()), size.count == 2,
                size.allSatisfy({ (1...20_000).contains($0) })
            else {
                problem("asset_needs", "\"\(line)\" is not \"channel format WIDTHxHEIGHT\", e.g. email png 600x200")
                continue
            }
            assets.append(AssetNeed(channel: channel, format: format, size: PixelSize(width: size[0], height: size[1])))
        }
        var timeline: [Milestone] = []
        for line in Self.lines(form["timeline"]) {
            let parts = line.split(maxSplits: 1, whereSeparator: \.isWhitespace)
            guard parts.count == 2, let due = Day(iso: String(parts[0])) else {
                problem("timeline", "\"\(line)\" is not \"YYYY-MM-DD milestone\"")
                continue
            }
            timeline.append(Milestone(name: String(parts[1]), due: due))
        }
        let swot = SWOT(
            strengths: Self.lines(form["swot_strengths"]), weaknesses: Self.lines(form["swot_weaknesses"]),
            opportunities: Self.lines(form["swot_opportunities"]), threats: Self.lines(form["swot_threats"]))
        request = CampaignRequest(
            title: form["title"] ?? "", requester: requester, objective: objective, type: type,
            brief: Brief(
                goal: form["goal"], audience: form["audience"], keyMessage: form["key_message"],
                channels: channels.sorted(),
                budget: budget, launchDate: launchDate, swot: swot.isEmpty ? nil : swot),
            outline: form["outline"], assetNeeds: assets, timeline: timeline)
        self.values = values
        self.channels = channels
        self.problems = problems
    }

    /// The form filled in with `request` (completing a held one).
    init(request: CampaignRequest) {
        let brief = request.brief
        let budget = brief.budget.map { money -> String in
            let units = money.amountMinor / 100, cents = abs(money.amountMinor % 100)
            return cents == 0 ? "\(units)" : String(format: "%lld.%02lld", units, cents)
        }
        values = [
            "title": request.title, "type": request.type.rawValue, "objective": request.objective?.rawValue ?? "",
            "goal": brief.goal ?? "", "audience": brief.audience ?? "", "key_message": brief.keyMessage ?? "",
            "budget": budget ?? "", "currency": brief.budget?.currency ?? "",
            "launch_date": brief.launchDate?.iso ?? "",
            "outline": request.outline ?? "",
            "asset_needs": request.assetNeeds.map { "\($0.channel.rawValue) \($0.format.rawValue) \($0.size)" }
                .joined(separator: "\n"),
            "timeline": request.timeline.map { "\($0.due.iso) \($0.name)" }.joined(separator: "\n"),
            "swot_strengths": (brief.swot?.strengths ?? []).joined(separator: "\n"),
            "swot_weaknesses": (brief.swot?.weaknesses ?? []).joined(separator: "\n"),
            "swot_opportunities": (brief.swot?.opportunities ?? []).joined(separator: "\n"),
            "swot_threats": (brief.swot?.threats ?? []).joined(separator: "\n"),
        ]
        channels = Set(brief.channels)
        problems = []
        self.request = request
    }

    /// The MVP items of its type it lacks (Domain's triage under `rules`), as problems.
    func missing(under rules: Rules) -> [Problem] {
        guard case .hold(let fields) = triage(request, rules: rules) else { return [] }
        return fields.map { Problem(field: $0.rawValue, label: Self.label(of: $0.rawValue), detail: $0.prompt) }
    }

    private static func lines(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
    }
}
