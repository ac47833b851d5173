#include "traces/atomic_file.hpp"

#include <atomic>
#include <cerrno>
#include <fstream>
#include <system_error>
#include <unistd.h>

namespace ilv {

namespace {

/// Writes `text` to `path` (truncating); false with `error` set on failure, naming `target`
/// (the file the user asked for, not the temporary name it is written under).
bool write_whole(const std::filesystem::path& path, const std::filesystem::path& target,
                 std::string_view text, std::string& error) {
    errno = 0;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.close();
    if (!out) {
        error = "cannot write " + target.string() + ": " + std::generic_category().message(errno);
        return false;
    }
    return true;
}

/// Creates the parent directories of `path`; false with `error` set on failure.
bool create_parents_of(const std::filesystem::path& path, std::string& error) {
    std::error_code ec;
    if (path.has_parent_path()) {
        std::filesystem::create_directories(path.parent_path(), ec);
        if (ec) {
            error =
                "cannot create directory '" + path.parent_path().string() + "': " + ec.message();
            return false;
        }
    }
    return true;
}

} // namespace

std::filesystem::path temporary_path(const std::filesystem::path& target) {
    static std::atomic<unsigned> counter{0};
    std::string name = "."; // built by appending: GCC 12 -Wrestrict misfires on `"." + s`
    name += target.filename().string();
    name += ".tmp-";
    name += std::to_string(::getpid());
    name += "-";
    name += std::to_string(counter.fetch_add(1));
    return target.parent_path() / name;
}

bool write_file_atomically(const std::filesystem::path& path, std::string_view text,
                           std::string& error, bool create_parents) {
    if (create_parents && !create_parents_of(path, error)) {
        return false;
    }
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (std::filesystem::is_character_file(status) || std::filesystem::is_block_file(status) ||
        std::filesystem::is_fifo(status) || std::filesystem::is_socket(status)) {
        return write_whole(path, path, text, error); // a device or pipe: never rename over it
    }
    const std::filesystem::path temp = temporary_path(path);
    if (!write_whole(temp, path, text, error)) {
        std::filesystem::remove(temp, ec);
        return false;
    }
    std::filesystem::rename(temp, path, ec);
    if (ec) {
        error = "cannot write " + path.string() + ": " + ec.message();
        std::filesystem::remove(temp, ec);
        return false;
    }
    return true;
}

} // namespace ilv
