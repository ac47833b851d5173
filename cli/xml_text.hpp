#pragma once
/// \file
/// Text made safe for XML 1.0 (the JUnit report): markup characters escaped, bytes that are
/// not UTF-8 and characters XML cannot carry at all replaced, so any model comment or path
/// yields a well-formed document.

#include <string>
#include <string_view>

namespace ilv::cli {

/// `text` as valid UTF-8: every byte that does not start a well-formed sequence (overlong,
/// surrogate, truncated, beyond U+10FFFF) becomes U+FFFD.
[[nodiscard]] std::string repair_utf8(std::string_view text);

/// `text` escaped for XML character data (`attribute` false) or a double- or single-quoted
/// attribute value (`attribute` true): & < > " ' become entities; in attributes tab, line
/// feed and carriage return become character references so that they survive attribute
/// normalisation; other control characters, which XML 1.0 forbids even as references,
/// become the visible text `\xHH`; U+FFFE and U+FFFF become U+FFFD.
[[nodiscard]] std::string xml_escape(std::string_view text, bool attribute);

} // namespace ilv::cli
