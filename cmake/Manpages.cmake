# One man page per tool, made at build time from the tool's --help (and its subcommands'), the
# examples and exit codes of docs/<command>.md and docs/man/common.roff (cmake/manpage.py); installed
# gzipped. The pages name the documentation where the Debian package puts it (cmake/Packaging.cmake). tests/cli/man_pages.py fails when an option of a --help is missing from its page.
set(CLAUSIER_MAN_DIR ${CMAKE_BINARY_DIR}/man)
set(clausier_man_pages)
foreach(tool IN LISTS CLAUSIER_TOOLS)
  string(REGEX REPLACE "^clausier-" "" command ${tool})
  set(page ${CLAUSIER_MAN_DIR}/${tool}.1)
  add_custom_command(OUTPUT ${page} ${page}.gz
    COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/cmake/manpage.py --bin $<TARGET_FILE_DIR:${tool}>
            --docs ${PROJECT_SOURCE_DIR}/docs --common ${PROJECT_SOURCE_DIR}/docs/man/common.roff --docdir /usr/${CMAKE_INSTALL_DOCDIR}
            --output ${page} ${tool}
    DEPENDS ${tool} clausier ${PROJECT_SOURCE_DIR}/docs/${command}.md ${PROJECT_SOURCE_DIR}/docs/man/common.roff
            ${PROJECT_SOURCE_DIR}/cmake/manpage.py ${PROJECT_SOURCE_DIR}/cmake/clihelp.py
    COMMENT "Page de manuel ${tool}(1)" VERBATIM)
  list(APPEND clausier_man_pages ${page})
  install(FILES ${page}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endforeach()
add_custom_target(manpages ALL DEPENDS ${clausier_man_pages})
