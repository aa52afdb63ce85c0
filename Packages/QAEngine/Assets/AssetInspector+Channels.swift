import Domain
import Foundation

extension AssetInspector {
    /// Reads `bytes` and checks them against the specs of the channels a campaign runs on.
    ///
    /// A campaign's image serves one of its channels, so it passes when it fits one of their specs; when it fits
    /// none, each channel's misfits are reported, naming the channel (`hero.png is JPEG 1200×900; Instagram
    /// takes 1080×1080, 1080×1350 or 1080×1920.`). Channels without a spec in `specs` are not checked. Header
    /// findings (unreadable, cut off, extension) are reported once, whatever the channels.
    ///
    /// ```swift
    /// let report = AssetInspector.inspect(bytes: data, name: "hero.png", channels: brief.channels,
    ///                                     specs: rules.channelSpecs)
    /// ```
    public static func inspect(
        bytes: Data, name: String, channels: [Channel], specs: [Channel: ChannelSpec]
    ) -> AssetReport {
        let read = inspect(bytes: bytes, name: name)
        guard let info = read.info else { return read }
        var checked: Set<Channel> = []
        var misfits: [[Finding]] = []
        for channel in channels where checked.insert(channel).inserted {
            guard let spec = specs[channel] else { continue }
            let findings = check(info, name: name, against: spec, on: channel)
            if findings.isEmpty { return read }
            misfits.append(findings)
        }
        return AssetReport(name: name, info: info, findings: read.findings + misfits.joined())
    }
}
