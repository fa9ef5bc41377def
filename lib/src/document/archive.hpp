#pragma once
// Private to the readers of zipped files: the parts of a .docx or .odt (and of a .xlsx or .ods, for
// io/sheet) read from memory within the Limits. A zip bomb is refused before it fills the memory: the
// declared sizes are checked first, then the bytes actually inflated, chunk by chunk, since a forged
// archive can declare anything.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "clausier/core/diagnostic.hpp"
#include "clausier/document/read.hpp"

namespace clausier::document::detail {

// A part name as the zip holds it: "word/./a/../styles.xml" -> "word/styles.xml" (".." above the
// root is dropped).
std::string normalise_part_name(std::string_view name);

// A size for a message, the French way: "64 Mo", "512 ko".
std::string size_text(std::size_t bytes);

// What the archive is, for its diagnostics: their rule ids and the words naming the file.
struct ArchiveWording {
  std::string archive_rule;    // no readable zip, or a part unreadable: "document-archive"
  std::string too_large_rule;  // past a limit: "document-too-large"
  std::string encrypted_rule;  // a part encrypted (a password): "document-archive"
  std::string noun;            // "document", "classeur" (masculine: "un document ordinaire")
  std::string formats;         // "un .docx ou un .odt"
  std::string resave_hint;     // how to repair a broken archive
};
const ArchiveWording& document_wording();

class Archive {
 public:
  // The archive in `bytes` (which must outlive it), or nullptr with a diagnostic (archive_rule when the
  // bytes are no readable zip, too_large_rule past max_entries).
  static std::unique_ptr<Archive> open(std::string_view bytes, const std::string& path, const Limits& limits,
                                       Diagnostics& diags, const ArchiveWording& wording = document_wording());
  ~Archive();
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;

  // Whether the archive holds an entry of that name (case-insensitive, as OPC part names are).
  bool contains(const std::string& name) const;
  // The decompressed entry, or nullopt with a diagnostic: absent, encrypted, corrupt, or past a limit
  // (size of the entry, total of every entry read so far, compression ratio).
  std::optional<std::string> read(const std::string& name, Diagnostics& diags);
  // The same checks, the entry handed to `sink` chunk by chunk as it is inflated (never held whole);
  // false with a diagnostic as above, or when `sink` returns false (it stops the reading; the sink
  // says why).
  bool stream(const std::string& name, Diagnostics& diags, const std::function<bool(std::string_view)>& sink);
  // Whether the entry is encrypted (zip encryption: a password), false when absent.
  bool encrypted(const std::string& name) const;

 private:
  struct Impl;
  explicit Archive(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace clausier::document::detail
