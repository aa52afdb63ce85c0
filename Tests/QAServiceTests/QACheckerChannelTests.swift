import Contracts
import Domain
import Foundation
import QAEngine
import QAService
import Testing

/// `QAChecker` on image documents: checked against the specs of the campaign's channels, email when unknown.
@Suite struct QACheckerChannelTests {
    /// A minimal baseline JPEG of `width`×`height`, `padding` bytes of scan data making it heavier.
    static func jpeg(width: UInt16, height: UInt16, padding: Int = 64) -> Data {
        func be16(_ value: UInt16) -> [UInt8] { [UInt8(value >> 8), UInt8(value & 0xFF)] }
        var data = Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0])
        data += [0xFF, 0xC0, 0x00, 0x11, 0x08] + be16(height) + be16(width) + [3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]
        data += [0xFF, 0xDA, 0x00, 0x08, 1, 1, 0, 0, 0x3F, 0] + [UInt8](repeating: 0x55, count: padding)
        return data + [0xFF, 0xD9]
    }

    /// The report on one image document `name` of a campaign running on `channels`.
    static func report(
        _ name: String, _ bytes: Data, channels: [Channel], checker: QAChecker = QAChecker()
    ) -> QAReportReady {
        report([(name, "image/jpeg", bytes)], channels: channels, checker: checker)
    }

    /// The report on `documents` (name, media type, bytes) of a campaign running on `channels`.
    static func report(
        _ documents: [(String, String, Data)], channels: [Channel], checker: QAChecker = QAChecker()
    ) -> QAReportReady {
        var contents: [ContentHash: (mediaType: String, bytes: Data)] = [:]
        let versions = documents.map { name, mediaType, bytes in
            contents[QAStore.hash(bytes)] = (mediaType, bytes)
            return DocumentVersion(document: DocumentID(rawValue: name), version: 1, contentHash: QAStore.hash(bytes))
        }
        return checker.report(campaign: "cmp-channels", channels: channels, documents: versions, worker: "qa-1") {
            contents[$0]
        }
    }

    @Test func aWrongSizeForInstagramIsAFindingNamingInstagram() {
        let report = Self.report("hero.jpg", Self.jpeg(width: 1200, height: 900), channels: [.instagram])
        #expect(report.verdict == .failed)
        #expect(report.findings.map(\.rule) == ["asset.size-not-accepted"])
        #expect(report.findings.first?.document == "hero.jpg")
        #expect(report.findings.first?.message == "hero.jpg is JPEG 1200×900; Instagram takes 1080×1080, 1080×1350 or 1080×1920.")
    }

    @Test func aRightSizeForInstagramHasNoFinding() {
        let report = Self.report("feed.jpg", Self.jpeg(width: 1080, height: 1350), channels: [.instagram])
        #expect(report.findings.isEmpty && report.verdict == .passed)
    }

    @Test func unknownChannelsAreCheckedAsEmail() {
        let heavy = Self.jpeg(width: 1200, height: 900, padding: 150_000)
        let unknown = Self.report("hero.jpg", heavy, channels: [])
        #expect(unknown.findings.map(\.rule) == ["asset.too-heavy"])
        #expect(unknown.findings.first?.message.contains("email takes at most 99 KB") == true)
        #expect(Self.report("hero.jpg", Self.jpeg(width: 1200, height: 900), channels: []).findings.isEmpty, "email takes any size")
    }

    @Test func theSpecsPassedInDecide() {
        var specs = Rules.builtIn.channelSpecs
        specs[.instagram] = ChannelSpec(formats: [.jpg], sizes: [PixelSize(width: 1200, height: 900)])
        let checker = QAChecker(channelSpecs: specs)
        #expect(Self.report("hero.jpg", Self.jpeg(width: 1200, height: 900), channels: [.instagram], checker: checker).verdict == .passed)
        #expect(Self.report("feed.jpg", Self.jpeg(width: 1080, height: 1350), channels: [.instagram], checker: checker).verdict == .failed)
    }

    @Test func theEmailSpecAlsoLimitsImagesShownInTheEmail() {
        let html = Data(#"<html><body><img src="https://cdn.brightline-goods.com/hero.jpg" alt="Hero"></body></html>"#.utf8)
        let documents = [("email-main", "text/html", html), ("hero.jpg", "image/jpeg", Self.jpeg(width: 1200, height: 900))]
        var specs = Rules.builtIn.channelSpecs
        specs[.email]?.maxBytes = 100
        let strict = Self.report(documents, channels: [.email], checker: QAChecker(channelSpecs: specs))
        #expect(strict.findings.contains { $0.rule == "image.too-heavy" && $0.document == "email-main" })
        #expect(strict.findings.contains { $0.rule == "asset.too-heavy" && $0.document == "hero.jpg" })
        let builtIn = Self.report(documents, channels: [.email])
        #expect(!builtIn.findings.contains { $0.rule.hasSuffix("too-heavy") })
    }
}
