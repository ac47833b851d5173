# The benchmark executables (bench/); a smoke run keeps them working without costing time.
add_subdirectory(${PROJECT_SOURCE_DIR}/bench ${PROJECT_BINARY_DIR}/bench)
add_test(NAME bench/store_bench_smoke COMMAND store_bench 20)
