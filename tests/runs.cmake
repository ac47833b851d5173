# The unit tests also cover the formatting parts of the `check` run reports, which live in cli/
# (progress lines, coverage text and JSON); they are plain functions without the executable.
target_sources(unit_tests PRIVATE ${PROJECT_SOURCE_DIR}/cli/progress.cpp
  ${PROJECT_SOURCE_DIR}/cli/coverage_report.cpp)
