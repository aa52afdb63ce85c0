/// Every QA rule, by its stable wire id (`"link.empty-href"`). Each one is documented in `docs/qa-rules.md`.
public enum RuleID: String, Sendable, Hashable, Codable, CaseIterable {
    // MARK: Links
    case linkMissingHref = "link.missing-href"
    case linkEmptyHref = "link.empty-href"
    case linkHashHref = "link.hash-href"
    case linkJavascriptHref = "link.javascript-href"
    case linkMalformedURL = "link.malformed-url"
    case linkInsecure = "link.insecure"
    case linkPlaceholder = "link.placeholder"
    case linkMailtoSyntax = "link.mailto-syntax"
    case linkTelSyntax = "link.tel-syntax"
    case linkVagueText = "link.vague-text"
    case linkNoAccessibleName = "link.no-accessible-name"

    // MARK: UTM tracking
    case utmMissing = "utm.missing"
    case utmMismatch = "utm.mismatch"
    case utmDuplicateKey = "utm.duplicate-key"
    case utmNotLowercase = "utm.not-lowercase"

    // MARK: Content and compliance
    case contentUnparsable = "content.unparsable"
    case contentSubjectMissing = "content.subject-missing"
    case contentSubjectTooLong = "content.subject-too-long"
    case contentPreheaderMissing = "content.preheader-missing"
    case contentPreheaderTooLong = "content.preheader-too-long"
    case contentMergeTag = "content.merge-tag"
    case contentPlaceholderText = "content.placeholder-text"
    case contentUnsubscribeMissing = "content.unsubscribe-missing"
    case contentPostalAddressMissing = "content.postal-address-missing"
    case contentLangMissing = "content.lang-missing"
    case contentTitleMissing = "content.title-missing"
    case contentGmailClipping = "content.gmail-clipping"
    case contentTextImageRatio = "content.text-image-ratio"
    case contentPlainTextMissing = "content.plain-text-missing"
    case contentPlainTextEmpty = "content.plain-text-empty"
    case contentPlainTextUnsubscribeMissing = "content.plain-text-unsubscribe-missing"

    // MARK: Rendering risks
    case imageMissingSrc = "image.missing-src"
    case imageMissingAlt = "image.missing-alt"
    case imageMissingDimensions = "image.missing-dimensions"
    case imageRelativeURL = "image.relative-url"
    case imageInsecureURL = "image.insecure-url"
    case imageNotRetina = "image.not-retina"
    case imageTooHeavy = "image.too-heavy"
    case imageUnsupportedFormat = "image.unsupported-format"
    case cssUnsupported = "css.unsupported"
    case cssDarkModeMetaMissing = "css.dark-mode-meta-missing"

    // MARK: Assets
    case assetUnreadable = "asset.unreadable"
    case assetTruncated = "asset.truncated"
    case assetImplausibleHeader = "asset.implausible-header"
    case assetExtensionMismatch = "asset.extension-mismatch"
    case assetFormatNotAccepted = "asset.format-not-accepted"
    case assetSizeNotAccepted = "asset.size-not-accepted"
    case assetSizeMismatch = "asset.size-mismatch"
    case assetTooHeavy = "asset.too-heavy"

    // MARK: Audience lists
    case audienceMissingColumn = "audience.missing-column"
    case audienceEmpty = "audience.empty"
    case audienceMalformedRow = "audience.malformed-row"
    case audienceInvalidEncoding = "audience.invalid-encoding"
    case audienceInvalidEmail = "audience.invalid-email"
    case audienceDuplicate = "audience.duplicate"
    case audienceSuppressed = "audience.suppressed"
    case audienceRoleAddress = "audience.role-address"
    case audienceMissingConsent = "audience.missing-consent"

    /// The severity a finding of this rule has unless a check says otherwise.
    public var severity: Severity {
        switch self {
        case .linkMissingHref, .linkInsecure, .linkVagueText, .linkNoAccessibleName, .utmNotLowercase,
            .contentSubjectTooLong, .contentPreheaderMissing, .contentPreheaderTooLong, .contentLangMissing,
            .contentTitleMissing, .contentTextImageRatio, .contentPlainTextEmpty,
            .contentPlainTextUnsubscribeMissing, .imageMissingAlt, .imageMissingDimensions, .imageInsecureURL,
            .imageNotRetina, .imageTooHeavy, .imageUnsupportedFormat, .cssUnsupported, .cssDarkModeMetaMissing, .assetExtensionMismatch,
            .audienceMalformedRow, .audienceInvalidEncoding, .audienceInvalidEmail, .audienceRoleAddress,
            .audienceMissingConsent:
            .warning
        case .contentPlainTextMissing, .audienceDuplicate, .audienceSuppressed:
            .info
        default:
            .error
        }
    }
}
