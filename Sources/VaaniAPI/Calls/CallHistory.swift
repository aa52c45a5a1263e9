/// Every call in the history, fetched page by page as it is iterated (see ``CallsAPI/allHistory(pageSize:)``).
///
/// The history is newest first, so calls placed while iterating can push older ones onto the next page;
/// a call seen on an earlier page is not yielded twice.
public struct CallHistory: AsyncSequence, Sendable {
    /// Each element is one call.
    public typealias Element = CallRecord

    let calls: CallsAPI
    let pageSize: Int

    /// Starts at page 1.
    public func makeAsyncIterator() -> Iterator {
        Iterator(calls: calls, pageSize: pageSize)
    }

    /// Fetches the next page when the current one is used up.
    public struct Iterator: AsyncIteratorProtocol {
        let calls: CallsAPI
        let pageSize: Int
        private var nextPage = 1
        private var buffer: [CallRecord] = []
        private var bufferIndex = 0
        private var finished = false
        private var seen: Set<String> = []

        init(calls: CallsAPI, pageSize: Int) {
            self.calls = calls
            self.pageSize = pageSize
        }

        /// The next call, fetching a page when needed; `nil` after the last page.
        /// - Throws: ``VaaniError`` when a page cannot be fetched.
        public mutating func next() async throws -> CallRecord? {
            while true {
                while bufferIndex < buffer.count {
                    let record = buffer[bufferIndex]
                    bufferIndex += 1
                    if seen.insert(record.callID).inserted { return record }
                }
                guard !finished else { return nil }
                let page = try await calls.history(page: nextPage, pageSize: pageSize)
                let newRecords = page.records.filter { !seen.contains($0.callID) }
                // A server that ignores `page` would repeat itself forever; a page with nothing new ends it.
                finished = !page.hasMore || newRecords.isEmpty
                nextPage += 1
                buffer = page.records
                bufferIndex = 0
            }
        }
    }
}
