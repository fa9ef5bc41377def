#pragma once
// File access in one place: bounded whole-file reads of regular files only, folder listings, and
// writes that never leave a partial file behind nor replace anything but a regular file.
// The limits and the rules are documented in docs/robustness.md.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "clausier/core/diagnostic.hpp"
#include "clausier/core/outcome.hpp"

namespace clausier::io {

// What a reader accepts: its name in messages ("d'un {name}") and its largest size. Each bound is far
// above any real file of its kind and far below what would exhaust the memory.
struct FileKind {
  std::string_view name;
  std::size_t max_bytes;
};
inline constexpr FileKind any_file{"fichier", 64u << 20};
inline constexpr FileKind tender_file{"fichier de consultation", 16u << 20};     // 1 000 lots: about 300 KB
inline constexpr FileKind rules_file{"fichier de règles", 16u << 20};
inline constexpr FileKind participants_file{"fichier de participants", 64u << 20};  // about 500 000 people
inline constexpr FileKind statements_file{"état des heures", 256u << 20};           // about 5 million rows
inline constexpr FileKind template_file{"modèle de document", 4u << 20};

// A diagnostic of category io (exit code 3) about the whole of `path`: it cannot be read or written.
Diagnostic io_error(const std::string& path, std::string message, std::string hint = {});

struct ReadResult {
  std::optional<std::string> text;
  Diagnostic error;  // category io, when text is empty
};
// Reads a whole regular file of at most kind.max_bytes. A folder, a FIFO, a device or a socket is
// refused before anything is read (a FIFO is opened without blocking), as is a larger file.
ReadResult read_file(const std::string& path, const FileKind& kind = any_file);
// The whole of standard input (`-` on a command line), bounded like a file of `kind`; an io diagnostic
// for `shown_as` on a read error or beyond the bound.
ReadResult read_standard_input(const std::string& shown_as, const FileKind& kind);

struct FolderListing {
  bool exists = false;               // false when nothing is at that path: not an error
  std::optional<Diagnostic> error;   // category io: the path is there but cannot be listed
  std::vector<std::string> names;    // the entries that are not folders, in byte order of their names
};
// Entries whose type cannot be known (a symlink loop, a dangling link) are listed: reading them says
// what is wrong, where skipping them would lose a file in silence.
FolderListing list_folder(const std::string& path);

// Writes to a temporary file beside `path` (with the mode of the file it replaces, or the default mode
// under the umask for a new one), flushes it to the disk, then renames it over `path`: readers see the
// old file or the new one, never half of one. Only a regular file or a new path is replaced: a
// symlink, a folder, a FIFO or a device is refused. Returns an io diagnostic on any failure.
std::optional<Diagnostic> write_file_atomic(const std::string& path, std::string_view content);
// The same for content too large to hold whole: `produce` writes it piece by piece through the writer
// it is given (pieces after a failed write are dropped).
std::optional<Diagnostic> write_file_atomic(const std::string& path, const std::function<void(const WritePiece&)>& produce);

// Writes a set of files (name, content) into the existing folder `dir`, all or none: each is first
// written whole into a fresh hidden folder inside `dir` (write_file_atomic), then renamed to its name, a
// file it replaces being set aside until every one is in place. On any failure the files already renamed
// are removed, those set aside put back and the hidden folder removed: `dir` holds what it held before.
// A name that is a folder, a symlink or not a regular file is refused, as by write_file_atomic.
std::optional<Diagnostic> write_files_atomic(const std::string& dir,
                                             const std::vector<std::pair<std::string, std::string>>& files);

bool is_directory(const std::string& path);

// The system's reason for an errno, in French (strerror speaks the C locale's English).
std::string system_reason(int err);

}  // namespace clausier::io
