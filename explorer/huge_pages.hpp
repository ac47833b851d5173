#pragma once
/// \file
/// Large arrays backed by transparent huge pages where the kernel allows it (Linux
/// `madvise(MADV_HUGEPAGE)`, which the default `madvise` THP mode requires). A table read at
/// random, such as the state store's index, then takes one page fault and one TLB entry per
/// 2 MiB instead of 512 of each.

#include <cstddef>
#include <cstdlib>
#include <memory>

namespace ilv {

/// Releases memory from `allocate_huge`.
struct HugeFree {
    /// Frees `p` (null is fine).
    void operator()(void* p) const noexcept { std::free(p); }
};

/// An array from `allocate_huge`.
template <class T>
using HugeArray = std::unique_ptr<T[], HugeFree>;

/// `bytes` bytes, uninitialised: 2 MiB-aligned and advised to use huge pages when at least
/// 2 MiB, else plain. Throws std::bad_alloc.
[[nodiscard]] void* allocate_huge_bytes(std::size_t bytes);

/// `count` uninitialised values of the trivial type `T`, as `allocate_huge_bytes` places them.
template <class T>
[[nodiscard]] HugeArray<T> allocate_huge(std::size_t count) {
    return HugeArray<T>(static_cast<T*>(allocate_huge_bytes(count * sizeof(T))));
}

} // namespace ilv
