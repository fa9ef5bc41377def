# Debian's packages only (scripts/install-deps.sh installs them). Each dependency says where it came from.
# YAML. yaml-cpp's event parser reads the hand-written definitions (tender.yaml, rule files, pooling.yaml:
# lib/src/io/yaml.cpp); libyaml's, seven times faster, reads the data files that grow to tens of thousands
# of lines (participants.yaml: lib/src/io/yaml_libyaml.cpp; docs/performance.md, issue 12).
find_package(yaml-cpp 0.7 REQUIRED)
find_package(fmt 9 REQUIRED)
find_package(Boost 1.74 REQUIRED)          # Boost.Date_Time is header-only for what we use
find_package(CLI11 2.1 REQUIRED)
find_package(nlohmann_json 3.11 REQUIRED)
# SHA-256 of the rule data. Linked statically: loading the shared libcrypto costs 2 to 3 ms at every
# start (docs/performance.md), more than a whole one-file calculation.
set(OPENSSL_USE_STATIC_LIBS TRUE)
find_package(OpenSSL 3 REQUIRED COMPONENTS Crypto)
find_package(pugixml 1.13 REQUIRED)                  # .docx XML
# Spreadsheets (.xlsx, .ods): libxml2's SAX2 push parser streams sheets of hundreds of MB of XML
# (lib/src/io/sheet.cpp says why not liborcus, nor pugixml's DOM).
find_package(LibXml2 2.9 REQUIRED)
# libzip through pkg-config: Debian 12's CMake config of libzip also demands its command-line tools.
find_package(PkgConfig REQUIRED)
pkg_check_modules(libzip REQUIRED IMPORTED_TARGET libzip>=1.7)
pkg_check_modules(libyaml REQUIRED IMPORTED_TARGET yaml-0.1>=0.2.5)
message(STATUS "Dependency libyaml ${libyaml_VERSION} (pkg-config yaml-0.1)")
pkg_check_modules(xlsxwriter REQUIRED IMPORTED_TARGET xlsxwriter)         # .xlsx of clausier report
# E-mail messages of clausier track due --format eml (RFC 5322, MIME, RFC 2047 headers): GMime 3, behind
# lib/include/clausier/mail/message.hpp only.
pkg_check_modules(gmime REQUIRED IMPORTED_TARGET gmime-3.0>=3.2)
message(STATUS "Dependency GMime ${gmime_VERSION} (pkg-config gmime-3.0)")
# libcsv (hour statements): Debian 12's libcsv-dev ships neither a pkg-config file nor a CMake
# package, so find the header and the library; the version comes from csv.h.
find_path(LIBCSV_INCLUDE_DIR csv.h REQUIRED)
find_library(LIBCSV_LIBRARY csv REQUIRED)
file(STRINGS ${LIBCSV_INCLUDE_DIR}/csv.h libcsv_version_lines REGEX "^#define CSV_(MAJOR|MINOR|RELEASE) ")
string(REGEX REPLACE ".*CSV_MAJOR ([0-9]+).*CSV_MINOR ([0-9]+).*CSV_RELEASE ([0-9]+).*" "\\1.\\2.\\3"
       LIBCSV_VERSION "${libcsv_version_lines}")
if(LIBCSV_VERSION VERSION_LESS 3.0)
  message(FATAL_ERROR "libcsv ${LIBCSV_VERSION} is too old: 3.0 or newer is needed (Debian: libcsv-dev)")
endif()
add_library(libcsv::libcsv UNKNOWN IMPORTED)
set_target_properties(libcsv::libcsv PROPERTIES IMPORTED_LOCATION ${LIBCSV_LIBRARY}
                      INTERFACE_INCLUDE_DIRECTORIES ${LIBCSV_INCLUDE_DIR})
message(STATUS "Dependency libcsv ${LIBCSV_VERSION} from ${LIBCSV_LIBRARY}")

# Python 3 makes the man pages and the umbrella's shell completion at build time (cmake/manpage.py) and
# runs the tests; Debian's python3 carries python3-yaml and python3-jsonschema (scripts/install-deps.sh).
if(EXISTS /usr/bin/python3)
  set(Python3_EXECUTABLE /usr/bin/python3)
endif()
find_package(Python3 REQUIRED COMPONENTS Interpreter)

if(CLAUSIER_TESTS)
  find_package(doctest 2.4 REQUIRED)
endif()

foreach(dep yaml-cpp fmt Boost CLI11 nlohmann_json OpenSSL pugixml LibXml2 libzip Python3 doctest)
  if(${dep}_FOUND)
    if(DEFINED ${dep}_DIR)
      message(STATUS "Dependency ${dep} ${${dep}_VERSION} from ${${dep}_DIR}")
    else()
      message(STATUS "Dependency ${dep} ${${dep}_VERSION}")
    endif()
  endif()
endforeach()
