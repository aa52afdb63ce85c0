import Domain
import Foundation

extension IntakeConversation {
    /// What one message filled, and the launch dates to choose from when it named an ambiguous one.
    struct Extraction {
        var filled: [IntakeSlot] = []
        var ambiguousDates: [Day]?
    }

    /// Fields whose answer is free text: the whole message answers them when they were asked.
    static let freeTextFields: [MVPField] = [.title, .goal, .audience, .keyMessage, .outline]

    private static let labels: [(pattern: String, field: MVPField)] = [
        ("title|name", .title), ("goal", .goal), ("audience|target audience", .audience),
        ("key message|message", .keyMessage), ("outline", .outline),
    ]

    /// Fills every slot `text` speaks about. A free-text field that was just asked takes the whole message
    /// unless it reads as a correction ("actually launch on the 5th").
    mutating func extract(_ text: String, today: Day) -> Extraction {
        var result = Extraction()
        var rest = text
        let lower = text.lowercased()
        let asked: IntakeSlot? = if case .slot(let slot) = question { slot } else { nil }
        let correcting = TextPattern("^(?:(?:actually|change|correction|wait|sorry|oops|instead)\\b|no,)").occurs(in: lower)

        for label in Self.labels {
            let pattern = TextPattern("(?:^|[;.\\n]\\s*|\\bthe\\s+)(?:\(label.pattern))\\s*(?:is|:|=|should be)\\s*([^;\\n]+)")
            if let value = pattern.firstMatch(in: rest)?[0].map(Self.cleaned), !value.isEmpty {
                set(label.field, to: value)
                result.filled.append(.field(label.field))
                rest = rest.replacingOccurrences(of: value, with: " ")
            }
        }
        if result.filled.isEmpty, !correcting, case .field(let field) = asked, Self.freeTextFields.contains(field) {
            set(field, to: Self.cleaned(text))
            result.filled.append(.field(field))
            return result
        }
        let restLower = rest.lowercased()
        if !draft.provides(.title),
            let title = TextPattern("\\b(?:called|named|titled)\\s+\"?([^\",;.]+)\"?").firstMatch(in: rest)?[0]
        {
            set(.title, to: Self.cleaned(title))
            result.filled.append(.field(.title))
        }
        if let type = ChoiceParser.campaignType(in: restLower, strict: asked != .type) {
            draft.type = type
            typeKnown = true
            result.filled.append(.type)
        }
        if let objective = ChoiceParser.objective(in: restLower, strict: asked != .field(.objective)) {
            draft.objective = objective
            result.filled.append(.field(.objective))
        }
        if asked != .field(.timeline) {
            switch DateParser(today: today, reference: draft.brief.launchDate).parse(restLower) {
            case .day(let day):
                draft.brief.launchDate = day
                result.filled.append(.field(.launchDate))
            case .ambiguous(let options): result.ambiguousDates = options
            case nil: break
            }
        }
        let money = MoneyParser(defaultCurrency: defaultCurrency, bareNumbers: asked == .field(.budget))
        if let budget = money.parse(restLower) {
            draft.brief.budget = budget
            result.filled.append(.field(.budget))
        }
        let adding = TextPattern("\\b(add|also|plus)\\b").occurs(in: restLower)
        let needs = AssetNeedParser.parse(restLower)
        if !needs.isEmpty {
            draft.assetNeeds = adding ? draft.assetNeeds + needs : needs
            result.filled.append(.field(.assetNeeds))
        } else if asked != .field(.assetNeeds) {
            let channels = ChannelParser.parse(restLower)
            if !channels.isEmpty {
                draft.brief.channels = adding ? Array(Set(draft.brief.channels + channels)).sorted() : channels
                result.filled.append(.field(.channels))
            }
        }
        if asked == .field(.timeline) {
            let milestones = Self.milestones(in: rest, today: today)
            if !milestones.isEmpty {
                draft.timeline = adding ? draft.timeline + milestones : milestones
                result.filled.append(.field(.timeline))
            }
        }
        if let swot = Self.swot(in: rest) {
            draft.brief.swot = swot
            result.filled.append(.field(.swot))
        }
        return result
    }

    private mutating func set(_ field: MVPField, to value: String) {
        switch field {
        case .title: draft.title = value
        case .goal: draft.brief.goal = value
        case .audience: draft.brief.audience = value
        case .keyMessage: draft.brief.keyMessage = value
        case .outline: draft.outline = value
        default: break
        }
    }

    /// The answer without a leading "it's" / "it is" and trailing punctuation.
    static func cleaned(_ text: String) -> String {
        var value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        for prefix in ["it's ", "it is ", "its "] where value.lowercased().hasPrefix(prefix) {
            value = String(value.dropFirst(prefix.count))
        }
        return value.trimmingCharacters(in: CharacterSet(charactersIn: " .!\"").union(.whitespacesAndNewlines))
    }

    /// "venue booked by April 2; speakers confirmed on April 20" → two milestones.
    static func milestones(in text: String, today: Day) -> [Milestone] {
        text.split { ";,\n".contains($0) }.compactMap { segment in
            guard let groups = TextPattern("^\\s*(.+?)\\s+(?:on|by|due)\\s+(.+)$").firstMatch(in: String(segment)),
                let name = groups[0].map(cleaned), !name.isEmpty,
                case .day(let due) = DateParser(today: today).parse(groups[1] ?? "")
            else { return nil }
            return Milestone(name: name, due: due)
        }
    }

    /// "strengths: brand, reach; threats: competitor sale" → a SWOT.
    static func swot(in text: String) -> SWOT? {
        var swot = SWOT()
        let pattern = TextPattern("\\b(strengths?|weaknesses?|opportunit(?:y|ies)|threats?)\\s*:\\s*([^;\\n]+)")
        for groups in pattern.matches(in: text) {
            let items = (groups[1] ?? "").split(separator: ",").map { cleaned(String($0)) }.filter { !$0.isEmpty }
            switch (groups[0] ?? "").lowercased().prefix(3) {
            case "str": swot.strengths += items
            case "wea": swot.weaknesses += items
            case "opp": swot.opportunities += items
            default: swot.threats += items
            }
        }
        return swot.isEmpty ? nil : swot
    }
}
