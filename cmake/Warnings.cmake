# Settings every target of the project links to; INTERFACE targets, not directory-wide flags.
add_library(clausier_warnings INTERFACE)
target_compile_options(clausier_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual -Wimplicit-fallthrough
  # Trailing members with a default are left out of brace initialisations on purpose: Diagnostic's
  # `sheet` (only spreadsheet positions have one), track::TemplateJob's `output`, a running Sum's `rows`...
  # Turning the warning on means spelling every such default out (tried: init/files.cpp, track/).
  -Wno-missing-field-initializers
  # GCC 12 reports std::string concatenation at -O3 as overlapping copies (GCC bug 105329).
  $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>)
if(CLAUSIER_DEV)
  # Errors for developers and CI, never for packagers building with another compiler.
  target_compile_options(clausier_warnings INTERFACE -Werror)
endif()

add_library(clausier_settings INTERFACE)
if(CLAUSIER_SANITIZE)
  target_compile_options(clausier_settings INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_link_options(clausier_settings INTERFACE -fsanitize=address,undefined)
endif()
if(CLAUSIER_FUZZ)
  # Coverage instrumentation for the whole library, so libFuzzer sees inside the parsers.
  target_compile_options(clausier_settings INTERFACE -fsanitize=fuzzer-no-link)
endif()
