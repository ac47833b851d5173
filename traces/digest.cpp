#include "traces/digest.hpp"

#include <cstdint>

namespace ilv {

std::string model_digest(std::string_view text) {
    constexpr std::uint64_t offset_basis = 0xcbf29ce484222325ULL;
    constexpr std::uint64_t prime = 0x100000001b3ULL;
    std::uint64_t hash = offset_basis;
    for (const char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= prime;
    }
    static constexpr char digits[] = "0123456789abcdef";
    std::string out(16, '0');
    for (std::size_t i = 0; i < 16; ++i) {
        out[15 - i] = digits[hash & 0xfU];
        hash >>= 4U;
    }
    return out;
}

} // namespace ilv
