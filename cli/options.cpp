#include "cli/check_command.hpp"

#include <cctype>
#include <charconv>

namespace ilv::cli {

bool parse_define(const std::string& text, std::pair<std::string, std::int64_t>& out) {
    const std::size_t eq = text.find('=');
    if (eq == std::string::npos || eq == 0) {
        return false;
    }
    out.first = text.substr(0, eq);
    const std::string value = text.substr(eq + 1);
    if (value == "true" || value == "false") {
        out.second = value == "true" ? 1 : 0;
        return true;
    }
    const char* end = value.data() + value.size();
    auto [ptr, ec] = std::from_chars(value.data(), end, out.second);
    return ec == std::errc{} && ptr == end && !value.empty();
}

bool parse_size(const std::string& text, std::uint64_t& bytes) {
    if (text.empty()) {
        return false;
    }
    std::uint64_t number = 0;
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, number);
    if (ec != std::errc{} || ptr == text.data()) {
        return false;
    }
    std::uint64_t unit = 1;
    if (ptr != end) {
        const char u = static_cast<char>(std::toupper(static_cast<unsigned char>(*ptr)));
        unit = u == 'K' ? 1ULL << 10 : u == 'M' ? 1ULL << 20 : u == 'G' ? 1ULL << 30 : 0;
        ++ptr;
        if (ptr != end && (*ptr == 'B' || *ptr == 'b' || *ptr == 'i')) {
            ptr += (*ptr == 'i' && ptr + 1 != end) ? 2 : 1;
        }
    }
    if (unit == 0 || ptr != end || number > UINT64_MAX / unit) {
        return false;
    }
    bytes = number * unit;
    return true;
}

} // namespace ilv::cli
