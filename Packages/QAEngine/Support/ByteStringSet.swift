import Foundation

/// An exact set of byte strings kept back to back in one buffer, for hot loops that must not allocate a
/// `String` per lookup: open addressing with linear probing over a seeded hash, keys compared in full.
/// Members are numbered in insertion order, so callers can keep values in a parallel array.
struct ByteStringSet {
    /// Member bytes, back to back.
    private var storage: [UInt8] = []
    /// Where each member ends in `storage`.
    private var ends: [Int] = []
    /// Per slot: the high 32 bits of the member's hash (its tag), then its number + 1 (0 = empty slot). The
    /// home slot is the top bits of the tag, so growing re-files members without hashing them again.
    private var slots: [UInt64]
    private var slotBits: Int
    private let seed = UInt64.random(in: .min ... .max)

    /// Creates an empty set sized for `capacity` members before it grows.
    init(capacity: Int = 8) {
        slotBits = 4
        while 1 << slotBits < capacity * 2 { slotBits += 1 }
        slots = Self.emptySlots(1 << slotBits)
        storage.reserveCapacity(capacity * 16)
        ends.reserveCapacity(capacity)
    }

    /// Creates a set of the UTF-8 bytes of `strings`.
    init(_ strings: some Collection<String>) {
        self.init(capacity: strings.count)
        for string in strings {
            var copy = string
            copy.withUTF8 { _ = insert($0) }
        }
    }

    /// The number of members.
    var count: Int { ends.count }

    /// Makes room for `bytes` more member bytes at once, so that inserting them copies nothing when the
    /// buffer would otherwise have grown (memory is only committed as it is written).
    mutating func reserveMemberBytes(_ bytes: Int) {
        storage.reserveCapacity(storage.count + bytes)
    }

    /// The hash `key` is filed under in this set.
    @inline(__always)
    private func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = seed ^ (UInt64(key.count) &* 0x9E37_79B9_7F4A_7C15)
        guard let base = key.baseAddress else { return Self.finish(hash) }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= key.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 32
            offset += 8
        }
        if offset < key.count {
            var tail: UInt64 = 0
            for index in offset..<key.count { tail = tail << 8 | UInt64(base[index]) }
            hash = (hash ^ tail) &* 0xFF51_AFD7_ED55_8CCD
        }
        return Self.finish(hash)
    }

    /// Loads the home slot of each key whose `hash(of:)` is in `hashes`, so that the lookups that follow find
    /// them in cache: the loads are independent, so their cache misses overlap instead of coming one per
    /// lookup. Returns a value that depends on the loads (keep it so they are not optimised away).
    func warm(_ hashes: UnsafeBufferPointer<UInt64>) -> UInt64 {
        slots.withUnsafeBufferPointer { slots in
            var sink: UInt64 = 0
            for hash in hashes { sink ^= slots[home(of: hash & Self.tagMask)] }
            return sink
        }
    }

    /// The hash `key` is filed under, for `warm(_:)`.
    func hash(of key: UnsafeBufferPointer<UInt8>) -> UInt64 { hash(key) }

    /// The number of member `key`, or nil.
    func index(of key: UnsafeBufferPointer<UInt8>) -> Int? { find(key, hash: hash(key)) }

    /// Inserts `key`; returns its number and whether it was not a member before.
    @discardableResult
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> (index: Int, inserted: Bool) {
        insert(key, hash: hash(key))
    }

    /// `insert(_:)` with the key's `hash(of:)` already computed.
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (index: Int, inserted: Bool) {
        if let found = find(key, hash: hash) { return (found, false) }
        if (ends.count + 1) * 2 > slots.count { grow() }
        let number = ends.count
        storage.append(contentsOf: key)
        ends.append(storage.count)
        place(hash & Self.tagMask | UInt64(number + 1))
        return (number, true)
    }

    private func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        slots.withUnsafeBufferPointer { slots in
            let tag = hash & Self.tagMask
            var slot = home(of: tag)
            while slots[slot] != 0 {
                let entry = slots[slot]
                if entry & Self.tagMask == tag {
                    let found = Int(entry & ~Self.tagMask) - 1
                    if member(found, equals: key) { return found }
                }
                slot = (slot + 1) & (slots.count - 1)
            }
            return nil
        }
    }

    private func member(_ index: Int, equals key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = index == 0 ? 0 : ends[index - 1]
        guard ends[index] - start == key.count else { return false }
        guard key.count > 0 else { return true }
        return storage.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, key.baseAddress!, key.count) == 0 }
    }

    @inline(__always)
    private func home(of tag: UInt64) -> Int { Int(truncatingIfNeeded: tag >> (64 - slotBits)) }

    private mutating func place(_ entry: UInt64) {
        let mask = slots.count - 1
        var slot = home(of: entry & Self.tagMask)
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = entry
    }

    private mutating func grow() {
        precondition(slotBits < 32, "ByteStringSet holds at most 2^31 members")
        let old = slots
        slotBits += 1
        slots = Self.emptySlots(1 << slotBits)
        for entry in old where entry != 0 { place(entry) }
    }

    private static let tagMask: UInt64 = 0xFFFF_FFFF_0000_0000

    /// `count` empty slots. Large tables ask for huge pages before the memory is first touched: every
    /// lookup lands on a random slot, and with 4 KB pages each one would also miss the TLB.
    private static func emptySlots(_ count: Int) -> [UInt64] {
        [UInt64](unsafeUninitializedCapacity: count) { buffer, initialized in
            #if os(Linux)
                let bytes = count * MemoryLayout<UInt64>.stride
                if bytes >= 4 << 20, let base = buffer.baseAddress {
                    let page = 4_096
                    let start = (Int(bitPattern: base) + page - 1) & ~(page - 1)
                    let end = (Int(bitPattern: base) + bytes) & ~(page - 1)
                    _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_HUGEPAGE)
                }
            #endif
            buffer.initialize(repeating: 0)
            initialized = count
        }
    }

    private static func finish(_ value: UInt64) -> UInt64 {
        var hash = value
        hash ^= hash >> 29
        hash = hash &* 0xBF58_476D_1CE4_E5B9
        return hash ^ hash >> 32
    }
}
