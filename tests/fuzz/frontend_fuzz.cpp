/// \file
/// libFuzzer entry point for the model front end: any byte string must come back as a model
/// plus diagnostics, never as a crash, hang, sanitizer report or out-of-text location.

#include "model/invariant.hpp"
#include "model/parser.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

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

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    ilv::Diagnostics diags;
    const ilv::ast::Model model = ilv::parse_model(text, diags);
    check_locations(diags, text);
    ILV_ASSERT(diags.has_errors() || !model.name.text.empty(), "clean parse without a name");
    (void)ilv::render_all(diags, "fuzz.ilv", text);
    return 0;
}
