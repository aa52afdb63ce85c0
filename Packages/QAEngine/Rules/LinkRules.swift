import Foundation

/// Rules on `<a>` elements: the href itself, its scheme, placeholders, mailto/tel syntax and link text.
enum LinkRules {
    private static let vagueTexts: Set<String> = [
        "click here", "click", "here", "tap here", "read more", "more", "learn more", "link", "this link",
        "click this link", "more info", "details", "go", "this",
    ]
    private static let longestVagueText = vagueTexts.map(\.utf8.count).max() ?? 0
    private static let placeholderHosts: Set<String> = [
        "example.com", "example.org", "example.net", "yourdomain.com", "yoursite.com", "domain.com",
        "yourcompany.com",
    ]
    private static let placeholderSuffixes = placeholderHosts.map { "." + $0 }
    private static let unsubscribeWords = ASCIIWordSet([
        "unsubscribe", "unsub", "opt-out", "optout", "opt out", "preferences", "abmelden", "désinscri",
        "desinscri", "darse de baja", "uitschrijven",
    ])

    /// Checks every link; UTM rules run on tracked links when a plan is given.
    static func check(_ links: [HTMLScan.Link], plan: TrackingPlan?, options: QAOptions, into out: inout FindingCollector)
    {
        for link in links {
            checkHref(of: link, plan: plan, options: options, into: &out)
            checkText(of: link, into: &out)
        }
    }

    /// True when `link` is an unsubscribe or preference-centre link (by its href or its text).
    static func isUnsubscribe(_ link: HTMLScan.Link, options: QAOptions) -> Bool {
        unsubscribeWords.occurs(in: (link.href ?? "").utf8) || unsubscribeWords.occurs(in: link.text.utf8)
            || options.allowedMergeTags.contains { tag in link.href?.contains(tag) == true && isUnsubscribeTag(tag) }
    }

    private static func isUnsubscribeTag(_ tag: String) -> Bool {
        let lower = tag.lowercased()
        return lower.contains("unsub") || lower.contains("opt") || lower.contains("preference")
    }

    private static func checkHref(
        of link: HTMLScan.Link, plan: TrackingPlan?, options: QAOptions, into out: inout FindingCollector
    ) {
        guard let raw = link.href else {
            out.add(
                Finding(
                    .linkMissingHref, at: link.location, "A link (\(quoted(link))) has no destination.",
                    fix: "Add the destination URL in the link's href, or remove the link."))
            return
        }
        let href = raw.first?.isWhitespace == true || raw.last?.isWhitespace == true
            ? raw.trimmingCharacters(in: .whitespacesAndNewlines) : raw
        if href.isEmpty {
            out.add(
                Finding(
                    .linkEmptyHref, at: link.location, "A link (\(quoted(link))) has an empty destination.",
                    fix: "Put the destination URL in the link."))
            return
        }
        if href == "#" {
            out.add(
                Finding(
                    .linkHashHref, at: link.location, "A link (\(quoted(link))) points to \"#\", so it goes nowhere.",
                    fix: "Replace \"#\" with the real destination URL."))
            return
        }
        if ASCIISearch.lowercased(href, hasPrefix: "javascript:") {
            out.add(
                Finding(
                    .linkJavascriptHref, at: link.location, "A link (\(quoted(link))) runs JavaScript, which email apps block.",
                    fix: "Link to a web page instead."))
            return
        }
        let tags = MergeTagScanner.tags(in: href).filter { !options.allowedMergeTags.contains($0) }
        if let tag = tags.first {
            out.add(
                Finding(
                    .linkPlaceholder, at: link.location, "A link (\(quoted(link))) still contains the placeholder \(tag).",
                    fix: "Replace the placeholder with the real URL or value."))
            return
        }
        if !options.allowedMergeTags.isEmpty, options.allowedMergeTags.contains(where: { href.contains($0) }) {
            return
        }
        if ASCIISearch.lowercased(href, hasPrefix: "mailto:") {
            checkMailto(href, link: link, into: &out)
        } else if ASCIISearch.lowercased(href, hasPrefix: "tel:") {
            checkTel(href, link: link, into: &out)
        } else if !ASCIISearch.lowercased(href, hasPrefix: "sms:") {
            checkWebURL(href, link: link, plan: plan, options: options, into: &out)
        }
    }

    private static func checkWebURL(
        _ href: String, link: HTMLScan.Link, plan: TrackingPlan?, options: QAOptions, into out: inout FindingCollector
    ) {
        guard let url = WebURL.parse(href), let scheme = url.scheme.map(ASCIISearch.lowercased),
            scheme == "http" || scheme == "https", let host = url.host, isPlausibleHost(host)
        else {
            out.add(
                Finding(
                    .linkMalformedURL, at: link.location, "The link \(shortened(href)) is not a complete web address.",
                    fix: "Use a full URL starting with https:// and check it for typos or spaces."))
            return
        }
        let lowerHost = ASCIISearch.lowercased(host)
        if placeholderHosts.contains(lowerHost) || placeholderSuffixes.contains(where: { ASCIISearch.hasSuffix(lowerHost, $0) }) {
            out.add(
                Finding(
                    .linkPlaceholder, at: link.location, "The link \(shortened(href)) points to a placeholder site (\(host)).",
                    fix: "Replace it with the real destination URL."))
            return
        }
        if scheme == "http" {
            out.add(
                Finding(
                    .linkInsecure, at: link.location, "The link \(shortened(href)) is not secure (http instead of https).",
                    fix: "Change the address to start with https://."))
        }
        if let plan, !link.isUnsubscribe, plan.tracks(host: host) {
            UTMRules.check(href, at: link, plan: plan, into: &out)
        }
    }

    private static func checkMailto(_ href: String, link: HTMLScan.Link, into out: inout FindingCollector) {
        let body = href.dropFirst("mailto:".count).prefix { $0 != "?" }
        let addresses = body.split(separator: ",").map {
            ($0.removingPercentEncoding ?? String($0)).trimmingCharacters(in: .whitespaces)
        }
        if addresses.isEmpty || !addresses.allSatisfy(EmailAddressSyntax.isValid) {
            out.add(
                Finding(
                    .linkMailtoSyntax, at: link.location, "The email link \(shortened(href)) has an invalid address.",
                    fix: "Write it as mailto:name@example.com (several addresses separated by commas)."))
        }
    }

    private static func checkTel(_ href: String, link: HTMLScan.Link, into out: inout FindingCollector) {
        let number = (href.dropFirst("tel:".count).removingPercentEncoding ?? "").prefix { $0 != ";" }
        let allowed = Set("0123456789+-. ()")
        let digits = number.count(where: \.isNumber)
        let plusOnlyFirst = !number.dropFirst().contains("+")
        if digits < 3 || !number.allSatisfy(allowed.contains) || !plusOnlyFirst {
            out.add(
                Finding(
                    .linkTelSyntax, at: link.location, "The phone link \(shortened(href)) is not a valid number.",
                    fix: "Write it as tel:+15551234567 (country code, digits only)."))
        }
    }

    private static func checkText(of link: HTMLScan.Link, into out: inout FindingCollector) {
        if let label = link.ariaLabel, !label.trimmingCharacters(in: .whitespaces).isEmpty { return }
        let text = link.text.utf8.count > 24 ? link.text : String(
            link.text.lowercased().trimmingPrefix { $0.isPunctuation || $0.isWhitespace }
                .reversed().drop { $0.isPunctuation || $0.isWhitespace }.reversed())
        if text.isEmpty, isBlank(link.imageAlt) {
            out.add(
                Finding(
                    .linkNoAccessibleName, at: link.location,
                    "A link has no text and no image description, so screen readers cannot name it.",
                    fix: "Add link text, or alt text to the image inside the link."))
        } else if text.utf8.count <= longestVagueText, vagueTexts.contains(text) {
            out.add(
                Finding(
                    .linkVagueText, at: link.location,
                    "The link text \"\(link.text)\" does not say where it leads.",
                    fix: "Use text that describes the destination, e.g. \"See the spring collection\"."))
        }
    }

    /// Same as `text.allSatisfy(\.isWhitespace)`; an ASCII byte other than white space settles it without
    /// walking the characters.
    private static func isBlank(_ text: String) -> Bool {
        if text.utf8.contains(where: { $0 < 0x80 && $0 != 0x20 && !(0x09...0x0D).contains($0) }) { return false }
        return text.allSatisfy(\.isWhitespace)
    }

    /// Dotted, no empty label, only name bytes (or non-ASCII).
    private static func isPlausibleHost(_ host: String) -> Bool {
        let bytes = host.utf8
        var previous: UInt8 = 46
        var dots = 0
        for byte in bytes {
            if byte == 46 {
                if previous == 46 { return false }
                dots += 1
            } else if !(CSSScanner.isNameByte(byte) || byte >= 0x80) {
                return false
            }
            previous = byte
        }
        return dots > 0 && previous != 46
    }

    private static func quoted(_ link: HTMLScan.Link) -> String {
        let name = link.text.isEmpty ? link.imageAlt : link.text
        return name.isEmpty ? "without text" : "\"\(name.prefix(60))\""
    }

    /// `url` cut to a readable length for messages.
    static func shortened(_ url: String) -> String {
        url.count > 80 ? String(url.prefix(77)) + "…" : url
    }
}
