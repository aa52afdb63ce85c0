import QAEngine

/// Builders for small emails that pass every rule, so a test can break exactly one thing.
enum Sample {
    static let plan = TrackingPlan(source: "newsletter", medium: "email", campaign: "spring-2026")
    static let link = "https://shop.brightline-goods.com/spring?utm_source=newsletter&amp;utm_medium=email&amp;utm_campaign=spring-2026"
    static let copy = String(
        repeating: "Our spring range is here with light jackets, walking shoes and bags made to last for years. ",
        count: 4)
    static let footer = """
        <p><a href="https://shop.brightline-goods.com/unsubscribe">Unsubscribe</a></p>
        <p>Brightline Goods Ltd, 4 Mill Road, Cambridge CB1 2AB</p>
        """

    /// A complete clean HTML email around `body`.
    static func html(body: String = "", head: String = "", lang: String = "en", footer: String = footer) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(lang)">
        <head><meta charset="utf-8"><title>Spring</title>\(head)</head>
        <body>
        <p>\(copy)</p>
        <p><a href="\(link)">See the spring range</a></p>
        \(body)
        \(footer)
        </body>
        </html>
        """
    }

    /// A clean email document with `html`.
    static func email(
        _ html: String = html(), subject: String? = "Spring is here", preheader: String? = "New jackets, shoes and bags.",
        plainText: String? = "Spring is here.\nUnsubscribe: https://shop.brightline-goods.com/unsubscribe"
    ) -> EmailDocument {
        EmailDocument(html: html, subject: subject, preheader: preheader, plainText: plainText)
    }
}
