import Domain
import Foundation
import QAEngine
import Testing

/// `AssetInspector.inspect(bytes:name:channels:specs:)`: an image is checked against the specs of the channels a
/// campaign runs on; it passes when it fits one, and each misfit names its channel when it fits none.
@Suite struct AssetChannelTests {
    static let specs = Rules.builtIn.channelSpecs

    @Test func aWrongSizeNamesInstagramAndItsSizes() {
        let report = AssetInspector.inspect(
            bytes: ImageBytes.jpeg(width: 1200, height: 900), name: "hero.jpg", channels: [.instagram], specs: Self.specs)
        #expect(report.verdict == .failed)
        #expect(report.findings.map(\.rule) == [.assetSizeNotAccepted])
        #expect(report.findings.first?.message == "hero.jpg is JPEG 1200×900; Instagram takes 1080×1080, 1080×1350 or 1080×1920.")
    }

    @Test func anAcceptedSizePasses() {
        let report = AssetInspector.inspect(
            bytes: ImageBytes.jpeg(width: 1080, height: 1920), name: "story.jpg", channels: [.instagram], specs: Self.specs)
        #expect(report.findings.isEmpty && report.verdict == .passed)
    }

    @Test func fittingOneOfTheCampaignsChannelsIsEnough() {
        let emailHeader = ImageBytes.png(width: 1200, height: 400)
        let report = AssetInspector.inspect(
            bytes: emailHeader, name: "header.png", channels: [.instagram, .email], specs: Self.specs)
        #expect(report.findings.isEmpty, "\(report.findings.map(\.message))")
    }

    @Test func fittingNoChannelReportsEachChannelsMisfit() {
        let heavy = ImageBytes.png(width: 1200, height: 900, padding: 150_000)
        let report = AssetInspector.inspect(bytes: heavy, name: "hero.png", channels: [.email, .instagram], specs: Self.specs)
        #expect(report.findings.map(\.rule) == [.assetTooHeavy, .assetSizeNotAccepted])
        #expect(report.findings[0].message.contains("email takes at most 99 KB"), "\(report.findings[0].message)")
        #expect(report.findings[1].message.contains("Instagram takes"))
    }

    @Test func aChannelWithoutImagesSaysSo() {
        let report = AssetInspector.inspect(
            bytes: ImageBytes.gif(width: 300, height: 250), name: "banner.gif", channels: [.sms, .sms], specs: Self.specs)
        #expect(report.findings.map(\.message) == ["banner.gif is GIF 300×250; SMS takes no image files."])
    }

    @Test func channelsWithoutASpecAreNotChecked() {
        let report = AssetInspector.inspect(
            bytes: ImageBytes.jpeg(width: 1200, height: 900), name: "hero.jpg", channels: [.linkedin],
            specs: [.instagram: Self.specs[.instagram]!])
        #expect(report.findings.isEmpty)
    }

    @Test func headerProblemsAreReportedOnceWhateverTheChannels() {
        let report = AssetInspector.inspect(
            bytes: Data("not an image".utf8), name: "hero.png", channels: [.email, .instagram, .linkedin], specs: Self.specs)
        #expect(report.findings.map(\.rule) == [.assetUnreadable])
    }
}
