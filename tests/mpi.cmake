# check --distributed (docs/distributed.md). With -DILV_MPI=ON: the same answers as one
# process on every model of specs/ under 2 and 4 ranks and on random models under 3 ranks,
# plus its refusals (label `mpi`; run them with `ctest -L mpi`). Without MPI: the option says
# how to get it.
if(ILV_MPI)
  find_program(ILV_MPIRUN NAMES mpirun mpiexec REQUIRED)
  # Loopback only; oversubscribed so that 4 ranks run on a 2-core machine; root in containers.
  set(ilv_mpirun "${ILV_MPIRUN} --oversubscribe --allow-run-as-root --bind-to none")
  foreach(k 2 4)
    add_test(NAME mpi/same_answers_np${k}
      COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/mpi/compare.py $<TARGET_FILE:interleave>
        ${PROJECT_SOURCE_DIR} ${ilv_mpirun} ${k})
  endforeach()
  add_test(NAME mpi/random_models_np3
    COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/mpi/compare.py $<TARGET_FILE:interleave>
      ${PROJECT_SOURCE_DIR} ${ilv_mpirun} 3 --random $<TARGET_FILE:random_model> 20)
  add_test(NAME mpi/refusals_and_limits
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/mpi/refusals.sh $<TARGET_FILE:interleave>
      ${PROJECT_SOURCE_DIR} ${ilv_mpirun})
  # Unit tests of the exchange and the search, run on 3 ranks (tests/mpi/distributed_unit.cpp).
  add_executable(distributed_unit ${CMAKE_CURRENT_SOURCE_DIR}/mpi/distributed_unit.cpp)
  target_include_directories(distributed_unit PRIVATE ${PROJECT_SOURCE_DIR})
  target_link_libraries(distributed_unit PRIVATE ilv_distributed ilv_explorer ilv_properties
    ilv_model ilv_warnings doctest::doctest)
  target_compile_definitions(distributed_unit PRIVATE ILV_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  separate_arguments(ilv_mpirun_list UNIX_COMMAND "${ilv_mpirun}")
  add_test(NAME mpi/unit_np3 COMMAND ${ilv_mpirun_list} -np 3 $<TARGET_FILE:distributed_unit>)
  set_tests_properties(mpi/same_answers_np2 mpi/same_answers_np4 mpi/random_models_np3
    mpi/refusals_and_limits mpi/unit_np3 PROPERTIES LABELS mpi TIMEOUT 1200)
  if(ILV_SANITIZE)
    # Open MPI never frees what its initialisation and plugins allocate (about 120 KB that
    # LeakSanitizer reports at exit, no frame of ours), so leak checking is off for these
    # tests only; AddressSanitizer and UBSan stay on.
    set_tests_properties(mpi/same_answers_np2 mpi/same_answers_np4 mpi/random_models_np3
      mpi/refusals_and_limits mpi/unit_np3 PROPERTIES ENVIRONMENT ASAN_OPTIONS=detect_leaks=0)
  endif()
else()
  add_test(NAME cli/distributed_without_mpi
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/mpi/without_mpi.sh $<TARGET_FILE:interleave>
      ${PROJECT_SOURCE_DIR}/specs/examples/peterson.ilv)
endif()
