import Foundation

/// Builds one standalone SVG document as text: elements with escaped attributes and text, in drawing order.
/// Every chart marks its data with `data-series` so tests and scripts can find each series.
public struct SVGCanvas: Sendable {
    public let width: Double
    public let height: Double
    private var body: [String] = []

    /// A canvas of `width` × `height` user units.
    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// Appends an element `name` with `attributes` (in order) and optional text content.
    public mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String>, text: String? = nil) {
        var tag = "<\(name)"
        for (key, value) in attributes { tag += " \(key)=\"\(XMLText.escape(value))\"" }
        if let text { body.append(tag + ">" + XMLText.escape(text) + "</\(name)>") } else { body.append(tag + "/>") }
    }

    /// Opens a group `<g>` with `attributes`; close it with ``close()``.
    public mutating func open(_ attributes: KeyValuePairs<String, String>) {
        var tag = "<g"
        for (key, value) in attributes { tag += " \(key)=\"\(XMLText.escape(value))\"" }
        body.append(tag + ">")
    }

    /// Closes the innermost group.
    public mutating func close() { body.append("</g>") }

    /// A text label.
    public mutating func label(_ text: String, x: Double, y: Double, anchor: String = "middle", size: Double = 11) {
        element(
            "text", ["x": Self.number(x), "y": Self.number(y), "text-anchor": anchor, "font-size": Self.number(size)],
            text: text)
    }

    /// The document, titled `title` (the accessible name).
    public func document(title: String) -> String {
        let w = Self.number(width)
        let h = Self.number(height)
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(w) \(h)\" width=\"\(w)\" height=\"\(h)\" "
            + "role=\"img\" font-family=\"sans-serif\"><title>\(XMLText.escape(title))</title>"
            + body.joined() + "</svg>"
    }

    /// A coordinate with at most two decimals.
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
