#include "explorer/memory.hpp"

#include <fstream>
#include <string>
#include <unistd.h>

namespace ilv {

std::uint64_t current_rss_bytes() {
    std::ifstream statm("/proc/self/statm");
    std::uint64_t total_pages = 0;
    std::uint64_t resident_pages = 0;
    if (!(statm >> total_pages >> resident_pages)) {
        return 0;
    }
    const long page = sysconf(_SC_PAGESIZE);
    return page > 0 ? resident_pages * static_cast<std::uint64_t>(page) : 0;
}

std::uint64_t peak_rss_bytes() {
    std::ifstream status("/proc/self/status");
    std::string key;
    while (status >> key) {
        if (key == "VmHWM:") {
            std::uint64_t kib = 0;
            return status >> kib ? kib * 1024 : 0;
        }
        status.ignore(1 << 12, '\n');
    }
    return 0;
}

} // namespace ilv
