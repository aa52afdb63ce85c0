import Foundation

/// Generated, realistic marketing emails of about 100 KB: a head with a style sheet and dark-mode styles,
/// then content blocks (image, headline, copy, tracked call to action) in nested layout tables, and a footer.
/// A few planted problems (an http link, a vague link text, an image without alt, a merge tag) make the
/// engine produce findings, as real drafts do. Deterministic in `seed`.
enum Corpus {
    static let targetBytes = 100 * 1024

    static func email(seed: Int) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en" xmlns="http://www.w3.org/1999/xhtml">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light dark">
            <meta name="supported-color-schemes" content="light dark">
            <title>Spring collection \(seed)</title>
            <style type="text/css">
              body { margin: 0; padding: 0; background-color: #f4f4f4; font-family: Arial, Helvetica, sans-serif; }
              table { border-collapse: collapse; mso-table-lspace: 0pt; mso-table-rspace: 0pt; }
              img { border: 0; outline: none; text-decoration: none; -ms-interpolation-mode: bicubic; }
              .button a { display: inline-block; padding: 12px 24px; border-radius: 4px; background: #d62d20; color: #ffffff; }
              @media only screen and (max-width: 620px) { .container { width: 100% !important; } .stack { display: block !important; width: 100% !important; } }
              @media (prefers-color-scheme: dark) { body, .container { background-color: #111111 !important; color: #eeeeee !important; } }
            </style>
            </head>
            <body>
            <div style="display:none;max-height:0;overflow:hidden;">New arrivals for the season, picked for you.</div>
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="#f4f4f4">
            <tr><td align="center">
            <table role="presentation" class="container" width="600" cellpadding="0" cellspacing="0" border="0" bgcolor="#ffffff">

            """
        var block = 0
        while html.utf8.count < targetBytes - 2500 {
            html += contentBlock(seed: seed, block: block)
            block += 1
        }
        html += """
            <tr><td style="padding:24px;font-family:Arial,sans-serif;font-size:12px;line-height:18px;color:#777777;" align="center">
            <p style="margin:0 0 8px 0;">You receive this email because you subscribed at brand.example-shop.com.</p>
            <p style="margin:0 0 8px 0;"><a href="https://www.brandshop.com/account/preferences?u=\(seed)" style="color:#777777;">Update your preferences</a> ·
            <a href="https://www.brandshop.com/unsubscribe?u=\(seed)" style="color:#777777;">Unsubscribe</a></p>
            <p style="margin:0;">Brand Shop Ltd, 221 Baker Street, London NW1 6XE, United Kingdom</p>
            </td></tr>
            </table>
            </td></tr>
            </table>
            </body>
            </html>

            """
        return html
    }

    private static func contentBlock(seed: Int, block: Int) -> String {
        let id = "\(seed)-\(block)"
        let scheme = block % 37 == 5 ? "http" : "https"
        let linkText = block % 41 == 7 ? "click here" : "See the spring collection \(block)"
        let alt = block % 29 == 3 ? "" : " alt=\"Spring look \(block): linen shirt and chinos\""
        let greeting = block == 2 ? "Hi {{first_name}}," : "Fresh picks for the new season."
        return """
            <tr><td class="stack" style="padding:16px 24px 8px 24px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:24px;color:#333333;">
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr>
            <td width="260" valign="top" style="padding:0 12px 0 0;">
            <a href="https://www.brandshop.com/products/\(id)?utm_source=newsletter&amp;utm_medium=email&amp;utm_campaign=spring-26&amp;utm_content=image-\(block)"><img src="https://cdn.brandshop.com/images/2026/spring/look-\(id).jpg" width="260" height="320"\(alt) style="display:block;width:260px;height:auto;border:0;"></a>
            </td>
            <td valign="top" style="padding:0;">
            <h2 style="margin:0 0 8px 0;font-size:22px;line-height:28px;font-weight:bold;color:#111111;">Look \(block): light layers</h2>
            <p style="margin:0 0 12px 0;">\(greeting) Our linen shirts are cut for warm days and cool evenings, in six colours from sand to deep navy. Pair them with relaxed chinos and canvas shoes for an easy weekend outfit that travels well.</p>
            <p style="margin:0 0 16px 0;">Free delivery on orders over 50 pounds and free returns within 30 days. Members get early access to every new drop.</p>
            <table role="presentation" cellpadding="0" cellspacing="0" border="0" class="button"><tr><td style="border-radius:4px;background:#d62d20;">
            <a href="\(scheme)://www.brandshop.com/collections/spring/\(id)?utm_source=newsletter&amp;utm_medium=email&amp;utm_campaign=spring-26&amp;utm_content=cta-\(block)" style="display:inline-block;padding:12px 24px;font-family:Arial,sans-serif;font-size:16px;color:#ffffff;text-decoration:none;">\(linkText)</a>
            </td></tr></table>
            </td>
            </tr></table>
            </td></tr>

            """
    }

    /// Writes an audience list of `rows` rows to `url`, in chunks: `email,first_name,consent`, with
    /// duplicates (exact, by case, and by Gmail dot/plus rules), invalid addresses, role addresses, quoted
    /// names and missing consent, as real exports have.
    static func writeAudience(rows: Int, to url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var out = "email,first_name,consent\n"
        for row in 0..<rows {
            let email: String
            switch row % 97 {
            case 13: email = "broken.address.\(row)@"
            case 29: email = "member\(row - 3)@mail.example.org"  // duplicate of an earlier row
            case 41: email = "Member\(row - 5)@Mail.Example.org"  // duplicate by case
            case 53: email = "first.last.\(row)@gmail.com"
            case 54: email = "firstlast\(row - 1)+news@googlemail.com"  // duplicate by Gmail rules
            case 67: email = "info@shop\(row).example.org"  // role address
            default: email = "member\(row)@mail.example.org"
            }
            let name = row % 10 == 3 ? "\"Lee, Ann \(row % 1000)\"" : "Name\(row % 1000)"
            let consent = row % 53 == 0 ? "no" : "yes"
            out += "\(email),\(name),\(consent)\n"
            if out.utf8.count > 1 << 20 {
                try handle.write(contentsOf: Data(out.utf8))
                out = ""
            }
        }
        try handle.write(contentsOf: Data(out.utf8))
    }

    /// A suppression list of `count` addresses, one a line: half are on the audience list (every 20th
    /// member), half are not.
    static func suppressionList(count: Int) -> Data {
        var out = ""
        for index in 0..<count {
            out += index % 2 == 0 ? "member\(index * 10 + 7)@mail.example.org\n" : "gone\(index)@elsewhere.example.net\n"
        }
        return Data(out.utf8)
    }
}
