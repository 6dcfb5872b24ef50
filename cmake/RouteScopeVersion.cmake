# Generates routescope_version.h with the app version and the git revision of the source tree.
# Runs at configure time; the configure step re-runs when HEAD moves.
find_package(Git QUIET)
set(ROUTESCOPE_GIT_REVISION "unknown")
if(GIT_FOUND AND EXISTS "${PROJECT_SOURCE_DIR}/.git")
  execute_process(COMMAND "${GIT_EXECUTABLE}" describe --always --dirty --abbrev=12
                  WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
                  OUTPUT_VARIABLE ROUTESCOPE_GIT_REVISION OUTPUT_STRIP_TRAILING_WHITESPACE
                  ERROR_QUIET)
  if(NOT ROUTESCOPE_GIT_REVISION)
    set(ROUTESCOPE_GIT_REVISION "unknown")
  endif()
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/.git/HEAD")
  if(EXISTS "${PROJECT_SOURCE_DIR}/.git/index")
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/.git/index")
  endif()
endif()
configure_file("${CMAKE_CURRENT_LIST_DIR}/routescope_version.h.in"
               "${PROJECT_BINARY_DIR}/generated/routescope_version.h" @ONLY)
