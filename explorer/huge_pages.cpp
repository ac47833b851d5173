#include "explorer/huge_pages.hpp"

#include <new>
#include <sys/mman.h>

namespace ilv {

namespace {

constexpr std::size_t huge_page_bytes = std::size_t{2} << 20;

} // namespace

void* allocate_huge_bytes(std::size_t bytes) {
    if (bytes < huge_page_bytes) {
        void* p = std::malloc(bytes == 0 ? 1 : bytes);
        if (p == nullptr) {
            throw std::bad_alloc();
        }
        return p;
    }
    const std::size_t rounded = (bytes + huge_page_bytes - 1) / huge_page_bytes * huge_page_bytes;
    void* p = std::aligned_alloc(huge_page_bytes, rounded);
    if (p == nullptr) {
        throw std::bad_alloc();
    }
    (void)madvise(p, rounded, MADV_HUGEPAGE); // only advice: without it, small pages
    return p;
}

} // namespace ilv
