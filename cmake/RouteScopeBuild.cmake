# Build conveniences shared by every target.

# ccache makes re-configured and CI rebuilds cheap; it is optional.
find_program(ROUTESCOPE_CCACHE ccache)
if(ROUTESCOPE_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  set(CMAKE_C_COMPILER_LAUNCHER "${ROUTESCOPE_CCACHE}")
  set(CMAKE_CXX_COMPILER_LAUNCHER "${ROUTESCOPE_CCACHE}")
  # Precompiled headers and ccache only cooperate when ccache ignores the PCH timestamps.
  set(ENV{CCACHE_SLOPPINESS} "pch_defines,time_macros,include_file_mtime,include_file_ctime")
endif()

# One place for the warning set, so every target is held to the same bar.
function(routescope_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow=local
                                           -Wnon-virtual-dtor -Wno-unused-parameter)
endfunction()
