# Helpers shared by the onoma targets.

# onoma_apply_settings(target): warnings and sanitizers, PRIVATE.
function(onoma_apply_settings target)
  target_link_libraries(${target} PRIVATE onoma_warnings onoma_sanitize)
endfunction()

# onoma_add_test(name [POSTGRES | POSTGRES_ONLY | POSTGRES_FILTER filter]
#                SOURCES a.cc b.cc LIBS x y)
# Adds one GoogleTest binary and registers each of its tests with CTest.
# Tests learn where the shared corpora live through ONOMA_SHARED_DIR and
# where their golden files live through ONOMA_TEST_DATA_DIR. POSTGRES: the
# binary's tests run a second time with ONOMA_TEST_PG_FILE set (as
# NAME_pg.*), against the throwaway cluster of the ctest fixture onoma_pg
# (tests/support/pg_server.h). POSTGRES_FILTER: only the tests the gtest
# filter names run again. POSTGRES_ONLY: the binary's tests are about
# PostgreSQL and run on it alone.
function(onoma_add_test name)
  cmake_parse_arguments(ARG "POSTGRES;POSTGRES_ONLY" "POSTGRES_FILTER"
                        "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} onoma_test_support
                        GTest::gtest GTest::gtest_main)
  onoma_apply_settings(${name})
  set(env "ONOMA_SHARED_DIR=${ONOMA_SHARED_DIR};ONOMA_LOCALEDIR=${ONOMA_BUILD_LOCALEDIR}")
  # One variable, and the fixture first: gtest_discover_tests splits every
  # property value at its semicolons, so a second variable would be taken
  # for a property's name. Its presence selects PostgreSQL.
  set(pg_props FIXTURES_REQUIRED onoma_pg
      ENVIRONMENT "ONOMA_TEST_PG_FILE=${ONOMA_TEST_PG_FILE}")
  if(ARG_POSTGRES OR ARG_POSTGRES_ONLY OR ARG_POSTGRES_FILTER)
    target_link_libraries(${name} PRIVATE onoma_pg_test_support)
  endif()
  if(ARG_POSTGRES_ONLY)
    gtest_discover_tests(${name}
      TEST_PREFIX "${name}."
      DISCOVERY_TIMEOUT 60
      PROPERTIES ${pg_props})
    return()
  endif()
  gtest_discover_tests(${name}
    TEST_PREFIX "${name}."
    DISCOVERY_TIMEOUT 60
    PROPERTIES ENVIRONMENT "${env}")
  if(ARG_POSTGRES OR ARG_POSTGRES_FILTER)
    # The same tests again (those of POSTGRES_FILTER, a gtest filter), each
    # on a new PostgreSQL database.
    set(filter "*")
    if(ARG_POSTGRES_FILTER)
      set(filter "${ARG_POSTGRES_FILTER}")
    endif()
    gtest_discover_tests(${name}
      TEST_PREFIX "${name}_pg."
      TEST_FILTER "${filter}"
      DISCOVERY_TIMEOUT 60
      PROPERTIES ${pg_props})
  endif()
endfunction()

# onoma_embed_files(OUTPUT out.cc NAMESPACE ns VARIABLE fn FILES ...)
# Generates out.cc defining `std::span<const onoma::EmbeddedFile> ns::fn()`
# over the given files, regenerated whenever one of them changes.
function(onoma_embed_files)
  cmake_parse_arguments(ARG "" "OUTPUT;NAMESPACE;VARIABLE" "FILES" ${ARGN})
  add_custom_command(
    OUTPUT ${ARG_OUTPUT}
    COMMAND onoma_embed_files_tool ${ARG_OUTPUT} ${ARG_NAMESPACE}
            ${ARG_VARIABLE} ${ARG_FILES}
    DEPENDS onoma_embed_files_tool ${ARG_FILES}
    COMMENT "Embedding ${ARG_VARIABLE}"
    VERBATIM)
endfunction()
