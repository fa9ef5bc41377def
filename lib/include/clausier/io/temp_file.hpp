#pragma once
// A temporary file for the writers that only write files (libxlsxwriter): made fresh (mkstemp) in
// TMPDIR, or /tmp, and removed whatever happens. Its failures throw std::runtime_error with a French
// reason starting "xlsx : ", which the entry points turn into an io diagnostic.
#include <string>
#include <string_view>

#include "clausier/core/diagnostic.hpp"

namespace clausier::io {

class TempFile {
 public:
  explicit TempFile(std::string_view prefix);  // "clausier-report": /tmp/clausier-report-XXXXXX
  ~TempFile();
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }
  // The bytes written to it by now.
  std::string contents() const;

 private:
  std::string path_;
};

// The io diagnostic of a workbook that could not go through its temporary file, for `output` (-o):
// `why` is the exception's text.
Diagnostic unwritten_workbook(const std::string& output, std::string_view why);

}  // namespace clausier::io
