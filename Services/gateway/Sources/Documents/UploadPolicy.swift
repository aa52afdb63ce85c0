import Foundation

/// What an uploaded document may be: one of the media types the line handles, its bytes looking like that type
/// (magic numbers for images and PDF, UTF-8 without NUL for text; a CSV may also be Latin-1, as spreadsheets
/// export it — QA reads it row by row and flags those rows), within the size limit.
enum UploadPolicy {
    /// The accepted media types and how their bytes begin.
    static let mediaTypes: [String: @Sendable (Data) -> Bool] = [
        "text/html": { isText($0) }, "text/plain": { isText($0) }, "text/csv": { !$0.contains(0) },
        "image/png": { $0.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) },
        "image/jpeg": { $0.starts(with: [0xFF, 0xD8, 0xFF]) },
        "image/gif": { $0.starts(with: Array("GIF87a".utf8)) || $0.starts(with: Array("GIF89a".utf8)) },
        "application/pdf": { $0.starts(with: Array("%PDF-".utf8)) },
    ]

    /// The file extension of each media type, for downloads.
    static let extensions: [String: String] = [
        "text/html": "html", "text/plain": "txt", "text/csv": "csv", "image/png": "png", "image/jpeg": "jpg",
        "image/gif": "gif", "application/pdf": "pdf",
    ]

    /// The bare media type of a `Content-Type` header (parameters dropped, lowercased).
    static func mediaType(of header: String?) -> String? {
        guard let bare = header?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased(), !bare.isEmpty
        else { return nil }
        return bare
    }

    /// Checks `bytes` declared as `header`; returns the bare media type. 415 for a type the line does not take or
    /// bytes that are not of the declared type, 422 for an empty body.
    static func check(_ bytes: Data, declared header: String?) throws(GatewayProblem) -> String {
        guard let type = mediaType(of: header), let looksRight = mediaTypes[type] else {
            throw GatewayProblem(
                type: "unsupported-media-type", title: "Unsupported media type", status: 415,
                detail: "send the document as one of \(mediaTypes.keys.sorted().joined(separator: ", ")) in Content-Type")
        }
        guard !bytes.isEmpty else {
            throw GatewayProblem.invalid("the document is empty", errors: [.init(pointer: "#", detail: "is empty")])
        }
        guard looksRight(bytes) else {
            throw GatewayProblem(
                type: "unsupported-media-type", title: "Unsupported media type", status: 415,
                detail: "the bytes are not \(type) as Content-Type says")
        }
        return type
    }

    private static func isText(_ bytes: Data) -> Bool {
        !bytes.contains(0) && String(data: bytes, encoding: .utf8) != nil
    }

    /// Whether `name` can name a document: 1–64 of `a-z 0-9 . _ -`, starting with a letter or digit.
    static func isDocumentName(_ name: String) -> Bool {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789._-")
        guard let first = name.first, first.isLetter || first.isNumber, name.count <= 64 else { return false }
        return name.allSatisfy(allowed.contains)
    }
}
