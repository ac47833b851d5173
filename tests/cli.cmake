# End-to-end tests of the command line (exit codes, outputs, trace files, replay).
add_test(NAME cli/end_to_end
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/cli_test.sh $<TARGET_FILE:interleave> ${PROJECT_SOURCE_DIR})

# --threads gives the same summary and byte-identical traces as one thread, on every model.
add_test(NAME cli/threads_same_answers
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/threads_test.sh $<TARGET_FILE:interleave> ${PROJECT_SOURCE_DIR})

# Coverage, progress on stderr, clean stops on SIGINT/SIGTERM and --memory-limit.
add_test(NAME cli/runs
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/runs_test.sh $<TARGET_FILE:interleave> ${PROJECT_SOURCE_DIR})
set_tests_properties(cli/runs PROPERTIES TIMEOUT 900) # about 4 min under ASan on a loaded machine
