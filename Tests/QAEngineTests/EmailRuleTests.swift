import Domain
import Foundation
import QAEngine
import Testing

/// One email that breaks exactly one rule.
struct EmailRuleCase: Sendable, CustomTestStringConvertible {
    var rule: RuleID
    var email: EmailDocument
    var assets: [String: ImageInfo] = [:]
    var testDescription: String { rule.rawValue }

    static func body(_ rule: RuleID, _ body: String) -> Self { Self(rule: rule, email: Sample.email(Sample.html(body: body))) }

    static let image = "https://cdn.brightline-goods.com/hero.png"

    static let all: [EmailRuleCase] = [
        .body(.linkMissingHref, "<a>Gift cards</a>"),
        .body(.linkEmptyHref, #"<a href=" ">Our stores</a>"#),
        .body(.linkHashHref, ##"<a href="#">Shop now</a>"##),
        .body(.linkJavascriptHref, #"<a href="javascript:void(0)">Open the app</a>"#),
        .body(.linkMalformedURL, #"<a href="www.brightline-goods.com/stores">Our stores</a>"#),
        .body(.linkInsecure, #"<a href="http://shop.brightline-goods.com/?utm_source=newsletter&utm_medium=email&utm_campaign=spring-2026">Shop</a>"#),
        .body(.linkPlaceholder, #"<a href="https://www.example.com/">Our stores</a>"#),
        .body(.linkMailtoSyntax, #"<a href="mailto:help(at)brightline">Email us</a>"#),
        .body(.linkTelSyntax, #"<a href="tel:call-us">Call us</a>"#),
        .body(.linkVagueText, #"<a href="\#(Sample.link)">Click here</a>"#),
        .body(.linkNoAccessibleName, #"<a href="\#(Sample.link)"><img src="\#(image)" alt="" width="10" height="10"></a>"#),
        .body(.utmMissing, #"<a href="https://shop.brightline-goods.com/shoes">Shoes</a>"#),
        .body(.utmMismatch, #"<a href="https://shop.brightline-goods.com/?utm_source=facebook&utm_medium=email&utm_campaign=spring-2026">Shoes</a>"#),
        .body(.utmDuplicateKey, #"<a href="https://shop.brightline-goods.com/?utm_source=newsletter&utm_source=newsletter&utm_medium=email&utm_campaign=spring-2026">Shoes</a>"#),
        .body(.utmNotLowercase, #"<a href="https://shop.brightline-goods.com/?utm_source=Newsletter&utm_medium=email&utm_campaign=spring-2026">Shoes</a>"#),
        EmailRuleCase(rule: .contentUnparsable, email: Sample.email("")),
        EmailRuleCase(rule: .contentSubjectMissing, email: Sample.email(subject: nil)),
        EmailRuleCase(rule: .contentSubjectTooLong, email: Sample.email(subject: String(repeating: "Spring sale ", count: 8))),
        EmailRuleCase(rule: .contentPreheaderMissing, email: Sample.email(preheader: " ")),
        EmailRuleCase(rule: .contentPreheaderTooLong, email: Sample.email(preheader: String(repeating: "New jackets. ", count: 12))),
        .body(.contentMergeTag, "<p>Hi *|FNAME|*,</p>"),
        .body(.contentPlaceholderText, "<p>Lorem ipsum dolor sit amet.</p>"),
        EmailRuleCase(rule: .contentUnsubscribeMissing, email: Sample.email(Sample.html(footer: "<p>Brightline Goods Ltd, 4 Mill Road, Cambridge</p>"))),
        EmailRuleCase(rule: .contentPostalAddressMissing, email: Sample.email(Sample.html(footer: #"<a href="https://shop.brightline-goods.com/unsubscribe">Unsubscribe</a>"#))),
        EmailRuleCase(rule: .contentLangMissing, email: Sample.email(Sample.html(lang: ""))),
        EmailRuleCase(rule: .contentTitleMissing, email: Sample.email(Sample.html().replacingOccurrences(of: "<title>Spring</title>", with: ""))),
        .body(.contentGmailClipping, "<!--" + String(repeating: "padding ", count: 14_000) + "-->"),
        .body(.contentTextImageRatio, String(repeating: #"<img src="\#(image)" alt="Jacket" width="10" height="10">"#, count: 4)),
        EmailRuleCase(rule: .contentPlainTextMissing, email: Sample.email(plainText: nil)),
        EmailRuleCase(rule: .contentPlainTextEmpty, email: Sample.email(plainText: "\n")),
        EmailRuleCase(rule: .contentPlainTextUnsubscribeMissing, email: Sample.email(plainText: "Spring is here.")),
        .body(.imageMissingSrc, #"<img alt="Jacket" width="10" height="10">"#),
        .body(.imageMissingAlt, #"<img src="\#(image)" width="10" height="10">"#),
        .body(.imageMissingDimensions, #"<img src="\#(image)" alt="Jacket">"#),
        .body(.imageRelativeURL, #"<img src="images/hero.png" alt="Jacket" width="10" height="10">"#),
        .body(.imageInsecureURL, #"<img src="http://cdn.brightline-goods.com/hero.png" alt="Jacket" width="10" height="10">"#),
        .body(.imageUnsupportedFormat, #"<img src="https://cdn.brightline-goods.com/hero.svg" alt="Jacket" width="10" height="10">"#),
        EmailRuleCase(
            rule: .imageNotRetina, email: Sample.email(Sample.html(body: #"<img src="\#(image)" alt="Jacket" width="600" height="200">"#)),
            assets: [image: ImageInfo(format: .png, width: 600, height: 200, bytes: 40_000)]),
        EmailRuleCase(
            rule: .imageTooHeavy, email: Sample.email(Sample.html(body: #"<img src="\#(image)" alt="Jacket" width="600" height="200">"#)),
            assets: [image: ImageInfo(format: .png, width: 1200, height: 400, bytes: 400_000)]),
        .body(.cssUnsupported, #"<div style="display: flex">Two columns</div>"#),
        EmailRuleCase(
            rule: .cssDarkModeMetaMissing,
            email: Sample.email(Sample.html(head: "<style>@media (prefers-color-scheme: dark) { body { color: #fff; } }</style>"))),
    ]
}

@Suite struct EmailRuleTests {
    @Test func cleanSampleHasNoFindings() {
        let report = QAEngine().check(email: Sample.email(), plan: Sample.plan)
        #expect(report.findings.isEmpty, "\(report.findings.map(\.message))")
    }

    @Test(arguments: EmailRuleCase.all)
    func ruleFiresOnItsCase(_ row: EmailRuleCase) {
        let report = QAEngine().check(email: row.email, plan: Sample.plan, assets: row.assets)
        #expect(report.rules.contains(row.rule), "\(report.findings.map(\.rule.rawValue))")
        #expect(report.verdict == (report.errors > 0 ? .failed : .passed))
    }

    @Test func allowedMergeTagsAreNotReported() {
        var options = QAOptions()
        options.allowedMergeTags = ["*|FNAME|*"]
        let email = Sample.email(Sample.html(body: "<p>Hi *|FNAME|*,</p>"))
        #expect(QAEngine(options: options).check(email: email, plan: Sample.plan).findings.isEmpty)
    }

    @Test func configuredPostalAddressMustAppear() {
        var options = QAOptions()
        options.postalAddress = "Brightline Goods Ltd, 4 Mill Road, Cambridge CB1 2AB"
        #expect(QAEngine(options: options).check(email: Sample.email(), plan: Sample.plan).findings.isEmpty)
        options.postalAddress = "Brightline Goods Ltd, 9 Other Street, Leeds"
        #expect(QAEngine(options: options).check(email: Sample.email(), plan: Sample.plan).rules == [.contentPostalAddressMissing])
    }

    @Test func transactionalEmailsNeedNoUnsubscribeOrAddress() {
        var email = Sample.email(Sample.html(footer: ""), plainText: "Your order has shipped.")
        email.kind = .transactional
        #expect(QAEngine().check(email: email).findings.isEmpty)
    }

    @Test func untrackedDomainsNeedNoUTM() {
        let plan = TrackingPlan(source: "newsletter", medium: "email", campaign: "spring-2026", trackedDomains: ["brightline-goods.com"])
        let email = Sample.email(Sample.html(body: #"<a href="https://partner-shop.org/offer">Partner offer</a>"#))
        #expect(QAEngine().check(email: email, plan: plan).findings.isEmpty)
    }

    @Test func linksAndImagesMayUseAllowedEmbeddingsAndSchemes() {
        let body = """
            <img src="cid:logo" alt="Logo" width="10" height="10">
            <a href="mailto:help@brightline-goods.com,shop@brightline-goods.com?subject=Hello%20there">Email us</a>
            <a href="tel:+44 (0)1223 555-0100">Call us</a>
            """
        #expect(QAEngine().check(email: Sample.email(Sample.html(body: body)), plan: Sample.plan).findings.isEmpty)
    }

    @Test func repeatedFindingsAreCappedPerRule() {
        var options = QAOptions()
        options.findingsPerRule = 5
        let body = String(repeating: ##"<a href="#">Shop</a>"##, count: 20)
        let report = QAEngine(options: options).check(email: Sample.email(Sample.html(body: body)), plan: Sample.plan)
        let hash = report.findings.filter { $0.rule == .linkHashHref }
        #expect(hash.count == 6)
        #expect(hash.last?.message.hasPrefix("15 more") == true)
    }
}
