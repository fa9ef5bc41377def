#pragma once
// File access in one place: whole-file reads, and writes that never leave a partial file behind.
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "clausier/core/diagnostic.hpp"
#include "clausier/core/outcome.hpp"

namespace clausier::io {

struct ReadResult {
  std::optional<std::string> text;
  Diagnostic error;  // category io, when text is empty
};
ReadResult read_file(const std::string& path);
// The whole of standard input (`-` on a command line); an io diagnostic for `shown_as` on a read error.
ReadResult read_standard_input(const std::string& shown_as);

// Writes to a temporary file beside `path`, then renames it over `path`: readers see the old file
// or the new one, never half of one. Returns an io diagnostic on failure.
std::optional<Diagnostic> write_file_atomic(const std::string& path, std::string_view content);
// The same for content too large to hold whole: `produce` writes it piece by piece through the writer
// it is given (pieces after a failed write are dropped).
std::optional<Diagnostic> write_file_atomic(const std::string& path, const std::function<void(const WritePiece&)>& produce);

bool is_directory(const std::string& path);

// The system's reason for an errno, in French for the usual ones (strerror follows the locale).
std::string system_reason(int err);

}  // namespace clausier::io
