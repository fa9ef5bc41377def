#include "clausier/io/files.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include <unistd.h>

namespace clausier::io {

namespace {
Diagnostic io_error(const std::string& path, std::string message, std::string hint = {}) {
  return {"io", Severity::error, Category::io, path, {}, std::move(message), std::move(hint)};
}

}  // namespace

std::string system_reason(int err) {
  switch (err) {
    case ENOENT: return "fichier introuvable";
    case EACCES: return "accès refusé";
    case EISDIR: return "c'est un dossier";
    case ENOSPC: return "disque plein";
    case EROFS: return "système de fichiers en lecture seule";
    case ENOTDIR: return "un élément du chemin n'est pas un dossier";
    default: return std::strerror(err);
  }
}

namespace {
std::string reason(int err) { return system_reason(err); }
}  // namespace

ReadResult read_file(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    return {std::nullopt, io_error(path, "est un dossier, pas un fichier")};
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    int err = errno;
    std::string hint = err == ENOENT ? "vérifiez le chemin" : "";
    return {std::nullopt, io_error(path, fmt::format("lecture impossible : {}", reason(err)), hint)};
  }
  std::string text;
  // Sized once from the file's length: a 50 MB statement file is not copied while it grows.
  std::error_code size_ec;
  auto size = std::filesystem::file_size(path, size_ec);
  if (!size_ec) text.reserve(static_cast<std::size_t>(size));
  char buffer[65536];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) text.append(buffer, n);
  bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) return {std::nullopt, io_error(path, "erreur de lecture")};
  return {std::move(text), {}};
}

ReadResult read_standard_input(const std::string& shown_as) {
  std::string text;
  char buffer[65536];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, stdin)) > 0) text.append(buffer, n);
  if (std::ferror(stdin) != 0) return {std::nullopt, io_error(shown_as, "erreur de lecture de l'entrée standard")};
  return {std::move(text), {}};
}

std::optional<Diagnostic> write_file_atomic(const std::string& path, std::string_view content) {
  return write_file_atomic(path, [&](const WritePiece& write) { write(content); });
}

std::optional<Diagnostic> write_file_atomic(const std::string& path, const std::function<void(const WritePiece&)>& produce) {
  namespace fs = std::filesystem;
  fs::path target(path);
  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::string tmp = (dir / fmt::format(".{}.tmp-{}", target.filename().string(), ::getpid())).string();
  std::error_code exists_ec;
  if (!fs::is_directory(dir, exists_ec))
    return io_error(path, fmt::format("écriture impossible : le dossier {} n'existe pas", dir.string()),
                    "créez le dossier, ou choisissez un autre chemin avec -o");
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (f == nullptr) return io_error(path, fmt::format("écriture impossible : {}", reason(errno)));
  bool ok = true;
  try {
    produce([&](std::string_view piece) { ok = ok && std::fwrite(piece.data(), 1, piece.size(), f) == piece.size(); });
  } catch (...) {
    std::fclose(f);
    std::remove(tmp.c_str());
    throw;
  }
  ok = std::fflush(f) == 0 && ok;
  ok = std::fclose(f) == 0 && ok;
  std::error_code ec;
  if (ok) fs::rename(tmp, target, ec);
  if (!ok || ec) {
    fs::remove(tmp, ec);
    return io_error(path, "écriture impossible (disque plein ou droits insuffisants ?)");
  }
  return std::nullopt;
}

bool is_directory(const std::string& path) {
  std::error_code ec;
  return std::filesystem::is_directory(path, ec);
}

}  // namespace clausier::io
