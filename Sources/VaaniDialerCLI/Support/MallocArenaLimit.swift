import CMallocArenas
import Foundation

/// Caps the number of glibc malloc arenas, once, at the start of the process.
///
/// glibc gives a thread that finds the arenas in use a new one, up to 8 per core. A long `run`
/// allocates on many threads (event loops, the task pool, the database queues), and memory freed
/// in one arena is not reused by the others or returned to the system. Across a 400,000-contact run
/// the engine's resident memory crept from 84 MB to 100 MB (113 MB at 1M contacts) while a
/// heaptrack profile showed no leak and a 42 MB peak heap; with one arena per core it stayed at
/// 86 MB and dispatched at the same rate (`scripts/bench-dispatch.sh` with `MEMORY_CONTACTS`).
/// A `MALLOC_ARENA_MAX` set by the user wins; other C libraries are left alone.
enum MallocArenaLimit {
    /// Applies the limit (one arena per active core, at least two), before the first threads start.
    static func apply() {
        guard ProcessInfo.processInfo.environment["MALLOC_ARENA_MAX"] == nil else { return }
        _ = vaani_limit_malloc_arenas(Int32(max(2, ProcessInfo.processInfo.activeProcessorCount)))
    }
}
