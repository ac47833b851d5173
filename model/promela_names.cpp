#include "model/promela_writer.hpp"

#include <array>
#include <limits>
#include <string_view>

namespace ilv::promela {

namespace {

/// Promela keywords, C keywords (Promela names become C struct fields in pan.c), and the
/// object-like macros that pan.h defines in lower case.
constexpr std::array<std::string_view, 105> reserved_words{
    "active", "assert", "atomic", "bit", "bool", "break", "byte", "c_code", "c_decl", "c_expr",
    "c_state", "c_track", "chan", "d_proctype", "d_step", "do", "else", "empty", "enabled",
    "eval", "false", "fi", "for", "full", "get_priority", "goto", "hidden", "if", "in", "init",
    "inline", "int", "len", "local", "ltl", "mtype", "nempty", "never", "nfull", "notrace", "np_",
    "od", "of", "pc_value", "pid", "print", "printf", "printm", "priority", "proctype",
    "provided", "run", "select", "set_priority", "short", "show", "skip", "timeout", "trace",
    "true", "typedef", "unless", "unsigned", "xr", "xs", "always", "eventually", "until",
    "stronguntil", "weakuntil", "release", "implies", "equivalent", "auto", "case", "char",
    "const", "continue", "default", "double", "enum", "extern", "float", "long", "register",
    "return", "signed", "sizeof", "static", "struct", "switch", "union", "void", "volatile",
    "while", "final", "mix", "rot", "uchar", "uint", "ulong", "ushort", "now", "this"};

bool reserved(const std::string& name) {
    for (std::string_view w : reserved_words) {
        if (name == w) {
            return true;
        }
    }
    return name.empty() || name[0] == '_';
}

} // namespace

std::string NameTable::claim(const std::string& wanted) {
    const std::string base = !wanted.empty() && wanted[0] == '_' ? "u" + wanted : wanted;
    std::string name = base;
    for (int k = 1; reserved(name) || taken_.count(name) != 0; ++k) {
        name = base + "_" + std::to_string(k);
    }
    taken_.insert(name);
    return name;
}

std::string promela_type(const detail::DeclType& t) {
    if (t.type.kind == detail::TypeKind::Bool) {
        return "bool";
    }
    if (t.lower >= 0 && t.upper <= 255) {
        return "byte";
    }
    if (t.lower >= -32768 && t.upper <= 32767) {
        return "short";
    }
    if (t.lower >= std::numeric_limits<std::int32_t>::min() &&
        t.upper <= std::numeric_limits<std::int32_t>::max()) {
        return "int";
    }
    return "";
}

std::string par(const std::string& text) {
    bool simple = !text.empty();
    for (char ch : text) {
        const bool word = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                          (ch >= '0' && ch <= '9') || ch == '_';
        simple = simple && word;
    }
    if (simple) {
        return text;
    }
    const std::size_t open = text.find('[');
    if (open != std::string::npos && open > 0 && text.back() == ']' &&
        text.find_first_of(" ()", 0) > open) {
        int brackets = 0;
        bool indexed = true;
        for (std::size_t k = open; k < text.size(); ++k) {
            brackets += text[k] == '[' ? 1 : text[k] == ']' ? -1 : 0;
            indexed = indexed && (brackets > 0 || k + 1 == text.size());
        }
        if (indexed) {
            return text; // name[index]
        }
    }
    int depth = 0;
    bool wrapped = text.front() == '(' && text.back() == ')';
    for (std::size_t k = 0; wrapped && k < text.size(); ++k) {
        depth += text[k] == '(' ? 1 : text[k] == ')' ? -1 : 0;
        wrapped = depth > 0 || k + 1 == text.size();
    }
    return wrapped ? text : "(" + text + ")";
}

std::string conj(const std::string& a, const std::string& b) {
    if (a.empty()) {
        return b;
    }
    if (b.empty()) {
        return a;
    }
    return a + " && " + b;
}

std::string literal(std::int64_t v) {
    return v < 0 ? "(" + std::to_string(v) + ")" : std::to_string(v);
}

} // namespace ilv::promela
