# Runs `routescope --demo --out demo.html` with no display and a tiny profile, then checks the
# report: exit 0, the path printed, and both figures of the machine profile embedded.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
execute_process(
  COMMAND ${CMAKE_COMMAND} -E env --unset=DISPLAY --unset=WAYLAND_DISPLAY --unset=QT_QPA_PLATFORM
          HOME=${WORK} XDG_CONFIG_HOME=${WORK}/config XDG_DATA_HOME=${WORK}/data ROUTESCOPE_DB=${WORK}/runs.sqlite
          "ROUTESCOPE_LAUNCHER_OVERRIDES=seconds=0.3;shapes=64x64x64;max_threads=1"
          ${ROUTESCOPE} --demo --out ${WORK}/demo.html
  WORKING_DIRECTORY ${WORK} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 50)
message(STATUS "stdout: ${out}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "routescope --demo exited with ${rc}: ${err}")
endif()
if(NOT out MATCHES "no display" OR NOT out MATCHES "demo.html")
  message(FATAL_ERROR "expected the no-display note and the report path, got: ${out}")
endif()
file(READ ${WORK}/demo.html html)
foreach(figure sgemm-by-size sgemm-by-threads)
  if(NOT html MATCHES "${figure}")
    message(FATAL_ERROR "the report lacks the figure ${figure}")
  endif()
endforeach()
if(NOT html MATCHES "<img|<svg")
  message(FATAL_ERROR "the report embeds no image")
endif()
