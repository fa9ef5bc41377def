# Debian's packages only (scripts/install-deps.sh installs them). Each dependency says where it came from.
find_package(yaml-cpp 0.7 REQUIRED)
find_package(fmt 9 REQUIRED)
find_package(Boost 1.74 REQUIRED)          # Boost.Date_Time is header-only for what we use
find_package(CLI11 2.1 REQUIRED)
find_package(nlohmann_json 3.11 REQUIRED)
find_package(OpenSSL 3 REQUIRED COMPONENTS Crypto)   # SHA-256 of the rule data
if(CLAUSIER_TESTS)
  find_package(doctest 2.4 REQUIRED)
endif()

foreach(dep yaml-cpp fmt Boost CLI11 nlohmann_json OpenSSL doctest)
  if(${dep}_FOUND)
    if(DEFINED ${dep}_DIR)
      message(STATUS "Dependency ${dep} ${${dep}_VERSION} from ${${dep}_DIR}")
    else()
      message(STATUS "Dependency ${dep} ${${dep}_VERSION}")
    endif()
  endif()
endforeach()
