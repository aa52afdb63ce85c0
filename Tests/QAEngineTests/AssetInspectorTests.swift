import Domain
import Foundation
import QAEngine
import Testing

/// One asset file that breaks exactly one rule.
struct AssetCase: Sendable, CustomTestStringConvertible {
    var rule: RuleID
    var bytes: Data
    var name = "asset.png"
    var need: AssetNeed?
    var spec: ChannelSpec?
    var displayWidth: Int?
    var testDescription: String { rule.rawValue }

    static let instagram = Rules.builtIn.channelSpecs[.instagram]
    static let all: [AssetCase] = [
        AssetCase(rule: .assetUnreadable, bytes: Data("<html>not an image</html>".utf8)),
        AssetCase(rule: .assetTruncated, bytes: ImageBytes.png(width: 10, height: 10, complete: false)),
        AssetCase(rule: .assetTruncated, bytes: ImageBytes.jpeg(width: 10, height: 10, complete: false), name: "a.jpg"),
        AssetCase(rule: .assetTruncated, bytes: ImageBytes.jpeg(width: 10, height: 10).prefix(12), name: "a.jpg"),
        AssetCase(rule: .assetImplausibleHeader, bytes: ImageBytes.png(width: 10, height: 10, badChecksum: true)),
        AssetCase(rule: .assetImplausibleHeader, bytes: ImageBytes.png(width: 0, height: 10)),
        AssetCase(rule: .assetImplausibleHeader, bytes: ImageBytes.gif(width: 65_000, height: 65_000), name: "a.gif"),
        AssetCase(rule: .assetExtensionMismatch, bytes: ImageBytes.png(width: 10, height: 10), name: "photo.jpg"),
        AssetCase(rule: .assetFormatNotAccepted, bytes: ImageBytes.webp(width: 1080, height: 1080), name: "a.webp", spec: instagram),
        AssetCase(rule: .assetFormatNotAccepted, bytes: ImageBytes.gif(width: 600, height: 200), name: "a.gif",
                  need: AssetNeed(channel: .email, format: .png, size: PixelSize(width: 600, height: 200))),
        AssetCase(rule: .assetSizeNotAccepted, bytes: ImageBytes.png(width: 1000, height: 1000), spec: instagram),
        AssetCase(rule: .assetSizeMismatch, bytes: ImageBytes.png(width: 500, height: 200),
                  need: AssetNeed(channel: .email, format: .png, size: PixelSize(width: 600, height: 200))),
        AssetCase(rule: .assetTooHeavy, bytes: ImageBytes.png(width: 600, height: 200, padding: 150_000),
                  spec: Rules.builtIn.channelSpecs[.email]),
        AssetCase(rule: .imageNotRetina, bytes: ImageBytes.png(width: 600, height: 200), displayWidth: 600),
    ]
}

@Suite struct AssetInspectorTests {
    @Test(arguments: [
        (ImageBytes.png(width: 1200, height: 400), ImageInfo(format: .png, width: 1200, height: 400, bytes: 0)),
        (ImageBytes.jpeg(width: 1080, height: 1350), ImageInfo(format: .jpeg, width: 1080, height: 1350, bytes: 0)),
        (ImageBytes.gif(width: 300, height: 250), ImageInfo(format: .gif, width: 300, height: 250, bytes: 0)),
        (ImageBytes.webp(width: 1080, height: 1920), ImageInfo(format: .webp, width: 1080, height: 1920, bytes: 0)),
    ])
    func readsDimensionsFromHeaders(_ bytes: Data, _ expected: ImageInfo) {
        var expected = expected
        expected.bytes = bytes.count
        #expect(AssetInspector.info(of: bytes) == expected)
        #expect(AssetInspector.inspect(bytes: bytes, name: "asset." + (expected.format == .jpeg ? "jpg" : expected.format.rawValue)).findings.isEmpty)
    }

    @Test(arguments: AssetCase.all)
    func ruleFiresOnItsCase(_ row: AssetCase) {
        let report = AssetInspector.inspect(bytes: row.bytes, name: row.name, need: row.need, spec: row.spec, displayWidth: row.displayWidth)
        #expect(report.findings.map(\.rule).contains(row.rule), "\(report.findings.map(\.rule.rawValue))")
    }

    @Test func retinaVersionOfTheRequestedSizeFits() {
        let need = AssetNeed(channel: .email, format: .png, size: PixelSize(width: 600, height: 200))
        let report = AssetInspector.inspect(
            bytes: ImageBytes.png(width: 1200, height: 400), name: "header@2x.png", need: need,
            spec: Rules.builtIn.channelSpecs[.email], displayWidth: 600)
        #expect(report.findings.isEmpty && report.verdict == .passed)
    }

    @Test func instagramStoryFitsItsSpec() {
        let report = AssetInspector.inspect(bytes: ImageBytes.jpeg(width: 1080, height: 1920), name: "story.jpg", spec: AssetCase.instagram)
        #expect(report.findings.isEmpty)
    }

    @Test func lyingAndRandomBytesNeverCrash() {
        var generator = SplitMix(seed: 42)
        let seeds = [ImageBytes.png(width: 10, height: 10), ImageBytes.jpeg(width: 10, height: 10), ImageBytes.gif(width: 1, height: 1), ImageBytes.webp(width: 5, height: 5)]
        for round in 0..<4000 {
            var bytes = [UInt8](seeds[round % seeds.count])
            for _ in 0..<(1 + Int(generator.next() % 4)) {
                bytes[Int(generator.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: generator.next())
            }
            let cut = Int(generator.next() % UInt64(bytes.count + 1))
            let report = AssetInspector.inspect(bytes: Data(bytes.prefix(cut)), name: "fuzz.bin")
            if report.info == nil { #expect(report.verdict == .failed) }
        }
    }
}
