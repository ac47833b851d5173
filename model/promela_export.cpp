#include "model/promela_export.hpp"

#include "model/load.hpp"
#include "model/parser.hpp"
#include "model/promela_writer.hpp"

namespace ilv {

PromelaResult export_promela_text(std::string text, std::string path, const Overrides& overrides) {
    PromelaResult result;
    result.path = std::move(path);
    result.text = std::move(text);
    const ast::Model syntax = parse_model(result.text, result.diagnostics);
    if (result.diagnostics.has_errors()) {
        return result;
    }
    detail::Compiler compiler(syntax, overrides, result.diagnostics);
    const std::unique_ptr<CompiledModel> model = compiler.run();
    if (!model) {
        return result;
    }
    promela::Writer writer(compiler, *model, result.diagnostics, result.path);
    std::string promela = writer.run();
    result.diagnostics.sort_by_position(); // declarations are checked after the steps
    if (!result.diagnostics.has_errors()) {
        result.promela = std::move(promela);
    }
    return result;
}

PromelaResult export_promela_file(const std::string& path, const Overrides& overrides) {
    PromelaResult result;
    std::string text;
    if (!read_model_source(path, text, result.diagnostics)) {
        result.path = path;
        return result;
    }
    return export_promela_text(std::move(text), path, overrides);
}

} // namespace ilv
