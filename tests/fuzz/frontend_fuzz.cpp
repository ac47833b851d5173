/// \file
/// libFuzzer entry point for the model front end: any byte string must come back as a model
/// plus diagnostics, never as a crash, hang, sanitizer report or out-of-text location. A model
/// that compiles is also run for a few states, so the bytecode evaluator is fuzzed too.

#include "model/invariant.hpp"
#include "model/load.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace {

/// Every diagnostic must point into the text, with its begin no later than its end.
void check_locations(const ilv::Diagnostics& diags, std::string_view text) {
    for (const ilv::Diagnostic& d : diags.all()) {
        ILV_ASSERT(d.range.begin.offset <= d.range.end.offset, "diagnostic range reversed");
        ILV_ASSERT(d.range.end.offset <= text.size(), "diagnostic range past the text");
        ILV_ASSERT(d.range.begin.line >= 1 && d.range.begin.column >= 1,
                   "diagnostic without a location");
    }
}

/// Expands up to 64 states breadth-first (no dedup needed for crash finding) and evaluates
/// every invariant on each, checking that successors stay canonical.
void run_a_little(const ilv::CompiledModel& model) {
    const std::size_t words = model.layout().words();
    std::vector<std::vector<ilv::Word>> queue(1, std::vector<ilv::Word>(words, 0));
    model.initial(queue[0]);
    ilv::SuccessorBuffer successors(words);
    ilv::FailureBuffer failures;
    for (std::size_t k = 0; k < queue.size() && k < 64; ++k) {
        const std::vector<ilv::Word> s = queue[k];
        ILV_ASSERT(model.layout().is_canonical(s), "non-canonical state");
        for (const ilv::CompiledInvariant& inv : model.invariants()) {
            std::int64_t value = 0;
            ilv::EvalError error;
            (void)model.evaluate(inv.code, s, value, error);
        }
        successors.clear();
        failures.clear();
        (void)model.successors(s, successors, failures);
        for (std::size_t i = 0; i < successors.size() && queue.size() < 64; ++i) {
            queue.emplace_back(successors.state(i).begin(), successors.state(i).end());
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const ilv::LoadResult loaded = ilv::load_model_text(std::string(text), "fuzz.ilv", {});
    check_locations(loaded.diagnostics, text);
    (void)loaded.rendered();
    if (loaded.model) {
        run_a_little(*loaded.model);
    }
    return 0;
}
