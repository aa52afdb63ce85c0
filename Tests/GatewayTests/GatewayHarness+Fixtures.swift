import Contracts
import Domain
import Foundation
import GRDB
import ServiceKit

@testable import GatewayService

extension GatewayHarness {
    /// The bytes of version 1 of `cmp-t`'s `email`.
    static let emailV1 = Data("<p>Hello</p>".utf8)

    /// `cmp-t`, requested by ana and being built by sam, with version 1 of `email` (whose bytes the gateway holds).
    func foldBuildingCampaign() async throws {
        let hash = try await store.pool.write { db in try DocumentShelf.keep(Self.emailV1, mediaType: "text/html", in: db) }
        try await fold(campaign: "cmp-t", [
            .submitted(Self.request()), .triaged(.assign(to: .specialist)), .specialistAssigned("sam"), .buildStarted,
            .documentRevised(DocumentVersion(document: "email", version: 1, contentHash: hash)),
        ])
    }
}
