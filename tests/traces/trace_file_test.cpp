#include "tests/traces/sample_traces.hpp"
#include "traces/trace_json.hpp"

#include <atomic>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include <doctest/doctest.h>

using namespace ilv;
namespace fs = std::filesystem;

namespace {

/// A fresh directory under the system temp dir, removed with everything in it.
class TempDir {
public:
    TempDir() {
        static std::atomic<int> counter{0};
        path_ = fs::temp_directory_path() / ("ilv-trace-file-test-" + std::to_string(::getpid()) +
                                             "-" + std::to_string(counter++));
        fs::create_directories(path_);
    }

    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }

    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    TempDir(TempDir&&) = delete;
    TempDir& operator=(TempDir&&) = delete;

    [[nodiscard]] const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

/// Names of the entries of `dir`, sorted.
std::vector<std::string> entries(const fs::path& dir) {
    std::vector<std::string> names;
    for (const fs::directory_entry& e : fs::directory_iterator(dir)) {
        names.push_back(e.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

std::string file_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

TEST_CASE("trace_file: writes into a new directory and leaves no temporary file") {
    const TempDir dir;
    const fs::path target = dir.path() / "out" / "nested" / "mutex.trace.json";
    const Trace trace = test::invariant_sample();
    std::string error;
    REQUIRE_MESSAGE(write_trace_file(target, trace, error), error);
    CHECK(entries(target.parent_path()) == std::vector<std::string>{"mutex.trace.json"});
    CHECK(file_text(target) == trace_to_json(trace));
    const std::optional<Trace> back = read_trace_file(target, error);
    REQUIRE_MESSAGE(back.has_value(), error);
    CHECK(*back == trace);
}

TEST_CASE("trace_file: replaces an existing trace completely") {
    const TempDir dir;
    const fs::path target = dir.path() / "t.json";
    std::string error;
    REQUIRE(write_trace_file(target, test::runtime_sample(), error));
    const Trace shorter = test::deadlock_sample();
    REQUIRE(write_trace_file(target, shorter, error));
    CHECK(entries(dir.path()) == std::vector<std::string>{"t.json"});
    CHECK(file_text(target) == trace_to_json(shorter));
}

TEST_CASE("trace_file: refuses an invalid trace and writes nothing") {
    const TempDir dir;
    Trace trace = test::invariant_sample();
    trace.initial.pop_back();
    std::string error;
    CHECK_FALSE(write_trace_file(dir.path() / "bad.json", trace, error));
    CHECK(error == "refusing to write an invalid trace to '" + (dir.path() / "bad.json").string() +
                       "': initial: expected 5 values, found 4");
    CHECK(entries(dir.path()).empty());
}

TEST_CASE("trace_file: reports unwritable targets without leaving debris") {
    const TempDir dir;
    std::string error;
    const fs::path blocker = dir.path() / "file";
    std::ofstream(blocker) << "x";
    CHECK_FALSE(write_trace_file(blocker / "t.json", test::invariant_sample(), error));
    CHECK(error.rfind("cannot create directory '" + blocker.string() + "': ", 0) == 0);
    const fs::path occupied = dir.path() / "occupied";
    fs::create_directory(occupied);
    fs::create_directory(occupied / "inside"); // a non-empty directory cannot be renamed over
    CHECK_FALSE(write_trace_file(occupied, test::invariant_sample(), error));
    CHECK(error.rfind("cannot write " + occupied.string() + ": ", 0) == 0); // not the temporary
    CHECK(entries(dir.path()) == std::vector<std::string>{"file", "occupied"});
}

TEST_CASE("trace_file: read errors say why, without repeating the path") {
    const TempDir dir;
    std::string error;
    const fs::path missing = dir.path() / "missing.json";
    CHECK_FALSE(read_trace_file(missing, error).has_value());
    CHECK(error == "cannot read: No such file or directory");
    CHECK_FALSE(read_trace_file(dir.path(), error).has_value());
    CHECK(error == "cannot read: is a directory");
    const fs::path corrupt = dir.path() / "corrupt.json";
    std::ofstream(corrupt) << "{\"format\": \"interleave-trace\"";
    CHECK_FALSE(read_trace_file(corrupt, error).has_value());
    CHECK(error.rfind("invalid JSON: ", 0) == 0);
}
