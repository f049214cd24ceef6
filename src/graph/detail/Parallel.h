#pragma once
// Thread helpers for the graph algorithms.
//  - run_on_threads(threads, body): body(thread_index) on `threads` std::threads (on the
//    calling thread when threads <= 1); joins them all, then rethrows the first exception.
//  - parallel_for(count, threads, work): work(thread_index, item) for items 0..count-1, item i
//    going to thread i % threads. The fixed assignment keeps per-thread partial sums (and so
//    results) identical from run to run for a given thread count.

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

template <class Body>
void run_on_threads(unsigned threads, Body&& body) {
  if (threads <= 1) {
    body(0u);
    return;
  }
  std::vector<std::exception_ptr> errors(threads);
  {
    std::vector<std::jthread> pool;
    pool.reserve(threads);
    for (unsigned t = 0; t < threads; ++t) {
      pool.emplace_back([&, t] {
        try {
          body(t);
        } catch (...) {
          errors[t] = std::current_exception();
        }
      });
    }
  }  // joins
  for (auto& error : errors) {
    if (error) std::rethrow_exception(error);
  }
}

template <class Work>
void parallel_for(std::size_t count, unsigned threads, Work&& work) {
  threads = std::max(
      1u, std::min<unsigned>(threads, static_cast<unsigned>(std::max<std::size_t>(count, 1))));
  run_on_threads(threads, [&](unsigned t) {
    for (std::size_t i = t; i < count; i += threads) work(t, i);
  });
}

}  // namespace skein::graph::detail
