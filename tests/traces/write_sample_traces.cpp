// Writes one sample trace of every shape (invariant, runtime, assert, deadlock, liveness) into
// the directory given as the only argument, for validate_schema.py. Exit 0 on success, 1 on
// a write error, 2 on wrong usage.

#include "tests/traces/sample_traces.hpp"
#include "traces/trace_json.hpp"

#include <iostream>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: write_sample_traces DIR\n";
        return 2;
    }
    const std::filesystem::path dir = argv[1];
    const ilv::Trace samples[] = {ilv::test::invariant_sample(), ilv::test::runtime_sample(),
                                  ilv::test::assert_sample(), ilv::test::deadlock_sample(),
                                  ilv::test::lasso_sample()};
    for (const ilv::Trace& trace : samples) {
        std::string error;
        if (!ilv::write_trace_file(dir / (trace.property.kind + ".trace.json"), trace, error)) {
            std::cerr << "write_sample_traces: " << error << '\n';
            return 1;
        }
    }
    return 0;
}
