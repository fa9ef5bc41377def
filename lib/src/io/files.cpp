#include "clausier/io/files.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace clausier::io {

Diagnostic io_error(const std::string& path, std::string message, std::string hint) {
  return {"io", Severity::error, Category::io, path, {}, std::move(message), std::move(hint)};
}

namespace {

// Closes a descriptor on every path out of a function.
class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return fd_; }
  // Closes now, for the writes whose close may report a delayed error (NFS, quotas).
  int close() {
    int rc = ::close(fd_);
    fd_ = -1;
    return rc;
  }

 private:
  int fd_;
};

// What a path is, for a message about a file that is not a regular one.
std::string_view type_name(mode_t mode) {
  if (S_ISFIFO(mode)) return "un tube nommé (FIFO)";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "un périphérique";
  if (S_ISSOCK(mode)) return "une socket";
  if (S_ISLNK(mode)) return "un lien symbolique";
  return "un fichier spécial";
}

std::string size_text(std::size_t bytes) {
  if (bytes < 1024) return fmt::format("{} octets", bytes);
  if (bytes < (1u << 20)) return fmt::format("{} Ko", (bytes + 1023) / 1024);
  return fmt::format("{} Mo", (bytes + (1u << 20) - 1) >> 20);
}

// `size` is the size announced by stat; nullopt when the reading was cut at the limit (a stream, or a
// file growing while it was read): how much more there was is not known.
Diagnostic too_large(const std::string& path, std::optional<std::size_t> size, const FileKind& kind) {
  std::string how_much = size ? size_text(*size) + ", " : "";
  return io_error(path,
                  fmt::format("lecture refusée : {}au-delà de la limite de {} d'un {}", how_much, size_text(kind.max_bytes),
                              kind.name),
                  "vérifiez que c'est le bon fichier ; les limites de chaque lecteur sont dans docs/robustness.md");
}

Diagnostic read_failure(const std::string& path, int err) {
  return io_error(path, fmt::format("lecture impossible : {}", system_reason(err)),
                  err == ENOENT ? "vérifiez le chemin" : "");
}

// Reads at most `limit + 1` bytes, so that a file growing while it is read is still caught.
std::optional<int> read_all(int fd, std::size_t expected, std::size_t limit, std::string& text) {
  text.resize(std::min(expected, limit) + 1);
  std::size_t got = 0;
  for (;;) {
    if (got == text.size()) {
      if (got > limit) break;
      text.resize(std::min(text.size() * 2, limit + 1));
    }
    ssize_t n = ::read(fd, text.data() + got, text.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return errno;
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  text.resize(got);
  return std::nullopt;
}

// The one way a whole input is read, a file or standard input: at most kind.max_bytes, whatever the
// size announced (`expected`, a first guess) says.
ReadResult read_bounded(int fd, std::size_t expected, const std::string& path, const FileKind& kind) {
  std::string text;
  if (auto err = read_all(fd, expected, kind.max_bytes, text)) return {std::nullopt, read_failure(path, *err)};
  if (text.size() > kind.max_bytes) return {std::nullopt, too_large(path, std::nullopt, kind)};
  return {std::move(text), {}};
}

}  // namespace

std::string system_reason(int err) {
  switch (err) {
    case ENOENT: return "fichier introuvable";
    case EACCES: return "accès refusé";
    case EPERM: return "opération non permise";
    case EISDIR: return "c'est un dossier";
    case ENOTDIR: return "un élément du chemin n'est pas un dossier";
    case ELOOP: return "boucle de liens symboliques";
    case ENAMETOOLONG: return "chemin trop long";
    case ENOSPC: return "disque plein";
    case EDQUOT: return "quota disque dépassé";
    case EFBIG: return "fichier trop grand pour le système de fichiers";
    case EROFS: return "système de fichiers en lecture seule";
    case EIO: return "erreur d'entrée-sortie du disque";
    case EEXIST: return "le fichier existe déjà";
    case EBUSY: return "ressource occupée";
    case ETXTBSY: return "fichier en cours d'utilisation";
    case EXDEV: return "déplacement impossible d'un système de fichiers à un autre";
    case EMFILE:
    case ENFILE: return "trop de fichiers ouverts";
    case ENOMEM: return "mémoire insuffisante";
    case EPIPE: return "le lecteur de la sortie s'est arrêté (tube fermé)";
    case EAGAIN: return "ressource temporairement indisponible";
    case EINVAL: return "opération invalide sur ce fichier";
    case ENXIO:
    case ENODEV: return "périphérique absent";
    case ESTALE: return "fichier réseau devenu inaccessible";
    case ENOTEMPTY: return "le dossier n'est pas vide";
    case EBADF: return "descripteur de fichier invalide";
    default: return fmt::format("erreur système n° {}", err);
  }
}

ReadResult read_file(const std::string& path, const FileKind& kind) {
  // A first look without opening: opening some devices has effects, and a FIFO would wait for a writer.
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return {std::nullopt, read_failure(path, errno)};
  auto refuse = [&](mode_t mode) -> std::optional<ReadResult> {
    if (S_ISDIR(mode)) return ReadResult{std::nullopt, io_error(path, "est un dossier, pas un fichier")};
    if (!S_ISREG(mode))
      return ReadResult{std::nullopt,
                        io_error(path, fmt::format("lecture refusée : ce n'est pas un fichier ordinaire mais {}", type_name(mode)),
                                 "donnez le chemin d'un fichier enregistré sur le disque")};
    return std::nullopt;
  };
  if (auto refused = refuse(st.st_mode)) return std::move(*refused);
  if (static_cast<std::size_t>(st.st_size) > kind.max_bytes)
    return {std::nullopt, too_large(path, static_cast<std::size_t>(st.st_size), kind)};

  // The path may have changed since: O_NONBLOCK keeps a FIFO put there from blocking, fstat checks again.
  Descriptor fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
  if (fd.get() < 0) return {std::nullopt, read_failure(path, errno)};
  if (::fstat(fd.get(), &st) != 0) return {std::nullopt, read_failure(path, errno)};
  if (auto refused = refuse(st.st_mode)) return std::move(*refused);
  return read_bounded(fd.get(), static_cast<std::size_t>(st.st_size), path, kind);
}

ReadResult read_standard_input(const std::string& shown_as, const FileKind& kind) {
  // A file redirected with `<` says its size: refused before anything is read. A pipe is cut at the limit.
  struct stat st {};
  const bool regular = ::fstat(STDIN_FILENO, &st) == 0 && S_ISREG(st.st_mode);
  if (regular && static_cast<std::size_t>(st.st_size) > kind.max_bytes)
    return {std::nullopt, too_large(shown_as, static_cast<std::size_t>(st.st_size), kind)};
  return read_bounded(STDIN_FILENO, regular ? static_cast<std::size_t>(st.st_size) : std::size_t{64} << 10, shown_as, kind);
}

FolderListing list_folder(const std::string& path) {
  FolderListing out;
  auto failed = [&](const std::string& reason) {
    out.error = io_error(path, fmt::format("lecture impossible du dossier : {}", reason));
  };
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    int err = errno;
    // A missing folder is one the caller may do without; a symlink loop or a denied path is not missing.
    out.exists = err != ENOENT;
    if (out.exists) failed(system_reason(err));
    return out;
  }
  out.exists = true;
  if (!S_ISDIR(st.st_mode)) {
    failed("ce n'est pas un dossier");
    return out;
  }
  std::error_code ec;
  for (std::filesystem::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code type_ec;
    if (it->is_directory(type_ec) && !type_ec) continue;
    out.names.push_back(it->path().filename().string());
  }
  if (ec) {
    failed(system_reason(ec.value()));
    out.names.clear();
    return out;
  }
  std::sort(out.names.begin(), out.names.end());
  return out;
}

namespace {

// What must not be replaced by a rename, or nullopt for a regular file or a new path.
std::optional<Diagnostic> refuse_target(const std::string& path, const struct stat& st) {
  if (S_ISREG(st.st_mode)) return std::nullopt;
  if (S_ISLNK(st.st_mode))
    return io_error(path,
                    "écriture refusée : c'est un lien symbolique ; donnez le chemin du fichier lui-même, ou un nouveau nom");
  if (S_ISDIR(st.st_mode))
    return io_error(path, "écriture refusée : un dossier porte ce nom ; déplacez-le, ou écrivez sous un autre nom");
  return io_error(path, fmt::format("écriture refusée : ce n'est pas un fichier ordinaire mais {} ; pour écrire sur la "
                                    "sortie standard, ne donnez pas de fichier (ou donnez « - »)",
                                    type_name(st.st_mode)));
}

bool write_all(int fd, std::string_view content) {
  while (!content.empty()) {
    ssize_t n = ::write(fd, content.data(), content.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      if (n == 0) errno = EIO;
      return false;
    }
    content.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

}  // namespace

std::optional<Diagnostic> write_file_atomic(const std::string& path, std::string_view content) {
  return write_file_atomic(path, [&](const WritePiece& write) { write(content); });
}

std::optional<Diagnostic> write_file_atomic(const std::string& path, const std::function<void(const WritePiece&)>& produce) {
  namespace fs = std::filesystem;
  fs::path target(path);
  std::string dir = target.parent_path().empty() ? std::string(".") : target.parent_path().string();
  auto failure = [&](int err) {
    if (err == ENOENT)
      return io_error(path, fmt::format("écriture impossible : le dossier {} n'existe pas", dir),
                      "créez le dossier, ou choisissez un autre chemin avec -o");
    return io_error(path, fmt::format("écriture impossible : {}", system_reason(err)));
  };

  struct stat old {};
  bool replacing = ::lstat(path.c_str(), &old) == 0;
  if (!replacing && errno != ENOENT) return failure(errno);
  if (replacing)
    if (auto refused = refuse_target(path, old)) return refused;

  // 0666 under the umask for a new file, like any program; the mode of the replaced file otherwise.
  std::string tmp;
  int fd = -1;
  for (int attempt = 0; fd < 0 && attempt < 100; ++attempt) {
    tmp = (fs::path(dir) / fmt::format(".{}.tmp-{}-{}", target.filename().string(), ::getpid(), attempt)).string();
    fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0666);
    if (fd < 0 && errno != EEXIST) return failure(errno);
  }
  if (fd < 0) return failure(EEXIST);
  Descriptor file(fd);
  bool ok = true;
  if (replacing) {
    ok = ::fchmod(fd, old.st_mode & 07777) == 0;
    // Root keeps the owner of the replaced file; anybody else cannot give a file away and need not.
    if (ok && ::geteuid() == 0 && ::fchown(fd, old.st_uid, old.st_gid) != 0) ok = false;
  }
  try {
    produce([&](std::string_view piece) { ok = ok && write_all(fd, piece); });
  } catch (...) {
    file.close();
    ::unlink(tmp.c_str());
    throw;
  }
  ok = ok && ::fsync(fd) == 0;
  int err = ok ? 0 : errno;
  if (file.close() != 0 && ok) {
    ok = false;
    err = errno;
  }
  if (ok && ::rename(tmp.c_str(), path.c_str()) != 0) {
    ok = false;
    err = errno;
  }
  if (!ok) {
    ::unlink(tmp.c_str());
    return failure(err);
  }
  // The new name reaches the disk with the folder; a folder that cannot be synced is no reason to fail.
  Descriptor folder(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (folder.get() >= 0) ::fsync(folder.get());
  return std::nullopt;
}

std::optional<Diagnostic> write_files_atomic(const std::string& dir,
                                             const std::vector<std::pair<std::string, std::string>>& files) {
  namespace fs = std::filesystem;
  std::string pattern = (fs::path(dir) / ".clausier-set-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    int err = errno;
    return io_error(dir, fmt::format("écriture impossible dans ce dossier : {}", system_reason(err)),
                    err == ENOENT ? "créez le dossier, ou choisissez-en un autre avec -o" : "");
  }
  const fs::path staging(pattern);
  auto staged = [&](std::string_view kind, std::size_t i) { return (staging / fmt::format("{}-{}", kind, i)).string(); };
  struct Placed {
    std::string target;
    bool set_aside = false, in_place = false;
  };
  std::vector<Placed> placed;
  // Back to what `dir` held: the new files out, the old ones back, the hidden folder gone.
  auto undo = [&](Diagnostic error) {
    for (auto it = placed.rbegin(); it != placed.rend(); ++it) {
      const std::size_t i = static_cast<std::size_t>(placed.rend() - it) - 1;
      if (it->in_place) ::unlink(it->target.c_str());
      if (it->set_aside) ::rename(staged("old", i).c_str(), it->target.c_str());
    }
    std::error_code ec;
    fs::remove_all(staging, ec);
    return std::optional<Diagnostic>(std::move(error));
  };

  for (std::size_t i = 0; i < files.size(); ++i)
    if (auto error = write_file_atomic(staged("new", i), files[i].second)) {
      error->path = (fs::path(dir) / files[i].first).string();
      return undo(std::move(*error));
    }
  for (std::size_t i = 0; i < files.size(); ++i) {
    Placed& p = placed.emplace_back(Placed{(fs::path(dir) / files[i].first).string()});
    struct stat old {};
    if (::lstat(p.target.c_str(), &old) == 0) {
      if (auto refused = refuse_target(p.target, old)) return undo(std::move(*refused));
      if (::rename(p.target.c_str(), staged("old", i).c_str()) != 0)
        return undo(io_error(p.target, fmt::format("écriture impossible : {}", system_reason(errno))));
      p.set_aside = true;
    } else if (errno != ENOENT) {
      return undo(io_error(p.target, fmt::format("écriture impossible : {}", system_reason(errno))));
    }
    if (::rename(staged("new", i).c_str(), p.target.c_str()) != 0)
      return undo(io_error(p.target, fmt::format("écriture impossible : {}", system_reason(errno))));
    p.in_place = true;
  }
  std::error_code ec;
  fs::remove_all(staging, ec);  // the files set aside
  Descriptor folder(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (folder.get() >= 0) ::fsync(folder.get());
  return std::nullopt;
}

bool is_directory(const std::string& path) {
  std::error_code ec;
  return std::filesystem::is_directory(path, ec);
}

}  // namespace clausier::io
