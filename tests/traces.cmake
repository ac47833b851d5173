# Trace schema check: write_sample_traces writes one trace of every shape with
# write_trace_file, and validate_schema.py (Debian's python3-jsonschema, hence /usr/bin/python3)
# validates them against traces/trace.schema.json and checks that corrupted copies are rejected.
add_executable(write_sample_traces ${CMAKE_CURRENT_SOURCE_DIR}/traces/write_sample_traces.cpp)
target_include_directories(write_sample_traces PRIVATE ${PROJECT_SOURCE_DIR}
  ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(write_sample_traces PRIVATE ilv_traces ilv_model ilv_warnings)
add_test(NAME traces/schema
  COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/traces/validate_schema.py
          $<TARGET_FILE:write_sample_traces> ${PROJECT_SOURCE_DIR}/traces/trace.schema.json)
