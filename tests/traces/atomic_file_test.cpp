// Whole-file atomic writes (traces/atomic_file): the target appears complete or not at all.
#include "traces/atomic_file.hpp"

#include <algorithm>
#include <atomic>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

#include <doctest/doctest.h>

namespace fs = std::filesystem;

namespace {

/// A fresh empty directory, removed with its contents.
struct Scratch {
    fs::path dir;

    Scratch() {
        static std::atomic<int> n{0};
        dir = fs::temp_directory_path() /
              ("ilv-atomic-test-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
        fs::create_directories(dir);
    }

    ~Scratch() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }

    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;
    Scratch(Scratch&&) = delete;
    Scratch& operator=(Scratch&&) = delete;
};

std::vector<std::string> names(const fs::path& dir) {
    std::vector<std::string> out;
    for (const fs::directory_entry& e : fs::directory_iterator(dir)) {
        out.push_back(e.path().filename().string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

TEST_CASE("unit: atomic_file: writes, replaces and leaves only the target") {
    const Scratch s;
    const fs::path target = s.dir / "report.json";
    std::string error;
    REQUIRE_MESSAGE(ilv::write_file_atomically(target, "first version, longer\n", error), error);
    REQUIRE_MESSAGE(ilv::write_file_atomically(target, "second\n", error), error);
    CHECK(read(target) == "second\n");
    CHECK(names(s.dir) == std::vector<std::string>{"report.json"});
}

TEST_CASE("unit: atomic_file: creates parents only on request") {
    const Scratch s;
    const fs::path target = s.dir / "a" / "b" / "out.txt";
    std::string error;
    CHECK(!ilv::write_file_atomically(target, "x", error));
    CHECK(error.find("cannot write") != std::string::npos);
    CHECK(names(s.dir).empty());
    REQUIRE_MESSAGE(ilv::write_file_atomically(target, "x", error, true), error);
    CHECK(read(target) == "x");
}

TEST_CASE("unit: atomic_file: a directory in the way is left alone, with no temporary") {
    const Scratch s;
    const fs::path target = s.dir / "occupied";
    fs::create_directories(target / "inside");
    std::string error;
    CHECK(!ilv::write_file_atomically(target, "text", error));
    CHECK(error.rfind("cannot write " + target.string() + ": ", 0) == 0); // not the temporary
    CHECK(names(s.dir) == std::vector<std::string>{"occupied"});
    CHECK(fs::is_directory(target / "inside"));
}

TEST_CASE("unit: atomic_file: a pipe is written in place, never renamed over") {
    const Scratch s;
    const fs::path fifo = s.dir / "pipe";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK); // lets the writer open
    REQUIRE(reader >= 0);
    std::string error;
    CHECK_MESSAGE(ilv::write_file_atomically(fifo, "through the pipe", error), error);
    char buf[64] = {};
    const ssize_t n = ::read(reader, buf, sizeof buf);
    ::close(reader);
    CHECK(std::string(buf, n > 0 ? static_cast<std::size_t>(n) : 0) == "through the pipe");
    CHECK(fs::is_fifo(fifo));
    CHECK(names(s.dir) == std::vector<std::string>{"pipe"});
}

TEST_CASE("unit: atomic_file: temporary names are hidden, in the same directory, unique") {
    const fs::path a = ilv::temporary_path("/x/y/t.json");
    const fs::path b = ilv::temporary_path("/x/y/t.json");
    CHECK(a.parent_path() == "/x/y");
    CHECK(a.filename().string().rfind(".t.json.tmp-", 0) == 0);
    CHECK(a != b);
}
