// What every document reader shares: the paragraph sink, the normalisation of spaces, the UTF-8
// check of the text formats, and the line helpers of the Markdown and plain-text readers.
#include "text.hpp"

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "clausier/core/text.hpp"

namespace clausier::document::detail {
namespace {

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::size_t utf8_length(unsigned char lead) {
  return lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
}

// A line of three or more "=" (level 1) or "-" (level 2) and nothing else; 0 otherwise.
int underline_level(std::string_view line) {
  if (line.size() < 3) return 0;
  if (line.find_first_not_of('=') == std::string_view::npos) return 1;
  if (line.find_first_not_of('-') == std::string_view::npos) return 2;
  return 0;
}

// The text of a list item without its bullet ("- ", "* ", "+ "); an ordered item keeps its number
// ("1. Objet"), which the reader of the rendered page sees. npos when the line is no list item.
std::size_t list_item_start(std::string_view line, bool markdown) {
  if (line.size() == 1 && (line[0] == '-' || line[0] == '*' || (markdown && line[0] == '+'))) return 1;
  if (line.size() >= 2 && (line[1] == ' ' || line[1] == '\t') &&
      (line[0] == '-' || line[0] == '*' || (markdown && line[0] == '+')))
    return 2;
  if (!markdown && line.starts_with("\u2022 ")) return std::string_view("\u2022 ").size();
  if (!markdown) return std::string_view::npos;
  std::size_t digits = 0;
  while (digits < line.size() && digits < 9 && is_digit(line[digits])) ++digits;
  if (digits > 0 && digits + 1 < line.size() && (line[digits] == '.' || line[digits] == ')') &&
      (line[digits + 1] == ' ' || line[digits + 1] == '\t'))
    return 0;
  return std::string_view::npos;
}

void ParagraphSink::add(const Block& block) {
  Paragraph p;
  MappedText text = normalise_text(block.text);
  if (text.empty()) return;
  if (locator_ && text.mapped())
    for (const MappedText::Run& run : text.runs()) p.anchors.push_back({run.offset, locator_->at(run.source), run.verbatim});
  p.text = text.text();
  p.number = static_cast<int>(paragraphs_.size()) + 1;
  p.line = block.line;
  p.heading_level = std::clamp(block.heading_level, 0, 9);
  p.table = block.table;
  p.row = block.row;
  p.column = block.column;
  // The open headings form a path (levels 1, 2, ... down to the last one seen); the nearest heading
  // above a paragraph is the deepest of them, the parent of a heading the deepest above its level.
  const std::size_t depth = p.heading_level > 0 ? static_cast<std::size_t>(p.heading_level) - 1 : headings_.size();
  for (std::size_t level = depth; level-- > 0;) {
    if (!headings_[level].empty()) {
      p.heading = headings_[level];
      break;
    }
  }
  if (p.heading_level > 0) {
    headings_[depth] = p.text;
    for (std::size_t level = depth + 1; level < headings_.size(); ++level) headings_[level].clear();
  }
  paragraphs_.push_back(std::move(p));
}

std::string normalise_text(std::string_view raw) {
  const std::string clean = sanitize_utf8(raw);
  std::string out;
  out.reserve(clean.size());
  bool pending_space = false;
  for (char c : clean) {
    if (is_ascii_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) continue;
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

MappedText normalise_text(const MappedText& raw) {
  const std::string& text = raw.text();
  if (!raw.mapped() || !is_valid_utf8(text)) return MappedText(normalise_text(std::string_view(text)));
  MappedText out;
  const std::vector<MappedText::Run>& runs = raw.runs();
  std::size_t r = 0;  // the run of byte i: bytes are visited in order
  auto run_of = [&](std::size_t i) -> const MappedText::Run& {
    while (r + 1 < runs.size() && runs[r + 1].offset <= i) ++r;
    return runs[r];
  };
  auto keep = [&](std::size_t begin, std::size_t end) {  // bytes [begin, end) as they are
    while (begin < end) {
      const MappedText::Run& run = run_of(begin);
      const std::size_t run_end = std::min(end, &run == &runs.back() ? text.size() : (&run + 1)->offset);
      const std::string_view bytes = std::string_view(text).substr(begin, run_end - begin);
      if (run.verbatim)
        out.copy(bytes, run.source + (begin - run.offset));
      else
        out.put(bytes, run.source);
      begin = run_end;
    }
  };
  std::size_t blank = std::string::npos;  // the first blank of the run of blanks before i
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (is_ascii_space(c)) {
      if (blank == std::string::npos) blank = i;
      ++i;
      continue;
    }
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
      ++i;
      continue;
    }
    if (blank != std::string::npos && !out.empty()) {
      // One plain space from the file stays the file's; anything else becomes one space in its place.
      if (text[blank] == ' ' && (blank + 1 == i) && run_of(blank).verbatim)
        keep(blank, blank + 1);
      else
        out.put(" ", raw.source(blank));
    }
    blank = std::string::npos;
    std::size_t end = i + 1;
    while (end < text.size() && !is_ascii_space(text[end]) && static_cast<unsigned char>(text[end]) >= 0x20 &&
           text[end] != 0x7F)
      ++end;
    keep(i, end);
    i = end;
  }
  return out;
}

std::optional<Diagnostic> check_utf8(std::string_view text, const std::string& path) {
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF"))
    return Diagnostic{"encoding", Severity::error, Category::input, path, {1, 1},
                      "le fichier est encodé en UTF-16, pas en UTF-8",
                      "enregistrez-le en UTF-8 (dans le Bloc-notes : Enregistrer sous, Encodage UTF-8)"};
  // A binary file under a text name (a .docx or a PDF renamed .md): no encoding would make it text,
  // so « Windows-1252 ? » would mislead. Text never holds a NUL byte.
  const bool archive = text.starts_with("PK\x03\x04"), pdf = text.starts_with("%PDF-");
  if (archive || pdf || text.substr(0, 4096).find('\0') != std::string_view::npos)
    return Diagnostic{"encoding", Severity::error, Category::input, path, {1, 1},
                      archive ? "le fichier est une archive zip (un .docx ou un .odt ?), pas du texte"
                      : pdf   ? "le fichier est un PDF, pas du texte"
                              : "le fichier est binaire, pas du texte",
                      archive ? "donnez-lui l'extension de son format, .docx ou .odt"
                              : "vérifiez qu'il s'agit bien de la pièce : elle se vérifie en .docx, .odt, .md, .txt ou .html"};
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t len = utf8_length(c);
    if (len == 0 || i + len > text.size() || !is_valid_utf8(text.substr(i, len)))
      return Diagnostic{"encoding", Severity::error, Category::input, path,
                        {line, static_cast<int>(utf8_width(text.substr(line_start, i - line_start))) + 1},
                        "le fichier n'est pas encodé en UTF-8 (enregistré en Windows-1252 ?)",
                        "enregistrez-le en UTF-8 (dans le Bloc-notes : Enregistrer sous, Encodage UTF-8)"};
    i += len;
    if (c == '\n') {
      ++line;
      line_start = i;
    }
  }
  return std::nullopt;
}

std::string_view skip_bom(std::string_view text) {
  if (text.starts_with(utf8_bom)) text.remove_prefix(utf8_bom.size());
  return text;
}


}  // namespace clausier::document::detail
