#include "clausier/io/temp_file.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include "clausier/io/files.hpp"

namespace clausier::io {

TempFile::TempFile(std::string_view prefix) {
  std::error_code ec;
  const std::filesystem::path dir = std::filesystem::temp_directory_path(ec);
  if (ec) throw std::runtime_error("xlsx : le dossier temporaire (TMPDIR, sinon /tmp) n'existe pas ou n'est pas un dossier");
  std::string pattern = (dir / (std::string(prefix) + "-XXXXXX")).string();
  const int fd = mkstemp(pattern.data());
  if (fd < 0) throw std::runtime_error("xlsx : impossible de créer un fichier temporaire dans " + pattern);
  ::close(fd);
  path_ = pattern;
}

TempFile::~TempFile() {
  std::error_code ignored;
  std::filesystem::remove(path_, ignored);
}

std::string TempFile::contents() const {
  std::ifstream in(path_, std::ios::binary);
  if (!in) throw std::runtime_error("xlsx : classeur illisible " + path_);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

Diagnostic unwritten_workbook(const std::string& output, std::string_view why) {
  if (why.starts_with("xlsx : ")) why.remove_prefix(7);
  return io_error(output, fmt::format("classeur non écrit : {}", why),
                  "le classeur passe par un fichier temporaire : TMPDIR doit nommer un dossier existant, ouvert en écriture");
}

}  // namespace clausier::io
