#pragma once
/// \file
/// Collected diagnostics with stable codes, rendered GCC-style so editors can jump to them:
///
///     peterson.ilv:12:9: error: unknown name 'trun' [E0201]
///        12 |   await trun == 1;
///           |         ^~~~

#include "model/source_location.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ilv {

/// Stable diagnostic codes. The number never changes meaning once released; docs/errors.md
/// lists them. E01xx lexical and syntax, E02xx names, E03xx types, E04xx constants and
/// ranges, E05xx structure, E06xx command line, E07xx export.
namespace code {
inline constexpr std::string_view cannot_read = "E0001";       ///< file missing or unreadable
inline constexpr std::string_view invalid_character = "E0100"; ///< byte not in the language
inline constexpr std::string_view unexpected_token = "E0101";  ///< parser expected something else
inline constexpr std::string_view missing_model = "E0102";     ///< no `model NAME;` first
inline constexpr std::string_view unterminated_comment = "E0103";
inline constexpr std::string_view integer_too_large = "E0104"; ///< literal beyond 2^62
inline constexpr std::string_view nesting_too_deep = "E0105";  ///< expression/statement depth
inline constexpr std::string_view unterminated_string = "E0106";
inline constexpr std::string_view too_many_errors = "E0107"; ///< stop after this many
inline constexpr std::string_view unknown_name = "E0201";
inline constexpr std::string_view duplicate_name = "E0202";
inline constexpr std::string_view unknown_location = "E0203";
inline constexpr std::string_view unknown_step = "E0204";
inline constexpr std::string_view unknown_function = "E0205";
inline constexpr std::string_view unknown_type = "E0206";
inline constexpr std::string_view unknown_member = "E0207"; ///< `p.x` where p has no local x
inline constexpr std::string_view unknown_process = "E0208";
inline constexpr std::string_view type_mismatch = "E0301";
inline constexpr std::string_view not_assignable = "E0302";
inline constexpr std::string_view wrong_argument_count = "E0303";
inline constexpr std::string_view not_an_array = "E0304";
inline constexpr std::string_view array_as_value = "E0305";     ///< whole array used as a scalar
inline constexpr std::string_view not_a_family = "E0306";       ///< indexing a single process
inline constexpr std::string_view family_needs_index = "E0307"; ///< `opener.x` outside the family
inline constexpr std::string_view not_constant = "E0401";
inline constexpr std::string_view empty_range = "E0402";
inline constexpr std::string_view initial_out_of_range = "E0403";
inline constexpr std::string_view constant_index_out_of_bounds = "E0404";
inline constexpr std::string_view constant_division_by_zero = "E0405";
inline constexpr std::string_view initialiser_length = "E0406";
inline constexpr std::string_view constant_overflow = "E0407";
inline constexpr std::string_view range_too_wide = "E0408"; ///< more than 2^32 values
inline constexpr std::string_view array_too_large = "E0409";
inline constexpr std::string_view recursion = "E0501";
inline constexpr std::string_view no_locations = "E0502";
inline constexpr std::string_view state_too_large = "E0503";
inline constexpr std::string_view too_many_actions = "E0504";
inline constexpr std::string_view code_too_large = "E0505";   ///< inlining blew a step up
inline constexpr std::string_view unknown_override = "E0601"; ///< `-D X=1` names no const
inline constexpr std::string_view bad_override = "E0602";     ///< `-D` text is not NAME=INT
inline constexpr std::string_view not_exportable = "E0701";   ///< Promela cannot express it
} // namespace code

/// How serious a diagnostic is; only errors make a load fail.
enum class Severity { Error, Warning, Note };

/// One message about the model text.
struct Diagnostic {
    Severity severity = Severity::Error;
    SourceRange range;
    std::string code;
    std::string message;
    /// Attached notes, e.g. "previous declaration is here", rendered after the main message.
    std::vector<Diagnostic> notes;
};

/// Collects every diagnostic of one file, in the order reported, so that all errors of a file
/// are shown and not only the first. Caps the count so garbage input stays fast.
class Diagnostics {
public:
    /// Most errors kept; past it, one E0107 is recorded and further errors are dropped.
    static constexpr std::size_t max_errors = 50;

    /// Records an error at `range`.
    void error(SourceRange range, std::string_view code, std::string message);
    /// Records an error with one attached note (e.g. the earlier declaration).
    void error_with_note(SourceRange range, std::string_view code, std::string message,
                         SourceRange note_range, std::string note);
    /// Records a warning; warnings do not make a load fail.
    void warning(SourceRange range, std::string_view code, std::string message);
    /// Records a note of its own (context for the errors before it, such as a `-D` value).
    void note(SourceRange range, std::string message);
    /// Orders the diagnostics by position (those without one first), keeping the order of
    /// equal positions: for passes that do not visit the file top to bottom.
    void sort_by_position();

    /// True when at least one error was recorded.
    [[nodiscard]] bool has_errors() const noexcept { return error_count_ > 0; }

    /// Number of errors recorded (capped ones included in the count only as E0107).
    [[nodiscard]] std::size_t error_count() const noexcept { return error_count_; }

    /// Everything recorded, in order.
    [[nodiscard]] const std::vector<Diagnostic>& all() const noexcept { return items_; }

    /// True once the cap was reached; parsers may stop early.
    [[nodiscard]] bool saturated() const noexcept { return error_count_ > max_errors; }

private:
    std::vector<Diagnostic> items_;
    std::size_t error_count_ = 0;
};

/// Renders one diagnostic (and its notes) as `file:line:col: error: message [CODE]`
/// followed by the source line and a caret under the range. `text` is the whole file.
[[nodiscard]] std::string render(const Diagnostic& d, std::string_view file_name,
                                 std::string_view text);

/// Renders every diagnostic of `diags`, each ending in a newline.
[[nodiscard]] std::string render_all(const Diagnostics& diags, std::string_view file_name,
                                     std::string_view text);

} // namespace ilv
