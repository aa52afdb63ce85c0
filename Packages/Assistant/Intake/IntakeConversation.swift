import Domain
import Foundation

/// A conversational request intake: fills a `CampaignRequest` slot by slot, asks for exactly the MVP items
/// still missing (per Domain's triage for the campaign type), confirms and submits as the requester.
///
/// A value: `receive` takes the message, the day it is read on and the rules, and returns the turn; the caller
/// keeps the conversation and publishes the submission.
///
/// ```swift
/// var intake = IntakeConversation(requester: "ana")
/// let turn = intake.receive("product launch called Spring Sale, launch March 3rd", today: today, rules: .builtIn)
/// // turn.question == .slot(.field(.objective))
/// ```
public struct IntakeConversation: Sendable, Hashable, Codable {
    /// Where the conversation is.
    public enum Phase: String, Sendable, Hashable, Codable {
        /// Asking for missing items.
        case collecting
        /// Everything is there; waiting for a yes.
        case confirming
        /// Submitted complete; nothing more to do.
        case done
    }

    /// The request as filled so far (its type is `.other` until `typeKnown`).
    public internal(set) var draft: CampaignRequest
    /// Whether the requester has named the campaign type.
    public internal(set) var typeKnown = false
    /// Where the conversation is.
    public internal(set) var phase = Phase.collecting
    /// The last question asked; a conversation opens by asking what kind of campaign it is.
    public internal(set) var question: IntakeQuestion? = .slot(.type)
    /// Whether an incomplete version was submitted and intake holds it; completing it resubmits.
    public internal(set) var isHeld = false
    /// The currency of amounts given without one.
    public var defaultCurrency: String

    /// Starts an empty request for `requester`.
    public init(requester: UserID, defaultCurrency: String = "EUR") {
        draft = CampaignRequest(title: "", requester: requester, type: .other)
        self.defaultCurrency = defaultCurrency
    }

    /// The slots still missing under `rules`, in the order they are asked: the type, then the MVP fields.
    public func missing(rules: Rules) -> [IntakeSlot] {
        let fields: [MVPField] =
            switch triage(draft, rules: rules) {
            case .assign: []
            case .hold(let missing): missing
            }
        let head: [IntakeSlot] = typeKnown ? [] : [.type]
        return head + fields.map(IntakeSlot.field)
    }

    /// Takes one message of the requester, read on `today`.
    public mutating func receive(_ message: String, today: Day, rules: Rules) -> IntakeTurn {
        let text = String(message.trimmingCharacters(in: .whitespacesAndNewlines).prefix(4_000))
        let lower = text.lowercased()
        if phase == .done {
            return IntakeTurn(reply: "This request is already submitted. Start a new conversation for another one.", question: nil)
        }
        if text.isEmpty { return ask(prefix: "", filled: [], rules: rules) }
        if phase == .confirming, ReplyWords.isYes(lower) { return submit() }
        if phase == .confirming, ReplyWords.isNo(lower) {
            return IntakeTurn(reply: "What should I change?", question: .confirm)
        }
        if phase == .collecting, ReplyWords.asksToSubmitIncomplete(lower) { return submitIncomplete(rules: rules) }
        var filled: [IntakeSlot] = []
        if case .whichDate(let options) = question, let day = choose(among: options, in: lower, today: today) {
            draft.brief.launchDate = day
            filled.append(.field(.launchDate))
        } else {
            let extraction = extract(text, today: today)
            filled = extraction.filled
            if let options = extraction.ambiguousDates {
                question = .whichDate(options)
                let choices = options.map(IntakePrompts.spoken).joined(separator: " or ")
                return IntakeTurn(
                    reply: IntakePrompts.acknowledgement(filled, in: draft) + "Did you mean \(choices)?",
                    question: question, filled: filled)
            }
        }
        guard !filled.isEmpty else { return ask(prefix: "Sorry, I didn't catch that. ", filled: [], rules: rules) }
        return ask(prefix: IntakePrompts.acknowledgement(filled, in: draft), filled: filled, rules: rules)
    }

    private mutating func ask(prefix: String, filled: [IntakeSlot], rules: Rules) -> IntakeTurn {
        guard let next = missing(rules: rules).first else {
            phase = .confirming
            question = .confirm
            return IntakeTurn(
                reply: prefix + "Here is the request:\n" + IntakePrompts.summary(of: draft) + "\nShall I submit it?",
                question: .confirm, filled: filled)
        }
        phase = .collecting
        question = .slot(next)
        return IntakeTurn(reply: prefix + IntakePrompts.prompt(for: next), question: question, filled: filled)
    }

    private mutating func submit() -> IntakeTurn {
        phase = .done
        question = nil
        let submission: IntakeSubmission = isHeld ? .resubmitted(draft) : .submitted(draft)
        let verb = isHeld ? "Resubmitted" : "Submitted"
        return IntakeTurn(
            reply: "\(verb) \"\(draft.title)\". Intake will triage it and assign a specialist.", question: nil,
            submission: submission)
    }

    private mutating func submitIncomplete(rules: Rules) -> IntakeTurn {
        guard typeKnown, draft.provides(.title) else {
            return ask(prefix: "I need at least the type and the title before I can submit. ", filled: [], rules: rules)
        }
        guard !isHeld else { return ask(prefix: "Intake already holds this request. ", filled: [], rules: rules) }
        isHeld = true
        let missingNames = missing(rules: rules).map(IntakePrompts.name).joined(separator: ", ")
        var turn = ask(
            prefix: "Submitted as it is; intake will hold it until it has: \(missingNames). ", filled: [], rules: rules)
        turn.submission = .submitted(draft)
        return turn
    }

    private func choose(among options: [Day], in lower: String, today: Day) -> Day? {
        if TextPattern("\\b(first|1st|former)\\b|^1$").occurs(in: lower) { return options.first }
        if TextPattern("\\b(second|2nd|latter)\\b|^2$").occurs(in: lower), options.count > 1 { return options[1] }
        if case .day(let day) = DateParser(today: today).parse(lower), options.contains(day) { return day }
        return options.first { IntakePrompts.monthMentioned($0.month, in: lower) }
    }
}
