/// What one pass over an email's HTML collected for the rules: links, images, head facts and text.
struct HTMLScan {
    /// One `<a>` element.
    struct Link {
        /// The `<a>` element's number in `elements`.
        var element: Int32
        /// The document's elements; set when the scan is over.
        var elements = ElementTree()
        /// Where the element is, computed on demand (only findings need it): path building is costly.
        var location: Location { elements.location(of: element) }
        var href: String?
        /// Visible text, white space collapsed.
        var text: String
        /// `alt` of images inside the link, joined.
        var imageAlt: String
        var ariaLabel: String?
        /// Set by the engine once: whether this is an unsubscribe or preference link.
        var isUnsubscribe = false
    }

    /// One `<img>` element.
    struct Image {
        var element: Int32
        var elements = ElementTree()
        var location: Location { elements.location(of: element) }
        var src: String?
        var alt: String?
        var width: String?
        var height: String?
    }

    /// True when libxml2 stopped before the end of the document (see `HTMLScanner`); the rest is unchecked.
    var stoppedEarly = false
    /// The root element's location, if the document has one.
    var rootLocation: Location?
    /// `lang` of `<html>`.
    var lang: String?
    /// `<title>` text, collapsed.
    var title: String?
    /// True when a `color-scheme` or `supported-color-schemes` meta is present.
    var hasColorSchemeMeta = false
    /// True when an `<address>` element is present.
    var hasAddressElement = false
    var links: [Link] = []
    var images: [Image] = []
    /// Visible body text, white space collapsed (for address and unsubscribe wording).
    var visibleText: [UInt8] = []
    /// Visible non-white-space bytes.
    var textBytes = 0
    /// Where `@media (prefers-color-scheme…)` was first used.
    var darkModeStyles: Location?
    /// First use of each unsupported-somewhere CSS feature, by table index, in document order.
    var cssFeatures: [(entry: Int, location: Location)] = []
    /// Merge-tag and filler findings from text.
    var textFindings: [Finding] = []
}
