# Smoke run of the liveness benchmark model at its smallest size (C = 1: the 645 states of the
# ticket lock), so that the model and its verdicts keep working; bench/liveness_bench.py runs
# the full size by hand. Exit code 1: `enters_forever` is violated by design.
add_test(NAME bench/liveness_smoke
  COMMAND interleave check ${PROJECT_SOURCE_DIR}/bench/models/ticket_liveness.ilv -D C=1
          --trace-dir ${PROJECT_BINARY_DIR}/liveness-smoke-traces)
set_tests_properties(bench/liveness_smoke PROPERTIES
  PASS_REGULAR_EXPRESSION "starvation_free +liveness +holds.*keeps_serving +liveness +holds.*enters_forever +liveness +violated")
