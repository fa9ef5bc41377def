#pragma once
// Private to the document readers: the parts of a .docx or .odt (a zip) read from memory within the
// Limits. A zip bomb is refused before it fills the memory: the declared sizes are checked first, then
// the bytes actually inflated, chunk by chunk, since a forged archive can declare anything.
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "clausier/core/diagnostic.hpp"
#include "clausier/document/read.hpp"

namespace clausier::document::detail {

// A size for a message, the French way: "64 Mo", "512 ko".
std::string size_text(std::size_t bytes);

class Archive {
 public:
  // The archive in `bytes` (which must outlive it), or nullptr with a diagnostic ("document-archive"
  // when the bytes are no readable zip, "document-too-large" past max_entries).
  static std::unique_ptr<Archive> open(std::string_view bytes, const std::string& path, const Limits& limits,
                                       Diagnostics& diags);
  ~Archive();
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;

  // Whether the archive holds an entry of that name (case-insensitive, as OPC part names are).
  bool contains(const std::string& name) const;
  // The decompressed entry, or nullopt with a diagnostic: absent, encrypted, corrupt, or past a limit
  // (size of the entry, total of every entry read so far, compression ratio).
  std::optional<std::string> read(const std::string& name, Diagnostics& diags);

 private:
  struct Impl;
  explicit Archive(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace clausier::document::detail
