#pragma once
// Storage for large, randomly read tables (the learned models' hash slots and weight rows,
// the knowledge tables' slots): a std::vector whose allocations of at least 2 MB are aligned
// to 2 MB and, on Linux, advised to use transparent huge pages before they are first touched.
// The tables are megabytes read at random, one lookup per feature or token; with 4 KB pages
// nearly every lookup also misses the TLB. Where huge pages are unavailable (another OS, THP
// "never") the advice is ignored and the table works as any vector. Contents and behaviour
// are those of std::vector.
//
// Thread-safety: as std::vector.

#include <cstddef>
#include <cstdlib>
#include <new>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace skein {

template <typename T>
class HugePageAllocator {
 public:
  using value_type = T;
  static constexpr std::size_t kHugePage = std::size_t{2} << 20;

  HugePageAllocator() = default;
  template <typename U>
  explicit HugePageAllocator(const HugePageAllocator<U>& /*other*/) {}

  T* allocate(std::size_t n) {
    if (n > static_cast<std::size_t>(-1) / sizeof(T)) throw std::bad_array_new_length();
    const std::size_t bytes = n * sizeof(T);
    if (bytes < kHugePage) return static_cast<T*>(::operator new(bytes));
    void* p = std::aligned_alloc(kHugePage, rounded(bytes));
    if (p == nullptr) throw std::bad_alloc();
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    madvise(p, rounded(bytes), MADV_HUGEPAGE);  // advice only: failure leaves 4 KB pages
#endif
    return static_cast<T*>(p);
  }
  void deallocate(T* p, std::size_t n) {
    if (n * sizeof(T) < kHugePage) {
      ::operator delete(p);
    } else {
      std::free(p);  // from aligned_alloc
    }
  }

  friend bool operator==(const HugePageAllocator&, const HugePageAllocator&) { return true; }

 private:
  static std::size_t rounded(std::size_t bytes) {
    return (bytes + kHugePage - 1) / kHugePage * kHugePage;
  }
};

template <typename T>
using LargeTable = std::vector<T, HugePageAllocator<T>>;

}  // namespace skein
