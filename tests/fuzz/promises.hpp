#pragma once
// What the fuzz targets check beyond "no crash". A broken promise aborts, which libFuzzer reports as a
// crash with the input that broke it; the replay test (replay_main.cpp) fails the same way.
#include <cstdlib>
#include <string>

#include "clausier/core/diagnostic.hpp"
#include "clausier/core/source.hpp"
#include "clausier/core/text.hpp"

namespace clausier::fuzz {

inline void require(bool promise) {
  if (!promise) std::abort();
}

// Every diagnostic says something, where it is, and renders for a terminal: valid UTF-8, no control
// character but line ends and tabs, and no source line when it holds personal data.
inline void check_rendered(const Diagnostics& diags, const SourceText& source) {
  for (const Diagnostic& d : diags) {
    require(!d.message.empty() && !d.rule.empty());
    require(d.pos.line >= 0 && d.pos.column >= 0);
    require(d.rule != "personal-data" || d.hide_line);  // a refusal of personal data never shows its line
    std::string out = render_diagnostic(d, &source);
    require(is_valid_utf8(out));
    for (char c : out) require(static_cast<unsigned char>(c) >= 0x20 || c == '\n' || c == '\t');
    if (d.hide_line) {
      std::size_t lines = 0;
      for (char c : out) lines += c == '\n' ? 1 : 0;
      require(lines == (d.hint.empty() ? 1u : 2u));
    }
  }
}

}  // namespace clausier::fuzz
