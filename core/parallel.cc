#include "parallel.h"

#include <algorithm>
#include <atomic>

#ifdef __GLIBC__
#include <malloc.h>
#endif

// Emscripten without -pthread has std::thread but cannot start one.
#if defined(__EMSCRIPTEN__) && !defined(__EMSCRIPTEN_PTHREADS__)
#define CROSSWIRE_HAVE_THREADS 0
#else
#define CROSSWIRE_HAVE_THREADS 1
#include <thread>
#include <vector>
#endif

namespace crosswire {

int ResolveJobs(int jobs) {
#if CROSSWIRE_HAVE_THREADS
  if (jobs > 0) return jobs;
  return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
#else
  (void)jobs;
  return 1;
#endif
}

void ParallelFor(int jobs, std::size_t count,
                 const std::function<void(std::size_t index, int worker)>& work) {
  const int threads = static_cast<int>(std::min<std::size_t>(std::max(jobs, 1), count));
  if (threads <= 1 || !CROSSWIRE_HAVE_THREADS) {
    for (std::size_t i = 0; i < count; ++i) work(i, 0);
    return;
  }
#if CROSSWIRE_HAVE_THREADS
  // Indexes are handed out one at a time: articles differ in size by 100x, so fixed shares
  // would leave a thread idle while another works through the long ones.
  std::atomic<std::size_t> next{0};
  auto run = [&](int worker) {
    for (std::size_t i = next.fetch_add(1); i < count; i = next.fetch_add(1)) work(i, worker);
  };
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  for (int w = 1; w < threads; ++w) pool.emplace_back(run, w);
  run(0);
  for (std::thread& t : pool) t.join();
#endif
}

void ReleaseFreedMemory() {
#ifdef __GLIBC__
  malloc_trim(0);
#endif
}

}  // namespace crosswire
