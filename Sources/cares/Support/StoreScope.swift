import TrainingStore

/// Opens the record store for the length of a body and closes it whatever happens.
enum StoreScope {
    static func using<T>(_ location: String, _ body: (any CompletionStore) async throws -> T) async throws -> T {
        let store = try await StoreOpener.open(location)
        do {
            let value = try await body(store)
            await store.close()
            return value
        } catch {
            await store.close()
            throw error
        }
    }
}
