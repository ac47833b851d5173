# One ctest per model file: corpus_runner compares `interleave check` with the file's
# `// expect:` lines (and replays every counterexample it writes).
add_executable(corpus_runner ${CMAKE_CURRENT_SOURCE_DIR}/corpus_runner.cpp)
target_link_libraries(corpus_runner PRIVATE ilv_warnings nlohmann_json::nlohmann_json)
file(GLOB corpus_models CONFIGURE_DEPENDS
  ${PROJECT_SOURCE_DIR}/specs/examples/*.ilv
  ${PROJECT_SOURCE_DIR}/specs/md/*.ilv
  ${PROJECT_SOURCE_DIR}/tests/corpus/*/*.ilv)
foreach(model ${corpus_models})
  file(RELATIVE_PATH rel ${PROJECT_SOURCE_DIR} ${model})
  add_test(NAME corpus/${rel} COMMAND corpus_runner $<TARGET_FILE:interleave> ${model})
  set_tests_properties(corpus/${rel} PROPERTIES LABELS corpus)
endforeach()
