# Browser test of the HTML counterexample view: Debian's headless chromium driven by
# playwright-core (both installed by tests/browser/run.sh when missing). Screenshots land in
# the build tree (browser/*.png). Exclude with -LE browser.
add_test(NAME browser/viewer
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/browser/run.sh $<TARGET_FILE:interleave>
          ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/browser)
set_tests_properties(browser/viewer PROPERTIES LABELS browser TIMEOUT 400 RESOURCE_LOCK chromium)
