#pragma once
// fn(i) for every i in [0, n), on the machine's cores: each thread takes one
// contiguous slice, so results written to slot i come out in order whatever
// the threads' timing. Small inputs stay on the calling thread. fn must touch
// only its own slot; an exception stops its slice and is rethrown here once
// every thread is done (the first slice's first).
#include <algorithm>
#include <cstddef>
#include <exception>
#include <thread>
#include <vector>

namespace perfwatch {

template <typename Fn>
void parallel_for(size_t n, Fn fn, size_t min_per_thread = 64) {
  const size_t cores = std::max<size_t>(1, std::thread::hardware_concurrency());
  const size_t threads = std::clamp<size_t>(n / std::max<size_t>(min_per_thread, 1), 1, std::min<size_t>(cores, 8));
  const size_t slice = (n + threads - 1) / threads;
  std::vector<std::exception_ptr> failed(threads);
  auto run = [&](size_t t) {
    try {
      for (size_t i = t * slice; i < std::min(n, (t + 1) * slice); ++i) fn(i);
    } catch (...) {
      failed[t] = std::current_exception();
    }
  };
  {
    std::vector<std::jthread> others;
    for (size_t t = 1; t < threads; ++t) others.emplace_back(run, t);
    run(0);
  }  // the others join here
  for (const std::exception_ptr& e : failed)
    if (e) std::rethrow_exception(e);
}

}  // namespace perfwatch
