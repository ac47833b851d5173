# SPIN cross-check of `interleave export promela`: for every model in specs/ and tests/corpus/spin/
# (the regressions the differential tests found), with each of its `// expect-with: -D`
# variants, SPIN's "states, stored" on the export (pan -E, -DNOREDUCE)
# must equal our state count, and SPIN must report exactly the properties we find violated.
# Needs spin and gcc; skipped (exit code 77) without them. Exclude with -LE spin.
file(GLOB spin_export_models CONFIGURE_DEPENDS
  ${PROJECT_SOURCE_DIR}/specs/examples/*.ilv
  ${PROJECT_SOURCE_DIR}/specs/md/*.ilv
  ${PROJECT_SOURCE_DIR}/tests/corpus/spin/*.ilv)
foreach(model ${spin_export_models})
  file(RELATIVE_PATH rel ${PROJECT_SOURCE_DIR} ${model})
  add_test(NAME spin/export/${rel}
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/spin/compare_export.sh --variants
      $<TARGET_FILE:interleave> ${model})
  set_tests_properties(spin/export/${rel} PROPERTIES LABELS spin SKIP_RETURN_CODE 77 TIMEOUT 600)
endforeach()

# Differential testing on random models (tests/spin/random_model.cpp): a sample of 20 seeds
# here; bench/spin_random.sh runs 500 or more.
add_executable(random_model ${CMAKE_CURRENT_SOURCE_DIR}/spin/random_model.cpp)
target_link_libraries(random_model PRIVATE ilv_warnings)
add_test(NAME spin/random_sample
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/spin/random_differential.sh
    $<TARGET_FILE:interleave> $<TARGET_FILE:random_model> 1 20)
set_tests_properties(spin/random_sample PROPERTIES LABELS spin SKIP_RETURN_CODE 77 TIMEOUT 600)

# The filter lock benchmark's counts against its hand-written twin (small N; compare_spin.sh
# compares N = 6 on every run).
add_test(NAME spin/twins/filter_lock
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/spin/check_twins.sh ${PROJECT_SOURCE_DIR}/bench/models/filter_lock.ilv)
set_tests_properties(spin/twins/filter_lock PROPERTIES LABELS spin SKIP_RETURN_CODE 77 TIMEOUT 300)
