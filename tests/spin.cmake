# SPIN cross-check of the example corpus: every state count that specs/examples/*.ilv takes
# from SPIN (`source=spin:`) is recomputed from its Promela twin in tests/spin/. Needs spin
# and gcc; reported as skipped (exit code 77) when either is missing. Exclude with -LE spin.
add_test(NAME spin/twins COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/spin/check_twins.sh)
set_tests_properties(spin/twins PROPERTIES LABELS spin SKIP_RETURN_CODE 77 TIMEOUT 300)
