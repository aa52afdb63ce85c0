import Contracts
import Domain
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import NIOCore
import ServiceKit

/// Campaign documents (``DocumentShelf``):
/// - `POST /api/campaigns/{id}/documents?document=NAME[&template=T]` — the raw bytes with their `Content-Type`
///   (specialist or designer): 413 above the upload limit, 415 for a media type the line does not take or bytes
///   that do not match it; kept by SHA-256 and published as `campaign.document.submitted`, after which build logs
///   the version and revises the campaign (202: the version appears once its `document_revised` fact is back);
/// - `GET /api/campaigns/{id}/documents` — every document with its versions, current and approved version;
/// - `GET /api/campaigns/{id}/documents/{document}/versions/{version}`, `…/{document}/current` and
///   `…/{document}/approved` — the bytes, with `Content-Type`, `Content-Disposition` and the content hash as ETag.
struct DocumentRoutes: Sendable {
    let store: ServiceStore
    let auth: Authenticator
    let clock: WallClock
    /// The largest upload taken; the bus must carry its base64 (about 4/3 of it) in one message.
    let maxUploadBytes: Int

    /// Roles that hand in documents.
    static let uploaders: [Role] = [.specialist, .designer]

    func add(to router: Router<BasicRequestContext>) {
        router.post("api/campaigns/:id/documents") { request, context in try await upload(request, id: try context.campaignID()) }
        router.get("api/campaigns/:id/documents") { request, context in try await list(request, id: try context.campaignID()) }
        router.get("api/campaigns/:id/documents/:document/versions/:version") { request, context in
            let version = context.parameters.get("version").flatMap(Int.init)
            return try await download(request, id: try context.campaignID(), document: context.parameters.get("document")) { shelf in
                shelf.versions.first { $0.version == version }
            }
        }
        router.get("api/campaigns/:id/documents/:document/current") { request, context in
            try await download(request, id: try context.campaignID(), document: context.parameters.get("document")) { $0.current }
        }
        router.get("api/campaigns/:id/documents/:document/approved") { request, context in
            try await download(request, id: try context.campaignID(), document: context.parameters.get("document")) { $0.approved }
        }
    }

    /// What an accepted upload answers.
    struct Submitted: Codable, Sendable {
        var campaignID: CampaignID
        var document: DocumentID
        var contentHash: ContentHash
        var mediaType: String
        var size: Int
        var eventID: UUID
        var status = "submitted"

        private enum CodingKeys: String, CodingKey {
            case document, size, status
            case campaignID = "campaign_id"
            case contentHash = "content_hash"
            case mediaType = "media_type"
            case eventID = "event_id"
        }
    }

    func upload(_ request: Request, id: CampaignID) async throws -> Response {
        let actor = try await auth.writer(of: request)
        try actor.require(anyOf: Self.uploaders, to: "handing in a document")
        let query = CampaignFilter.query(of: request)
        guard let name = query["document"], UploadPolicy.isDocumentName(name) else {
            throw GatewayProblem.badRequest(
                "name the document", errors: [.init(pointer: "?document", detail: "1-64 of a-z, 0-9, '.', '_', '-' is required")])
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > maxUploadBytes { throw tooLarge }
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: maxUploadBytes)
        } catch {
            throw tooLarge
        }
        let bytes = Data(buffer.readableBytesView)
        let mediaType = try UploadPolicy.check(bytes, declared: request.headers[.contentType])
        guard try await store.pool.read({ db in try ReadModel.row(id, in: db) }) != nil else {
            throw GatewayProblem.unknownCampaign(id.rawValue)
        }
        let now = clock.now()
        let event = DocumentSubmitted(
            campaignID: id, document: DocumentID(rawValue: name), template: query["template"], mediaType: mediaType, content: bytes,
            submittedBy: actor.user.id)
        let (hash, eventID) = try await store.write(source: GatewayService.source, now: now) { db, outbox in
            let hash = try DocumentShelf.keep(bytes, mediaType: mediaType, in: db)
            let envelope = outbox.emit(event)
            try AuditLog.record(
                .init(
                    at: now, user: actor.user.id, action: DocumentSubmitted.topic.rawValue, target: "\(id.rawValue)/\(name)",
                    eventID: envelope.id.uuidString.lowercased(), outcome: "published"), in: db)
            return (hash, envelope.id)
        }
        return try JSONResponse.make(
            Submitted(
                campaignID: id, document: event.document, contentHash: hash, mediaType: mediaType, size: bytes.count, eventID: eventID),
            status: .accepted, location: "/api/campaigns/\(id.rawValue)/documents")
    }

    private var tooLarge: GatewayProblem {
        GatewayProblem(
            type: "too-large", title: "Content too large", status: 413, detail: "a document may have at most \(maxUploadBytes) bytes")
    }

    func list(_ request: Request, id: CampaignID) async throws -> Response {
        _ = try await auth.reader(of: request)
        let shelves = try await store.pool.read { db -> [DocumentShelf]? in
            guard let row = try ReadModel.row(id, in: db) else { return nil }
            return try DocumentShelf.shelves(of: row.campaign, in: db)
        }
        guard let shelves else { throw GatewayProblem.unknownCampaign(id.rawValue) }
        return try ETagged.response(shelves, for: request)
    }

    /// The bytes of the version `pick` chooses from `document`'s shelf.
    func download(
        _ request: Request, id: CampaignID, document: String?, pick: @escaping @Sendable (DocumentShelf) -> DocumentShelf.Version?
    ) async throws -> Response {
        _ = try await auth.reader(of: request)
        let document = DocumentID(rawValue: document ?? "")
        let found = try await store.pool.read { db -> (DocumentShelf.Version?, (mediaType: String, content: Data)?)? in
            guard let row = try ReadModel.row(id, in: db) else { return nil }
            let version = try DocumentShelf.shelves(of: row.campaign, in: db).first { $0.document == document }.flatMap(pick)
            return (version, try version.flatMap { try DocumentShelf.blob($0.contentHash, in: db) })
        }
        guard let (version, blob) = found else { throw GatewayProblem.unknownCampaign(id.rawValue) }
        guard let version else {
            throw GatewayProblem(type: "unknown-document", title: "Unknown document version", status: 404, detail: "\(id)/\(document) has no such version")
        }
        guard let blob else {
            throw GatewayProblem(
                type: "content-unavailable", title: "Content unavailable", status: 404,
                detail: "the gateway holds no bytes for \(version.contentHash) (handed in before it started reading documents)")
        }
        let tag = "\"\(version.contentHash.rawValue)\""
        if let match = request.headers[.ifNoneMatch], match.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == tag }) {
            return Response(status: .notModified, headers: [.eTag: tag])
        }
        let filename = "\(document.rawValue)-v\(version.version).\(UploadPolicy.extensions[blob.mediaType] ?? "bin")"
        return Response(
            status: .ok,
            headers: [
                .contentType: blob.mediaType, .eTag: tag, .contentDisposition: "attachment; filename=\"\(filename)\"",
                HTTPField.Name("X-Content-Type-Options")!: "nosniff",
            ], body: ResponseBody(byteBuffer: ByteBuffer(bytes: blob.content)))
    }
}
