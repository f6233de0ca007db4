// The thread pool of the per-article step: runs work(index, worker) for every index in [0, count)
// on `jobs` threads. Each index runs exactly once; `worker` (0..jobs-1) names the thread, so a
// caller keeps per-thread state (a Segmenter: ICU break iterators are not safe to share) in a
// vector indexed by it. Results belong in slots indexed by `index`: merged in index order they do
// not depend on the number of threads or their timing. The wasm build has no threads: it runs
// everything on the calling thread.
#ifndef CROSSWIRE_CORE_PARALLEL_H_
#define CROSSWIRE_CORE_PARALLEL_H_

#include <cstddef>
#include <functional>

namespace crosswire {

// The number of threads `jobs` asks for: itself when positive, else the machine's cores (at least
// 1); always 1 in builds without threads.
int ResolveJobs(int jobs);

// Runs work(index, worker) for index 0..count-1 on min(jobs, count) threads (the calling thread
// is one of them). `jobs` must be resolved (>= 1).
void ParallelFor(int jobs, std::size_t count,
                 const std::function<void(std::size_t index, int worker)>& work);

// Hands the memory that the pool's threads freed back to the system. glibc keeps each thread's
// freed blocks in that thread's own arena, where the one-thread steps after a parallel one do not
// allocate: at 10,000 articles with two threads that was about 30 MB of the peak while entities
// were linked. A no-op elsewhere (wasm).
void ReleaseFreedMemory();

}  // namespace crosswire

#endif  // CROSSWIRE_CORE_PARALLEL_H_
