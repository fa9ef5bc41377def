# cmake -DTOOL=path/clausier-hours -DSHELL_NAME=bash|zsh -DOUTPUT=file -P ToolCompletion.cmake
# Writes what `TOOL --completion SHELL_NAME` prints; the file is replaced only when the tool succeeds.
execute_process(COMMAND ${TOOL} --completion ${SHELL_NAME} OUTPUT_VARIABLE script RESULT_VARIABLE code)
if(NOT code EQUAL 0 OR script STREQUAL "")
  message(FATAL_ERROR "${TOOL} --completion ${SHELL_NAME} failed (exit ${code})")
endif()
get_filename_component(dir ${OUTPUT} DIRECTORY)
file(MAKE_DIRECTORY ${dir})
file(WRITE ${OUTPUT}.tmp "${script}")
file(RENAME ${OUTPUT}.tmp ${OUTPUT})
