/// Where in the config file a value lives, written the way people read it: `approvals.product_launch[2].role`.
public struct ConfigPath: Hashable, Sendable, CustomStringConvertible {
    /// One step down the document: a mapping key or a list index.
    public enum Component: Hashable, Sendable {
        /// A key of a mapping.
        case key(String)
        /// A zero-based position in a list.
        case index(Int)
    }

    /// The steps from the top of the document.
    public var components: [Component]

    /// Creates a path from its steps.
    public init(_ components: [Component] = []) { self.components = components }

    /// The whole document.
    public static let root = ConfigPath()

    /// This path followed by the mapping key `key`.
    public subscript(key: String) -> ConfigPath { ConfigPath(components + [.key(key)]) }

    /// This path followed by the list position `index`.
    public subscript(index: Int) -> ConfigPath { ConfigPath(components + [.index(index)]) }

    /// The top-level section the path is in, if any.
    public var section: String? {
        guard case .key(let name) = components.first else { return nil }
        return name
    }

    /// Dotted keys and bracketed indices; keys that are not plain words are quoted: `mvp["odd key"]`.
    public var description: String {
        var text = ""
        for component in components {
            switch component {
            case .index(let index):
                text += "[\(index)]"
            case .key(let key) where key.isPlainWord:
                text += (text.isEmpty ? "" : ".") + key
            case .key(let key):
                text += "[\"\(key)\"]"
            }
        }
        return text
    }
}

extension String {
    fileprivate var isPlainWord: Bool {
        !isEmpty && allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
    }
}
