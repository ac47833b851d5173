# Turns the viewer's page, stylesheet and script into a C++ header (run by CMake at build time
# with -DSOURCE_DIR=... -DOUTPUT=...), so the HTML view can write a self-contained file while
# the assets stay ordinary .html/.css/.js sources. The bytes become an array of numbers, so no
# content can end a literal and no string-length limit applies.
function(ilv_embed_asset var file)
  file(READ ${file} hex HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  string(REPEAT "0x[0-9a-f][0-9a-f]," 20 twenty)
  string(REGEX REPLACE "(${twenty})" "\\1\n    " bytes "${bytes}")
  set(${var} "/// The bytes of ${file}.
inline constexpr unsigned char ${var}_bytes[] = {
    ${bytes}};
/// ${file} as text.
inline std::string_view ${var}() {
    return {reinterpret_cast<const char*>(${var}_bytes), sizeof ${var}_bytes};
}
" PARENT_SCOPE)
endfunction()

ilv_embed_asset(page ${SOURCE_DIR}/viewer.html)
ilv_embed_asset(css ${SOURCE_DIR}/viewer.css)
ilv_embed_asset(js ${SOURCE_DIR}/viewer.js)
file(WRITE ${OUTPUT}.tmp "// Generated from traces/viewer/ by embed_assets.cmake; do not edit.
#pragma once
#include <string_view>

/// The assets of the HTML counterexample view.
namespace ilv::viewer_assets {
${page}${css}${js}} // namespace ilv::viewer_assets
")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUTPUT}.tmp)
