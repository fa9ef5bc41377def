# Shell completion for bash and zsh, made at build time from the tools themselves (each tool prints its
# script: `clausier-hours --completion bash`, tools/common/completion.cpp; the umbrella's comes from
# `clausier --help`), installed where bash-completion and zsh look for them. docs/packaging.md.
set(CLAUSIER_COMPLETION_DIR ${CMAKE_BINARY_DIR}/completions)
set(clausier_completion_files)
foreach(tool IN LISTS CLAUSIER_TOOLS)
  set(bash_file ${CLAUSIER_COMPLETION_DIR}/bash/${tool})
  set(zsh_file ${CLAUSIER_COMPLETION_DIR}/zsh/_${tool})
  foreach(shell bash zsh)
    if(tool STREQUAL "clausier")
      set(template ${PROJECT_SOURCE_DIR}/cmake/completion/clausier.bash.in)
      if(shell STREQUAL "zsh")
        set(template ${PROJECT_SOURCE_DIR}/cmake/completion/_clausier.zsh.in)
      endif()
      add_custom_command(OUTPUT ${${shell}_file}
        COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/cmake/umbrella_completion.py --exe $<TARGET_FILE:clausier>
                --shell ${shell} --template ${template} --output ${${shell}_file}
        DEPENDS clausier ${template} ${PROJECT_SOURCE_DIR}/cmake/umbrella_completion.py ${PROJECT_SOURCE_DIR}/cmake/clihelp.py
        COMMENT "Completion ${shell} de clausier" VERBATIM)
    else()
      add_custom_command(OUTPUT ${${shell}_file}
        COMMAND ${CMAKE_COMMAND} -DTOOL=$<TARGET_FILE:${tool}> -DSHELL_NAME=${shell} -DOUTPUT=${${shell}_file}
                -P ${PROJECT_SOURCE_DIR}/cmake/ToolCompletion.cmake
        DEPENDS ${tool} ${PROJECT_SOURCE_DIR}/cmake/ToolCompletion.cmake
        COMMENT "Completion ${shell} de ${tool}" VERBATIM)
    endif()
  endforeach()
  list(APPEND clausier_completion_files ${bash_file} ${zsh_file})
  install(FILES ${bash_file} DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
  install(FILES ${zsh_file} DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
endforeach()
add_custom_target(completions ALL DEPENDS ${clausier_completion_files})
