# The unit tests also cover the progress lines, which live in cli/ as plain functions.
# (The coverage text and JSON are in the ilv_cli_reports library the unit tests link.)
target_sources(unit_tests PRIVATE ${PROJECT_SOURCE_DIR}/cli/progress.cpp)
