# The bad-input corpus (tests/bad-input/README.md): one ctest per case file, run by
# run_case.py, which compares the exit code and the exact diagnostics the case states.
find_package(Python3 COMPONENTS Interpreter REQUIRED)
file(GLOB_RECURSE bad_input_cases CONFIGURE_DEPENDS
  ${CMAKE_CURRENT_SOURCE_DIR}/bad-input/*.ilv
  ${CMAKE_CURRENT_SOURCE_DIR}/bad-input/*.case)
foreach(case ${bad_input_cases})
  file(RELATIVE_PATH rel ${CMAKE_CURRENT_SOURCE_DIR}/bad-input ${case})
  if(rel MATCHES "/models/")
    continue() # models used by other cases, not cases themselves
  endif()
  add_test(NAME bad-input/${rel}
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/bad-input/run_case.py
            $<TARGET_FILE:interleave> ${case})
  set_tests_properties(bad-input/${rel} PROPERTIES LABELS bad-input)
endforeach()

# Every code of docs/errors.md is expected by at least one case.
add_test(NAME bad-input/every_code_has_a_case
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/bad-input/check_codes.py ${PROJECT_SOURCE_DIR})
set_tests_properties(bad-input/every_code_has_a_case PROPERTIES LABELS bad-input)
