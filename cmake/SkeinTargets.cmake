# skein_target_defaults(<target>): the warning, -Werror and sanitizer settings every Skein
# target shares. Applied per target, never as global flags.
function(skein_target_defaults target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                                           -Wno-sign-conversion -Wnon-virtual-dtor)
  # GCC 12 reports -Wrestrict for "literal" + std::string at -O2/-O3 (GCC bug 105329, a false
  # positive in libstdc++'s inlined insert); it would make -Werror builds fail at random.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
  # Clang warns where RapidJSON 1.1.0's iterators meet C++20's reversed comparison operators
  # (its operator!= is a member template); the comparison is unambiguous and RapidJSON's own.
  if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    target_compile_options(${target} PRIVATE -Wno-ambiguous-reversed-operator)
  endif()
  if(SKEIN_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(SKEIN_SANITIZE)
    # Every UBSan check is fatal except pointer-overflow, which stays recoverable so that
    # tests/sanitizer/ubsan.supp can silence RapidJSON 1.1.0's one known case (suppressions
    # only apply to recoverable checks; UBSAN_OPTIONS=halt_on_error=1 stops on any other).
    # -g1: line numbers in the reports, at a fraction of full debug info's build time.
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer
                                             -g1 -fno-sanitize-recover=undefined
                                             -fsanitize-recover=pointer-overflow)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
endfunction()

# skein_module(<name> SOURCES ... DEPENDS ...): one static library per folder under src/,
# named skein_<name>, with src/ as its public include root ("core/Document.h").
function(skein_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPENDS;PRIVATE_DEPENDS" ${ARGN})
  add_library(skein_${name} STATIC ${ARG_SOURCES})
  target_include_directories(skein_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(skein_${name} PUBLIC ${ARG_DEPENDS} PRIVATE ${ARG_PRIVATE_DEPENDS})
  skein_target_defaults(skein_${name})
endfunction()

# skein_test(<name> SOURCES ... DEPENDS ... [PRECISE_LEAKS <suppressions file>]): a Catch2
# executable whose test cases CTest discovers one by one. Under SKEIN_SANITIZE, PRECISE_LEAKS
# runs it with full malloc stacks (slow) and that narrower LeakSanitizer suppressions file
# instead of tests/sanitizer/lsan.supp, whose Graphviz entries must match by library.
function(skein_test name)
  cmake_parse_arguments(ARG "" "PRECISE_LEAKS" "SOURCES;DEPENDS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE skein_test_main ${ARG_DEPENDS})
  target_compile_definitions(${name} PRIVATE
    SKEIN_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    SKEIN_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared"
    SKEIN_BINARY="$<$<TARGET_EXISTS:skein>:$<TARGET_FILE:skein>>")
  skein_target_defaults(${name})
  set(properties TIMEOUT 600)
  if(SKEIN_SANITIZE AND ARG_PRECISE_LEAKS)
    list(APPEND properties ENVIRONMENT
         "LSAN_OPTIONS=suppressions=${ARG_PRECISE_LEAKS}:print_suppressions=0:fast_unwind_on_malloc=0")
  endif()
  catch_discover_tests(${name} TEST_PREFIX "${name}:" PROPERTIES ${properties})
endfunction()
