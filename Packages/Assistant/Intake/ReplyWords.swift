import Foundation

/// The short replies a conversation understands: yes, no, and "submit it as it is".
enum ReplyWords {
    static func isYes(_ lower: String) -> Bool {
        TextPattern(
            "^(yes|yep|yeah|y|ok|okay|sure|submit|submit it|confirm|confirmed|looks good|correct|go ahead|do it|send it)\\b"
        ).occurs(in: lower)
    }

    static func isNo(_ lower: String) -> Bool {
        TextPattern("^(no|nope|not yet|wait)[.!]*$").occurs(in: lower)
    }

    static func asksToSubmitIncomplete(_ lower: String) -> Bool {
        TextPattern("\\b(submit (it )?(now|as it is|as is|anyway)|send it as (it )?is|hold it|save it for later)\\b")
            .occurs(in: lower)
    }
}
