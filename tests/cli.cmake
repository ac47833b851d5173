# End-to-end tests of the command line (exit codes, outputs, trace files, replay).
add_test(NAME cli/end_to_end
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/cli_test.sh $<TARGET_FILE:interleave> ${PROJECT_SOURCE_DIR})

# --threads gives the same summary and byte-identical traces as one thread, on every model.
add_test(NAME cli/threads_same_answers
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/threads_test.sh $<TARGET_FILE:interleave> ${PROJECT_SOURCE_DIR})

# The README's first command compares the md verdicts with the model's own predictions.
add_test(NAME cli/md_predictions
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/md_predictions_test.sh $<TARGET_FILE:interleave> ${PROJECT_SOURCE_DIR})

# Several models, --json, --junit and --sarif: the reports parsed and checked against the
# summary, the trace files and `interleave explain`.
add_test(NAME cli/ci_reports
  COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/cli/ci_reports_test.py $<TARGET_FILE:interleave> ${PROJECT_SOURCE_DIR})

# The same models and options give byte-identical summaries (resources aside), traces, JUnit
# (time aside) and SARIF, run after run and with --threads 2.
add_test(NAME cli/reproducible
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/reproducible.sh $<TARGET_FILE:interleave> ${PROJECT_SOURCE_DIR})

# Coverage, progress on stderr, clean stops on SIGINT/SIGTERM and --memory-limit.
add_test(NAME cli/runs
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/runs_test.sh $<TARGET_FILE:interleave> ${PROJECT_SOURCE_DIR})
set_tests_properties(cli/runs PROPERTIES TIMEOUT 900) # about 4 min under ASan on a loaded machine
