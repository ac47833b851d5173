#include "model/load.hpp"

#include "model/parser.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace ilv {

LoadResult load_model_text(std::string text, std::string path, const Overrides& overrides) {
    LoadResult result;
    result.path = std::move(path);
    result.text = std::move(text);
    const ast::Model syntax = parse_model(result.text, result.diagnostics);
    if (result.diagnostics.has_errors()) {
        return result;
    }
    result.model = compile_model(syntax, overrides, result.diagnostics);
    return result;
}

bool read_model_source(const std::string& path, std::string& text, Diagnostics& diagnostics) {
    // The diagnostic is rendered after the path, so the message does not repeat it.
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        diagnostics.error({}, code::cannot_read, "cannot read: is a directory");
        return false;
    }
    errno = 0;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        diagnostics.error({}, code::cannot_read,
                          std::string("cannot read: ") + std::strerror(errno));
        return false;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) {
        diagnostics.error({}, code::cannot_read,
                          std::string("cannot read: ") + std::strerror(errno));
        return false;
    }
    text = buffer.str();
    return true;
}

LoadResult load_model_file(const std::string& path, const Overrides& overrides) {
    LoadResult result;
    std::string text;
    if (!read_model_source(path, text, result.diagnostics)) {
        result.path = path;
        return result;
    }
    return load_model_text(std::move(text), path, overrides);
}

} // namespace ilv
