import Foundation
import LineEndToEndSupport
import Testing

/// `marquee qa check --assets DIR` against the channel specs (`--channel NAME`, `--config FILE`), and the runs
/// that need no email: assets only, an audience list only.
@Suite struct QACheckChannelTests {
    /// A minimal baseline JPEG of `width`×`height`.
    static func jpeg(width: UInt16, height: UInt16) -> Data {
        func be16(_ value: UInt16) -> [UInt8] { [UInt8(value >> 8), UInt8(value & 0xFF)] }
        var data = Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0])
        data += [0xFF, 0xC0, 0x00, 0x11, 0x08] + be16(height) + be16(width) + [3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]
        data += [0xFF, 0xDA, 0x00, 0x08, 1, 1, 0, 0, 0x3F, 0] + [UInt8](repeating: 0x55, count: 64)
        return data + [0xFF, 0xD9]
    }

    /// A fresh directory with `feed.jpg` (1080×1080, an Instagram size) and `hero.jpg` (1200×900, not one).
    static func assets() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qa-cli-assets-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try jpeg(width: 1080, height: 1080).write(to: directory.appendingPathComponent("feed.jpg"))
        try jpeg(width: 1200, height: 900).write(to: directory.appendingPathComponent("hero.jpg"))
        return directory
    }

    /// Runs the check with JSON output; returns the exit status, the object and each asset's findings' messages.
    static func json(_ arguments: [String]) async throws -> (status: Int32, object: [String: Any], assets: [String: [String]]) {
        let run = try await QACheckCommandTests.run(arguments + ["--format", "json"])
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stdout)\(run.stderr)")
        var assets: [String: [String]] = [:]
        for asset in object["assets"] as? [[String: Any]] ?? [] {
            assets[asset["name"] as? String ?? "?"] = (asset["findings"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
        }
        return (run.status, object, assets)
    }

    @Test func instagramAssetsAreCheckedAgainstInstagramsSizes() async throws {
        let directory = try Self.assets()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (status, object, assets) = try await Self.json(["--assets", directory.path, "--channel", "instagram"])
        #expect(status == 1)
        #expect(object["channels"] as? [String] == ["instagram"])
        #expect(assets["feed.jpg"] == [])
        #expect(assets["hero.jpg"] == ["hero.jpg is JPEG 1200×900; Instagram takes 1080×1080, 1080×1350 or 1080×1920."])
        let email = try await Self.json(["--assets", directory.path])
        #expect(email.status == 0, "email, the default, takes any size")
        #expect(email.object["channels"] as? [String] == ["email"])
    }

    @Test func aConfigsChannelSpecsChangeTheVerdict() async throws {
        let directory = try Self.assets()
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("rules.yaml")
        try Data("channel_specs:\n  instagram:\n    formats: [jpg]\n    sizes: [{width: 1200, height: 900}]\n".utf8)
            .write(to: config)
        let assets = directory.appendingPathComponent("art")
        try FileManager.default.createDirectory(at: assets, withIntermediateDirectories: true)
        try Self.jpeg(width: 1200, height: 900).write(to: assets.appendingPathComponent("hero.jpg"))
        #expect(try await Self.json(["--assets", assets.path, "--channel", "instagram"]).status == 1)
        let configured = try await Self.json(["--assets", assets.path, "--channel", "instagram", "--config", config.path])
        #expect(configured.status == 0 && configured.assets["hero.jpg"] == [])
        let missing = try await QACheckCommandTests.run(["--assets", assets.path, "--config", config.path])
        #expect(missing.status == 2, "the file has no email spec")
        #expect(missing.stderr.contains("no channel_specs entry for email"), "\(missing.stderr)")
        try Data("channel_specs:\n  instagram:\n    formats: [jpeg]\n".utf8).write(to: config)
        let bad = try await QACheckCommandTests.run(["--assets", assets.path, "--config", config.path])
        #expect(bad.status == 2 && bad.stderr.contains("has errors"), "\(bad.stderr)")
    }

    @Test func assetsAloneNeedNoEmail() async throws {
        let directory = try Self.assets()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (status, object, assets) = try await Self.json(["--assets", directory.path, "--channel", "linkedin"])
        #expect(status == 1)
        #expect(object["email"] == nil && object["file"] == nil)
        #expect(assets.keys.sorted() == ["feed.jpg", "hero.jpg"])
        let text = try await QACheckCommandTests.run(["--assets", directory.path])
        #expect(text.status == 0 && text.stdout.contains("asset hero.jpg") && text.stdout.contains("PASSED"), "\(text.stdout)")
    }

    @Test func anAudienceListAloneNeedsNoEmail() async throws {
        let list = try QACheckCommandTests.temporary(
            "list.csv", "email,consent\nana@mail.example.org,yes\nana@mail.example.org,yes\n")
        let (status, object, _) = try await Self.json(["--audience", list])
        #expect(status == 0)
        #expect(object["email"] == nil)
        #expect((object["audience"] as? [String: Any])?["rows"] as? Int == 2)
        let html = try await QACheckCommandTests.run(["--audience", list, "--format", "html"])
        #expect(html.status == 0 && html.stdout.contains("<title>QA report: audience list</title>"))
    }

    @Test func nothingToCheckSaysWhatToGive() async throws {
        let run = try await QACheckCommandTests.run(["--format", "text"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("nothing to check: give the email HTML file, --assets DIR or --audience list.csv"))
    }
}
