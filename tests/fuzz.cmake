# Fuzzing is opt-in: configure with -DILV_FUZZ=ON and clang (see tests/fuzz/run.sh).
if(ILV_FUZZ)
  add_subdirectory(${CMAKE_CURRENT_LIST_DIR}/fuzz ${CMAKE_CURRENT_BINARY_DIR}/fuzz)
endif()
