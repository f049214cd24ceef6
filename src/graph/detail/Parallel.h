#pragma once
// Runs work(thread_index, item) for items 0..count-1 over `threads` std::threads, item i going
// to thread i % threads. The fixed assignment keeps per-thread partial sums (and so results)
// identical from run to run for a given thread count.

#include <algorithm>
#include <cstddef>
#include <exception>
#include <thread>
#include <vector>

namespace skein::graph::detail {

inline unsigned resolve_threads(unsigned requested) {
  if (requested > 0) return requested;
  return std::max(1u, std::thread::hardware_concurrency());
}

template <class Work>
void parallel_for(std::size_t count, unsigned threads, Work&& work) {
  threads = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(std::max<std::size_t>(count, 1))));
  if (threads == 1) {
    for (std::size_t i = 0; i < count; ++i) work(0u, i);
    return;
  }
  std::vector<std::exception_ptr> errors(threads);
  std::vector<std::jthread> pool;
  pool.reserve(threads);
  for (unsigned t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      try {
        for (std::size_t i = t; i < count; i += threads) work(t, i);
      } catch (...) {
        errors[t] = std::current_exception();
      }
    });
  }
  pool.clear();  // joins
  for (auto& error : errors) {
    if (error) std::rethrow_exception(error);
  }
}

}  // namespace skein::graph::detail
