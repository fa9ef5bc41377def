# What a Debian package holds beyond the programs (their install rule is in tools/, the man pages' in
# Manpages.cmake, the completion's in Completions.cmake), and CPack's DEB generator:
# `cpack -G DEB` in a Release build folder; scripts/package.sh does it with Debian's hardening flags
# and runs lintian. docs/packaging.md.
set(CLAUSIER_PACKAGE_RELEASE 1)

# The documentation keeps its layout, so the README's links and the pages' links still work.
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES docs/clausier.md docs/check.md docs/ci.md docs/hours.md docs/draft.md docs/track.md docs/report.md
              docs/tender-format.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs)
install(FILES docs/img/report-breakdowns.png docs/img/report-operation.png docs/img/report-participant.png
        DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs/img)
install(DIRECTORY examples/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)
# The schemas of tender.yaml and of the JSON results; the pages link them as ../schemas/, hence the link.
install(FILES schemas/tender.schema.json schemas/hours.schema.json schemas/check.schema.json schemas/track.schema.json
              schemas/report.schema.json schemas/decp.schema.json
        DESTINATION ${CMAKE_INSTALL_DATADIR}/clausier/schemas)
install(CODE "file(CREATE_LINK ../../clausier/schemas
                   \$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_DOCDIR}/schemas SYMBOLIC)")
install(FILES cmake/debian/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES cmake/debian/lintian-overrides DESTINATION ${CMAKE_INSTALL_DATADIR}/lintian/overrides RENAME clausier)

# The changelog's first entry names the package's version; gzip -9n, as Debian wants it.
file(STRINGS cmake/debian/changelog changelog_head LIMIT_COUNT 1)
if(NOT changelog_head MATCHES "^clausier \\(${PROJECT_VERSION}-${CLAUSIER_PACKAGE_RELEASE}\\) ")
  message(FATAL_ERROR "cmake/debian/changelog begins with « ${changelog_head} »: its first entry must be "
                      "clausier (${PROJECT_VERSION}-${CLAUSIER_PACKAGE_RELEASE}), the version of project()")
endif()
set(changelog_gz ${CMAKE_BINARY_DIR}/debian/changelog.Debian.gz)
add_custom_command(OUTPUT ${changelog_gz}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/debian
  COMMAND gzip -9n -c ${PROJECT_SOURCE_DIR}/cmake/debian/changelog > ${changelog_gz}
  DEPENDS ${PROJECT_SOURCE_DIR}/cmake/debian/changelog
  COMMENT "changelog.Debian.gz")
add_custom_target(debian_changelog ALL DEPENDS ${changelog_gz})
install(FILES ${changelog_gz} DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME clausier)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "Clausier maintainers <maintainers@users.noreply.h-seed-1e648bea.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "social inclusion clauses of French public contracts")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Clausier helps the facilitators who put social inclusion clauses into French\n"
    "public contracts (clauses sociales d'insertion). From the definition of a\n"
    "tender (tender.yaml) it checks the file and the tender documents, computes\n"
    "the reserved integration hours of each lot and explains the calculation,\n"
    "drafts the clause for the CCAP, RC, acte d'engagement and notice, tracks the\n"
    "hours the contractors report month by month, and writes the final report.\n"
    "Its messages and documents are in French.")
string(REPLACE ";" "" CPACK_DEBIAN_PACKAGE_DESCRIPTION "${CPACK_DEBIAN_PACKAGE_DESCRIPTION}")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_RELEASE ${CLAUSIER_PACKAGE_RELEASE})
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)                # Depends from the libraries the programs link (dpkg-shlibdeps)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)              # whatever CMAKE_INSTALL_PREFIX the build folder has
set(CPACK_STRIP_FILES ON)
include(CPack)
