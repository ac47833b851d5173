#include "model/diagnostics.hpp"

#include <algorithm>
#include <string>

namespace ilv {

void Diagnostics::error(SourceRange range, std::string_view code, std::string message) {
    ++error_count_;
    if (error_count_ == max_errors + 1) {
        items_.push_back({Severity::Error,
                          range,
                          std::string(code::too_many_errors),
                          "too many errors; stopping here",
                          {}});
        return;
    }
    if (error_count_ > max_errors) {
        return;
    }
    items_.push_back({Severity::Error, range, std::string(code), std::move(message), {}});
}

void Diagnostics::error_with_note(SourceRange range, std::string_view code, std::string message,
                                  SourceRange note_range, std::string note) {
    error(range, code, std::move(message));
    if (error_count_ <= max_errors) {
        items_.back().notes.push_back({Severity::Note, note_range, "", std::move(note), {}});
    }
}

void Diagnostics::warning(SourceRange range, std::string_view code, std::string message) {
    items_.push_back({Severity::Warning, range, std::string(code), std::move(message), {}});
}

void Diagnostics::note(SourceRange range, std::string message) {
    items_.push_back({Severity::Note, range, "", std::move(message), {}});
}

void Diagnostics::sort_by_position() {
    std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
        const SourceLoc& x = a.range.begin;
        const SourceLoc& y = b.range.begin;
        return x.line != y.line ? x.line < y.line : x.column < y.column;
    });
}

namespace {

std::string_view severity_word(Severity s) {
    switch (s) {
    case Severity::Error:
        return "error";
    case Severity::Warning:
        return "warning";
    case Severity::Note:
        return "note";
    }
    return "error";
}

/// The line of `text` that contains byte `offset`, without its line ending.
std::string_view line_at(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    std::size_t begin = offset;
    while (begin > 0 && !ends_line(text, begin - 1)) {
        --begin;
    }
    std::size_t end = begin;
    while (end < text.size() && !ends_line(text, end)) {
        ++end;
    }
    std::string_view line = text.substr(begin, end - begin);
    if (!line.empty() && line.back() == '\r') {
        line.remove_suffix(1);
    }
    return line;
}

/// Replaces control bytes and non-ASCII bytes so the excerpt stays one readable line.
std::string printable(std::string_view line) {
    std::string out;
    out.reserve(std::min<std::size_t>(line.size(), 200));
    for (char c : line.substr(0, 200)) {
        const auto u = static_cast<unsigned char>(c);
        out.push_back(c == '\t' ? ' ' : (u < 0x20 || u >= 0x7f) ? '?' : c);
    }
    return out;
}

/// The part of a source line an excerpt shows: at most 200 columns of it, starting early
/// enough that column `col` (0-based) is shown, with "..." where the left part was cut off.
struct Excerpt {
    std::string text;
    std::size_t caret = 0; ///< where column `col` lies in `text`
};

Excerpt excerpt_of(std::string_view line, std::size_t col) {
    constexpr std::size_t shown = 200;
    constexpr std::size_t left_context = 100;
    const std::size_t first = col + 10 < shown ? 0 : col - left_context;
    Excerpt e;
    e.text = first == 0 ? "" : "...";
    e.caret = e.text.size() + (col - first);
    e.text += printable(line.substr(std::min(first, line.size())));
    return e;
}

void render_excerpt(std::string& out, const Diagnostic& d, std::string_view text) {
    const SourceLoc& b = d.range.begin;
    if (b.line == 0 || text.empty()) {
        return;
    }
    const std::size_t source_col = b.column == 0 ? 0 : b.column - 1;
    const Excerpt shown = excerpt_of(line_at(text, b.offset), source_col);
    const std::string& line = shown.text;
    const std::string number = std::to_string(b.line);
    out += ' ' + std::string(std::max<std::size_t>(number.size(), 4) - number.size(), ' ') +
           number + " | " + line + '\n';
    out += ' ' + std::string(std::max<std::size_t>(number.size(), 4), ' ') + " | ";
    const std::size_t col = shown.caret;
    std::size_t width = 1;
    if (d.range.end.line == b.line && d.range.end.column > b.column) {
        width = d.range.end.column - b.column;
    }
    if (col >= line.size()) {
        width = 1;
    } else {
        width = std::min(width, line.size() - col);
    }
    out += std::string(std::min(col, line.size()), ' ') + '^' + std::string(width - 1, '~') + '\n';
}

} // namespace

std::string render(const Diagnostic& d, std::string_view file_name, std::string_view text) {
    std::string out(file_name);
    if (d.range.begin.line != 0) {
        out +=
            ':' + std::to_string(d.range.begin.line) + ':' + std::to_string(d.range.begin.column);
    }
    out += ": ";
    out += severity_word(d.severity);
    out += ": " + d.message;
    if (!d.code.empty()) {
        out += " [" + d.code + "]";
    }
    out += '\n';
    render_excerpt(out, d, text);
    for (const Diagnostic& note : d.notes) {
        out += render(note, file_name, text);
    }
    return out;
}

std::string render_all(const Diagnostics& diags, std::string_view file_name,
                       std::string_view text) {
    std::string out;
    for (const Diagnostic& d : diags.all()) {
        out += render(d, file_name, text);
    }
    return out;
}

} // namespace ilv
