#pragma once
/// \file
/// The system's reason for a failed write, appended to "interleave: cannot write PATH".

#include <cstring>
#include <string>

namespace ilv::cli {

/// ": Not a directory" and the like for `error_number` (errno), or "" when it is 0, so that a
/// failed write says why without ever printing "Success".
inline std::string io_reason(int error_number) {
    return error_number == 0 ? std::string() : std::string(": ") + std::strerror(error_number);
}

} // namespace ilv::cli
