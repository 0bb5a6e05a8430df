# Helpers shared by the onoma targets.

# onoma_apply_settings(target): warnings and sanitizers, PRIVATE.
function(onoma_apply_settings target)
  target_link_libraries(${target} PRIVATE onoma_warnings onoma_sanitize)
endfunction()

# onoma_add_test(name SOURCES a.cc b.cc LIBS x y)
# Adds one GoogleTest binary and registers each of its tests with CTest.
# Tests learn where the shared corpora live through ONOMA_SHARED_DIR and
# where their golden files live through ONOMA_TEST_DATA_DIR.
function(onoma_add_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} onoma_test_support
                        GTest::gtest GTest::gtest_main)
  onoma_apply_settings(${name})
  gtest_discover_tests(${name}
    TEST_PREFIX "${name}."
    DISCOVERY_TIMEOUT 60
    PROPERTIES ENVIRONMENT
      "ONOMA_SHARED_DIR=${ONOMA_SHARED_DIR};ONOMA_LOCALEDIR=${ONOMA_BUILD_LOCALEDIR}")
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
