#pragma once
/// \file
/// Numbers as people read them in the summary and the progress line, written once so that both
/// show the same figure the same way.

#include <cstdint>
#include <cstdio>
#include <string>

namespace ilv::cli {

/// `v` with `digits` decimals ("0.05", "407563").
[[nodiscard]] inline std::string fixed_text(double v, int digits) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}

/// A byte count in MiB with one decimal, or GiB with two from 1 GiB up ("6.6 MiB", "1.25 GiB").
[[nodiscard]] inline std::string mebibytes_text(std::uint64_t bytes) {
    const double mib = static_cast<double>(bytes) / (1024.0 * 1024.0);
    return mib >= 1024.0 ? fixed_text(mib / 1024.0, 2) + " GiB" : fixed_text(mib, 1) + " MiB";
}

} // namespace ilv::cli
