import Foundation

/// Rules on the document as a whole: size, language, title, text-to-image balance, unsubscribe link and
/// postal address.
enum DocumentRules {
    private static let addressWords = ASCIIWordSet([
        "street", " st.", " st ", "avenue", " ave", "road", " rd", "boulevard", "blvd", "suite", "floor",
        "p.o. box", "po box", "strasse", "straße", "rue ", "lane", "drive", "plaza", "square",
    ])

    static func check(
        _ scan: HTMLScan, htmlBytes: Int, kind: EmailKind, options: QAOptions, into out: inout FindingCollector
    ) {
        let root = scan.rootLocation
        if htmlBytes > options.clippingBytes {
            out.add(
                Finding(
                    .contentGmailClipping, at: root,
                    "The HTML is \(htmlBytes / 1024) KB; Gmail cuts emails above \(options.clippingBytes / 1024) KB "
                        + "and hides the rest, including the unsubscribe link.",
                    fix: "Remove unused code and inline CSS duplicates, or shorten the content."))
        }
        if scan.lang?.trimmingCharacters(in: .whitespaces).isEmpty ?? true {
            out.add(
                Finding(
                    .contentLangMissing, at: root,
                    "The email does not declare its language, so screen readers may read it with the wrong voice.",
                    fix: "Add lang to the html element, e.g. <html lang=\"en\">."))
        }
        if scan.title?.isEmpty ?? true {
            out.add(
                Finding(
                    .contentTitleMissing, at: root,
                    "The email has no <title>; some apps and screen readers show it.",
                    fix: "Add a <title> with the subject line in the <head>."))
        }
        let images = scan.images.count
        if images > 0, scan.textBytes < max(options.minTextBytes, images * options.minTextBytesPerImage) {
            out.add(
                Finding(
                    .contentTextImageRatio, at: root,
                    "The email is mostly images (\(images) image\(images == 1 ? "" : "s"), \(scan.textBytes) characters "
                        + "of text): "
                        + "spam filters distrust that and readers with images off see little.",
                    fix: "Add real text: put headlines and calls to action in HTML text rather than in images."))
        }
        guard kind == .marketing else { return }
        if !scan.links.contains(where: \.isUnsubscribe) {
            out.add(
                Finding(
                    .contentUnsubscribeMissing, at: root,
                    "The email has no unsubscribe link, which anti-spam laws (CAN-SPAM, GDPR) require.",
                    fix: "Add a visible unsubscribe link in the footer."))
        }
        if !hasPostalAddress(scan, options: options) {
            let expected = options.postalAddress.map { " (\($0))" } ?? ""
            out.add(
                Finding(
                    .contentPostalAddressMissing, at: root,
                    "The email does not show the sender's postal address\(expected), which CAN-SPAM requires.",
                    fix: "Add the company's postal address to the footer."))
        }
    }

    private static func hasPostalAddress(_ scan: HTMLScan, options: QAOptions) -> Bool {
        if let expected = options.postalAddress {
            return ASCIISearch.contains(scan.visibleText, TextNormalizer.collapsed(expected).lowercased())
        }
        if scan.hasAddressElement { return true }
        return scan.visibleText.contains { $0 >= 48 && $0 <= 57 } && addressWords.occurs(in: scan.visibleText)
    }
}
