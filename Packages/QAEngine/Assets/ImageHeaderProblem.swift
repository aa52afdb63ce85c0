/// Why an image file's header cannot be trusted.
enum ImageHeaderProblem: Equatable, Sendable {
    /// No PNG, JPEG, GIF or WebP signature.
    case unknownFormat
    /// The file ends before the structure its header announces.
    case truncated(ImageFormat)
    /// The header contradicts itself (bad checksum, zero or absurd dimensions, wrong lengths).
    case implausible(ImageFormat, String)
}
