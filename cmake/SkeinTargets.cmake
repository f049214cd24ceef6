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
  if(SKEIN_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(SKEIN_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer
                                             -fno-sanitize-recover=undefined)
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

# skein_test(<name> SOURCES ... DEPENDS ...): a Catch2 executable whose test cases CTest
# discovers one by one.
function(skein_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPENDS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE skein_test_main ${ARG_DEPENDS})
  target_compile_definitions(${name} PRIVATE
    SKEIN_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    SKEIN_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared"
    SKEIN_BINARY="$<$<TARGET_EXISTS:skein>:$<TARGET_FILE:skein>>")
  skein_target_defaults(${name})
  catch_discover_tests(${name} TEST_PREFIX "${name}:" PROPERTIES TIMEOUT 600)
endfunction()
