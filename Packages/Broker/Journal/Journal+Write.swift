import Logging

extension Journal {
    /// Stages a record in the in-memory write buffer (one copy, CRC computed in place) and returns
    /// its seq. Not visible to ``read(from:_:)`` and not durable until ``commit()``.
    ///
    /// Precondition (checked): topic ≤ 65,535 bytes, id and identity ≤ 255 bytes each, and the whole
    /// body ≤ 64 MiB; the broker enforces its smaller frame limits before appending.
    public func append(
        topic: UnsafeRawBufferPointer, id: UnsafeRawBufferPointer, identity: UnsafeRawBufferPointer,
        payload: UnsafeRawBufferPointer, time: Int64
    ) -> UInt64 {
        precondition(topic.count <= JournalFormat.maxTopicLength, "journal topic longer than 65535 bytes")
        precondition(id.count <= JournalFormat.maxIdLength, "journal record id longer than 255 bytes")
        precondition(identity.count <= JournalFormat.maxIdentityLength, "journal identity longer than 255 bytes")
        let bodyLength = JournalFormat.bodyHeaderLength + topic.count + id.count + identity.count + payload.count
        precondition(bodyLength <= JournalFormat.maxBodyLength, "journal record larger than 64 MiB")
        let seq = stagedNextSeq
        let recordLength = Int64(JournalFormat.recordHeaderLength + bodyLength)
        if stagedParts.isEmpty {
            projectedSize = segments[segments.count - 1].size
            projectedIndexed = segments[segments.count - 1].index.last?.offset ?? -1
        }
        let rolls = projectedSize > 0 && projectedSize + recordLength > Int64(options.segmentBytes)
        if rolls {
            projectedSize = 0
            projectedIndexed = -1
        }
        if stagedParts.isEmpty || rolls {
            stagedParts.append(
                JournalStagedPart(bufferStart: staging.count, firstSeq: seq, startsSegment: rolls, lastTime: time))
        } else {
            stagedParts[stagedParts.count - 1].lastTime = time
        }
        if projectedIndexed < 0 || projectedSize - projectedIndexed >= Int64(options.indexInterval) {
            pendingIndex.append(JournalIndexEntry(seq: seq, offset: projectedSize))
            projectedIndexed = projectedSize
        }
        projectedSize += recordLength
        staging.appendRecord(
            seq: seq, time: time, topic: topic, id: id, identity: identity, payload: payload, bodyLength: bodyLength)
        stagedNextSeq = seq + 1
        return seq
    }

    /// Stages a record given as bytes and strings (convenience for tools and tests; allocates).
    @discardableResult
    public func append(topic: String, id: String = "", identity: String = "", payload: [UInt8], time: Int64) -> UInt64 {
        let topicBytes = Array(topic.utf8)
        let idBytes = Array(id.utf8)
        let identityBytes = Array(identity.utf8)
        return topicBytes.withUnsafeBytes { topic in
            idBytes.withUnsafeBytes { id in
                identityBytes.withUnsafeBytes { identity in
                    payload.withUnsafeBytes { payload in
                        append(topic: topic, id: id, identity: identity, payload: payload, time: time)
                    }
                }
            }
        }
    }

    /// Writes everything staged with one `pwrite` per segment it lands in (rolling to new segments
    /// as needed) and, under ``FlushPolicy/fsync``, one `fdatasync`. After it returns, ``lastSeq``
    /// covers the batch.
    ///
    /// If it throws, the batch is dropped and the journal refuses further commits with
    /// ``JournalError/unusable``: the file tail is unknown until the journal is reopened, whose
    /// recovery truncates whatever was torn.
    public func commit() throws {
        guard hasStaged else { return }
        defer { discardStaged() }
        guard !failed else { throw JournalError.unusable }
        do {
            try writeStaged()
        } catch {
            failed = true
            logger.error("journal commit failed; reopen the journal to recover", metadata: ["error": "\(error)"])
            throw error
        }
    }

    private func writeStaged() throws(JournalError) {
        var indexCursor = 0
        for position in stagedParts.indices {
            let part = stagedParts[position]
            let isLastPart = position == stagedParts.count - 1
            let end = isLastPart ? staging.count : stagedParts[position + 1].bufferStart
            let partLastSeq = isLastPart ? stagedNextSeq - 1 : stagedParts[position + 1].firstSeq - 1
            if part.startsSegment { try roll(to: part.firstSeq) }
            let active = segments.count - 1
            let length = end - part.bufferStart
            try activeFile.write(staging.base + part.bufferStart, count: length, at: segments[active].size)
            if isLastPart && options.flush == .fsync { try activeFile.syncData() }
            segments[active].size += Int64(length)
            segments[active].lastSeq = partLastSeq
            segments[active].lastTime = part.lastTime
            while indexCursor < pendingIndex.count && pendingIndex[indexCursor].seq <= partLastSeq {
                segments[active].index.append(pendingIndex[indexCursor])
                indexCursor += 1
            }
            totalSize += Int64(length)
        }
    }

    /// Seals the active segment (data synced under `.fsync`, index written) and starts a new,
    /// empty one at `baseSeq`.
    private func roll(to baseSeq: UInt64) throws(JournalError) {
        let sealed = segments[segments.count - 1]
        let sync = options.flush == .fsync
        if sync { try activeFile.syncData() }
        try JournalIndex.write(sealed.index, named: sealed.indexName, in: directory, sync: sync)
        let segment = JournalSegment(emptyAt: baseSeq)
        activeFile = try JournalFile.create(directory.file(segment.name))
        if sync { try directory.sync() }
        segments.append(segment)
        logger.debug("journal segment rolled", metadata: ["sealed": "\(sealed.name)", "segment": "\(segment.name)"])
    }

    private func discardStaged() {
        staging.removeAll()
        stagedParts.removeAll(keepingCapacity: true)
        pendingIndex.removeAll(keepingCapacity: true)
        stagedNextSeq = lastSeq + 1
    }
}
