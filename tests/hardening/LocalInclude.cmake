# Until tests/CMakeLists.txt lists "hardening" among its suites, a build dir can pick this
# suite up by configuring with -DCMAKE_PROJECT_skein_INCLUDE=<this file>: it adds
# tests/hardening (by include(): deferred calls may not add subdirectories) once the rest of the tree (skein, skein_test_main) has been declared.
if(NOT SKEIN_HARDENING_DEFERRED)
  set(SKEIN_HARDENING_DEFERRED ON)
  cmake_language(DEFER DIRECTORY ${CMAKE_SOURCE_DIR} CALL
                 include ${CMAKE_SOURCE_DIR}/tests/hardening/CMakeLists.txt)
endif()
