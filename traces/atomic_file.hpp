#pragma once
/// \file
/// Writing a whole file atomically, for every file `interleave` writes (traces, reports, HTML,
/// Promela, DOT): the text goes to a temporary file in the target's directory, which is then
/// renamed over the target. Readers, and a run stopped half way, never leave a partial file.

#include <filesystem>
#include <string>
#include <string_view>

namespace ilv {

/// The temporary name used next to `target` (".NAME.tmp-PID-N"): hidden, unique per process
/// and call, in the same directory so that the final rename stays on one file system.
[[nodiscard]] std::filesystem::path temporary_path(const std::filesystem::path& target);

/// Writes `text` to `path` through a temporary file and a rename. With `create_parents`, the
/// missing parent directories are created first. False with `error` set (one line naming the
/// file) on failure, in which case no temporary file is left behind and `path` is unchanged.
/// An existing `path` that is a device or a pipe (`/dev/stdout`, a FIFO) is written in place.
[[nodiscard]] bool write_file_atomically(const std::filesystem::path& path, std::string_view text,
                                         std::string& error, bool create_parents = false);

} // namespace ilv
