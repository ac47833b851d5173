# Command-line tests of `interleave view` and `interleave graph` (the graph one needs Graphviz's
# `dot`, which tests/graph/check_graph.sh installs when missing).
add_test(NAME view/cli COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/view/check_view.sh
         $<TARGET_FILE:interleave> ${PROJECT_SOURCE_DIR})
add_test(NAME graph/dot COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/graph/check_graph.sh
         $<TARGET_FILE:interleave> ${PROJECT_SOURCE_DIR})
set_tests_properties(view/cli graph/dot PROPERTIES LABELS viewer TIMEOUT 120)
