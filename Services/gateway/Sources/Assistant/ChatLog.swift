import Contracts
import Domain
import Foundation
import GRDB

/// Each user's chats with the assistant (`gw_chat`): one row per answered exchange, read back by the dashboard's
/// chat page. A message the assistant did not answer is not kept.
enum ChatLog {
    static func append(_ exchange: AssistantExchange, by user: UserID, in db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO gw_chat (user, conversation, at, text, reply, intent, question, campaign)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                user.rawValue, exchange.conversationID, exchange.at.timeIntervalSince1970, exchange.text, exchange.reply,
                exchange.intent, try exchange.question.map { try MarqueeJSON.encode($0) }, exchange.campaignID,
            ])
    }

    /// The last `limit` exchanges of `user` in `conversation`, oldest first.
    static func recent(of user: UserID, conversation: String, limit: Int, in db: Database) throws -> [AssistantExchange] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT * FROM (SELECT * FROM gw_chat WHERE user = ? AND conversation = ? ORDER BY position DESC LIMIT ?)
                ORDER BY position
                """,
            arguments: [user.rawValue, conversation, limit]
        ).map { row in
            AssistantExchange(
                conversationID: row["conversation"], at: Date(timeIntervalSince1970: row["at"]), text: row["text"],
                reply: row["reply"], intent: row["intent"],
                question: try (row["question"] as Data?).map { try ReadModel.decode(JSONValue.self, $0) },
                campaignID: row["campaign"])
        }
    }
}
