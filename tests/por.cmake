# Partial-order reduction (`check --por`, docs/por.md), ctest label `por`.
# Unit tests: hand-counted reduced state spaces and the qualifying steps.
add_test(NAME por/unit COMMAND unit_tests "-tc=unit: por*")
# Every corpus model and variant: the verdicts of the full search, fewer or equal states,
# replayable traces, the same answers with --threads 2 and depth-first.
add_test(NAME por/corpus
  COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/por/por_check.py $<TARGET_FILE:interleave>
          corpus ${PROJECT_SOURCE_DIR})
# The same on 100 seeded random models (bench/por_random.sh runs more).
add_test(NAME por/random
  COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/por/por_check.py $<TARGET_FILE:interleave>
          random $<TARGET_FILE:random_model> 1 100)
# The scripts run each model four times (about 30 s each in Release; an ASan build on a busy
# machine takes several minutes).
set_tests_properties(por/unit por/corpus por/random PROPERTIES LABELS por TIMEOUT 1200)
