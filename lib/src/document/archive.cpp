// Zip entries read from memory with libzip, within the Limits of read.hpp.
#include "archive.hpp"

#include <fmt/format.h>
#include <zip.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "clausier/text/french.hpp"

namespace clausier::document::detail {
namespace {

constexpr std::size_t chunk_size = 64u << 10;
// Below this size a compression ratio says nothing (a short run of spaces compresses a thousandfold),
// and the size limits already bound the harm: the ratio is checked past it.
constexpr std::size_t ratio_floor = 1u << 20;
// The signature of an OLE compound file: a .doc, or a .docx protected by a password (Word encrypts it
// into such a file), never a zip.
constexpr std::string_view compound_file_signature = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";


std::string reason(int code, const char* fallback) {
  switch (code) {
    case ZIP_ER_NOZIP: return "ce n'est pas une archive zip";
    case ZIP_ER_INCONS:
    case ZIP_ER_EOF:
    case ZIP_ER_READ: return "archive tronquée ou abîmée";
    case ZIP_ER_CRC: return "données abîmées (somme de contrôle fausse)";
    case ZIP_ER_ZLIB: return "données compressées abîmées";
    case ZIP_ER_COMPNOTSUPP: return "méthode de compression non prise en charge";
    case ZIP_ER_ENCRNOTSUPP:
    case ZIP_ER_NOPASSWD:
    case ZIP_ER_WRONGPASSWD: return "contenu chiffré";
    case ZIP_ER_MEMORY: return "mémoire insuffisante";
    case ZIP_ER_MULTIDISK: return "archive en plusieurs volumes";
    default: return fmt::format("erreur de l'archive ({})", fallback);
  }
}

struct ArchiveDiscard {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
struct FileClose {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};

}  // namespace

const ArchiveWording& document_wording() {
  static const ArchiveWording wording{"document-archive", "document-too-large", "document-archive", "document",
                                      "un .docx ou un .odt",
                                      "ouvrez-le dans Word ou LibreOffice et enregistrez-le de nouveau"};
  return wording;
}

// "word/./a/../styles.xml" -> "word/styles.xml"; ".." above the root is dropped.
std::string normalise_part_name(std::string_view name) {
  std::vector<std::string_view> segments;
  std::size_t start = 0;
  while (start <= name.size()) {
    std::size_t end = name.find('/', start);
    if (end == std::string_view::npos) end = name.size();
    const std::string_view segment = name.substr(start, end - start);
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
    start = end + 1;
  }
  std::string out;
  for (std::string_view segment : segments) out += (out.empty() ? "" : "/") + std::string(segment);
  return out;
}

std::string size_text(std::size_t bytes) {
  const double b = static_cast<double>(bytes);
  if (b >= 1024.0 * 1024.0) return text::format_number(b / (1024.0 * 1024.0), 1) + "\u202FMo";
  return text::format_number(b / 1024.0, 1) + "\u202Fko";
}

struct Archive::Impl {
  std::unique_ptr<zip_t, ArchiveDiscard> zip;
  std::string path;
  Limits limits;
  ArchiveWording wording;
  std::size_t total = 0;  // bytes inflated so far, every entry together

  Diagnostic error(std::string rule, std::string message, std::string hint) const {
    return {std::move(rule), Severity::error, Category::input, path, {}, std::move(message), std::move(hint)};
  }
  // "...: document refusé"
  Diagnostic too_large(const std::string& message) const {
    return error(wording.too_large_rule, fmt::format("{} : {} refusé", message, wording.noun),
                 fmt::format("un {} ordinaire reste bien en deçà ; vérifiez d'où vient ce fichier", wording.noun));
  }
  Diagnostic broken(const std::string& name, const std::string& why) const {
    return error(wording.archive_rule, fmt::format("partie {} illisible : {}", name, why), wording.resave_hint);
  }
  std::optional<zip_uint64_t> locate(const std::string& name) const {
    const zip_int64_t index = zip_name_locate(zip.get(), name.c_str(), ZIP_FL_NOCASE);
    if (index < 0) return std::nullopt;
    return static_cast<zip_uint64_t>(index);
  }
};

Archive::Archive(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Archive::~Archive() = default;

std::unique_ptr<Archive> Archive::open(std::string_view bytes, const std::string& path, const Limits& limits,
                                       Diagnostics& diags, const ArchiveWording& wording) {
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->limits = limits;
  impl->wording = wording;
  if (bytes.starts_with(compound_file_signature)) {
    diags.push_back(impl->error("document-archive",
                                "ce fichier est un document Word ancien (.doc) ou protégé par un mot de passe, pas un .docx",
                                "enregistrez-le au format .docx (Word) ou .odt (LibreOffice), sans mot de passe"));
    return nullptr;
  }
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* zip = source ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr;
  if (zip == nullptr) {
    if (source) zip_source_free(source);
    // A zip cut short has lost its central directory, at the end: libzip sees no zip at all.
    const int code = zip_error_code_zip(&error);
    const bool truncated = code == ZIP_ER_NOZIP && bytes.starts_with("PK\x03\x04");
    diags.push_back(impl->error(wording.archive_rule,
                                fmt::format("{} illisible : {} ({} est une archive zip)", wording.noun,
                                            truncated ? "archive tronquée ou abîmée" : reason(code, zip_error_strerror(&error)),
                                            wording.formats),
                                wording.resave_hint));
    zip_error_fini(&error);
    return nullptr;
  }
  zip_error_fini(&error);
  impl->zip.reset(zip);
  const zip_int64_t entries = zip_get_num_entries(zip, 0);
  if (entries < 0 || static_cast<std::uint64_t>(entries) > limits.max_entries) {
    diags.push_back(
        impl->too_large(fmt::format("l'archive contient {} fichiers, plus que la limite de {}", entries, limits.max_entries)));
    return nullptr;
  }
  return std::unique_ptr<Archive>(new Archive(std::move(impl)));
}

bool Archive::contains(const std::string& name) const { return impl_->locate(name).has_value(); }

bool Archive::encrypted(const std::string& name) const {
  const std::optional<zip_uint64_t> index = impl_->locate(name);
  zip_stat_t stat;
  zip_stat_init(&stat);
  return index && zip_stat_index(impl_->zip.get(), *index, 0, &stat) == 0 && (stat.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
         stat.encryption_method != ZIP_EM_NONE;
}

std::optional<std::string> Archive::read(const std::string& name, Diagnostics& diags) {
  std::string out;
  const bool ok = stream(name, diags, [&](std::string_view chunk) {
    out += chunk;
    return true;
  });
  if (!ok) return std::nullopt;
  return out;
}

bool Archive::stream(const std::string& name, Diagnostics& diags, const std::function<bool(std::string_view)>& sink) {
  Impl& a = *impl_;
  const Limits& limits = a.limits;
  const std::optional<zip_uint64_t> index = a.locate(name);
  if (!index) {
    diags.push_back(a.broken(name, "absente de l'archive"));
    return false;
  }
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(a.zip.get(), *index, 0, &stat) != 0) {
    diags.push_back(a.broken(name, reason(zip_error_code_zip(zip_get_error(a.zip.get())), zip_strerror(a.zip.get()))));
    return false;
  }
  if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE) {
    diags.push_back(a.error(a.wording.encrypted_rule,
                            fmt::format("partie {} chiffrée : {} protégé par un mot de passe", name, a.wording.noun),
                            "enregistrez-le sans mot de passe"));
    return false;
  }
  // What the archive declares, first: a bomb that admits its size is refused before any inflating.
  const std::uint64_t declared = (stat.valid & ZIP_STAT_SIZE) ? stat.size : 0;
  const std::uint64_t compressed = (stat.valid & ZIP_STAT_COMP_SIZE) ? stat.comp_size : 0;
  auto over_entry = [&] {
    return a.too_large(
        fmt::format("la partie {} fait plus de {} une fois décompressée", name, size_text(limits.max_entry_size)));
  };
  auto over_total = [&] {
    return a.too_large(
        fmt::format("les parties lues font plus de {} une fois décompressées", size_text(limits.max_total_size)));
  };
  auto over_ratio = [&](std::uint64_t size) {
    return a.too_large(fmt::format(
        "la partie {} se décompresse {} fois, plus que la limite de {}", name,
        text::format_number(static_cast<double>(size) / static_cast<double>(std::max<std::uint64_t>(compressed, 1)), 0),
        text::format_number(limits.max_ratio, 0)));
  };
  auto ratio_exceeded = [&](std::uint64_t size) {
    return size > ratio_floor && static_cast<double>(size) > limits.max_ratio * static_cast<double>(compressed);
  };
  if (declared > limits.max_entry_size) {
    diags.push_back(over_entry());
    return false;
  }
  if (declared > limits.max_total_size - std::min<std::uint64_t>(a.total, limits.max_total_size)) {
    diags.push_back(over_total());
    return false;
  }
  if (ratio_exceeded(declared)) {
    diags.push_back(over_ratio(declared));
    return false;
  }

  // Then what it really holds, chunk by chunk: never more than one chunk past a limit in memory.
  std::unique_ptr<zip_file_t, FileClose> file(zip_fopen_index(a.zip.get(), *index, 0));
  if (!file) {
    diags.push_back(a.broken(name, reason(zip_error_code_zip(zip_get_error(a.zip.get())), zip_strerror(a.zip.get()))));
    return false;
  }
  std::string chunk(chunk_size, '\0');
  std::uint64_t size = 0;
  while (true) {
    const zip_int64_t n = zip_fread(file.get(), chunk.data(), chunk.size());
    if (n < 0) {
      diags.push_back(a.broken(name, reason(zip_error_code_zip(zip_file_get_error(file.get())), zip_file_strerror(file.get()))));
      return false;
    }
    if (n == 0) break;
    size += static_cast<std::uint64_t>(n);
    if (size > limits.max_entry_size) {
      diags.push_back(over_entry());
      return false;
    }
    if (a.total + size > limits.max_total_size) {
      diags.push_back(over_total());
      return false;
    }
    if (ratio_exceeded(size)) {
      diags.push_back(over_ratio(size));
      return false;
    }
    if (!sink(std::string_view(chunk.data(), static_cast<std::size_t>(n)))) {
      a.total += size;
      return false;
    }
  }
  a.total += size;
  return true;
}

}  // namespace clausier::document::detail
