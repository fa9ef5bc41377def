// Small helpers over pugixml for the Word writer: elements, parts, text and runs.
#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "docx_xml.hpp"

namespace clausier::doc::docx {


pugi::xml_node add(pugi::xml_node parent, const char* name, Attributes attributes) {
  pugi::xml_node node = parent.append_child(name);
  for (const auto& [key, value] : attributes) node.append_attribute(key).set_value(std::string(value).c_str());
  return node;
}

// <w:name w:val="value"/>, the shape of most WordprocessingML properties.
pugi::xml_node add_val(pugi::xml_node parent, const char* name, std::string_view value) {
  return add(parent, name, {{"w:val", value}});
}

pugi::xml_node start_part(pugi::xml_document& xml, const char* root, Attributes namespaces) {
  pugi::xml_node declaration = xml.append_child(pugi::node_declaration);
  declaration.append_attribute("version").set_value("1.0");
  declaration.append_attribute("encoding").set_value("UTF-8");
  declaration.append_attribute("standalone").set_value("yes");
  return add(xml, root, namespaces);
}

namespace {
class StringWriter : public pugi::xml_writer {
 public:
  std::string bytes;
  void write(const void* data, std::size_t size) override { bytes.append(static_cast<const char*>(data), size); }
};
}  // namespace

std::string serialise(const pugi::xml_document& xml) {
  StringWriter writer;
  xml.save(writer, "", pugi::format_raw, pugi::encoding_utf8);
  return writer.bytes;
}

// Text as XML 1.0 accepts it (Word refuses a file that breaks this): malformed UTF-8 becomes U+FFFD;
// control characters other than tab and line feed, surrogates, U+FFFE and U+FFFF are dropped.
std::string xml_text(std::string_view s) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    const auto lead = static_cast<unsigned char>(s[i]);
    const std::size_t length = lead < 0x80                   ? 1
                               : lead >= 0xC2 && lead <= 0xDF ? 2
                               : lead >= 0xE0 && lead <= 0xEF ? 3
                               : lead >= 0xF0 && lead <= 0xF4 ? 4
                                                              : 0;
    std::uint32_t code = length == 1 ? lead : length == 2 ? lead & 0x1Fu : length == 3 ? lead & 0x0Fu : lead & 0x07u;
    bool valid = length > 0 && i + length <= s.size();
    for (std::size_t k = 1; valid && k < length; ++k) {
      const auto next = static_cast<unsigned char>(s[i + k]);
      valid = (next & 0xC0) == 0x80;
      code = (code << 6) | (next & 0x3Fu);
    }
    valid = valid && !(length == 3 && code < 0x800) && !(length == 4 && (code < 0x10000 || code > 0x10FFFF));
    if (!valid) {
      out += "\uFFFD";
      ++i;
      continue;
    }
    const bool allowed = code == 0x9 || code == 0xA || (code >= 0x20 && code < 0xD800) ||
                         (code >= 0xE000 && code <= 0xFFFD) || code >= 0x10000;
    if (allowed) out.append(s.substr(i, length));
    i += length;
  }
  return out;
}

namespace {

// A hyphen between two digits holds its numbers together: "L. 2112-2-1", "n° 2021-1104", "2014-2024"
// must not break at the end of a line. Word's non-breaking hyphen; the document readers read it back as "-".
bool between_digits(const std::string& s, std::size_t i) {
  auto digit = [&](std::size_t k) { return s[k] >= '0' && s[k] <= '9'; };
  return s[i] == '-' && i > 0 && i + 1 < s.size() && digit(i - 1) && digit(i + 1);
}

// Likewise a hyphen inside an e-mail address (a word that holds an "@"): « clauses.sud-toulousain@… »
// cut at the end of a line reads as two addresses.
bool in_email(const std::string& s, std::size_t i) {
  if (s[i] != '-') return false;
  const std::size_t start = s.find_last_of(" \t\n", i);
  const std::size_t end = s.find_first_of(" \t\n", i);
  const std::size_t at = s.find('@', start == std::string::npos ? 0 : start + 1);
  return at != std::string::npos && at < end;
}

std::size_t next_special(const std::string& s, std::size_t from) {
  for (std::size_t i = from; i < s.size(); ++i)
    if (s[i] == '\t' || s[i] == '\n' || between_digits(s, i) || in_email(s, i)) return i;
  return s.size();
}

}  // namespace

// One run a span. A tab or a line break inside a span (a Document built by hand) becomes w:tab or w:br.
// `half_points`: a size other than the body's (a table set smaller to fit its columns).
void add_runs(pugi::xml_node paragraph, const Inline& text, bool bold, int half_points) {
  for (const Span& span : text) {
    const std::string clean = xml_text(span.text);
    if (clean.empty()) continue;
    pugi::xml_node run = add(paragraph, "w:r");
    if (span.bold || bold || half_points != 0) {
      pugi::xml_node props = add(run, "w:rPr");
      if (span.bold || bold) add(props, "w:b");
      if (half_points != 0) {
        add_val(props, "w:sz", std::to_string(half_points));
        add_val(props, "w:szCs", std::to_string(half_points));
      }
    }
    std::size_t start = 0;
    while (start <= clean.size()) {
      const std::size_t end = next_special(clean, start);
      if (end > start) {
        pugi::xml_node t = add(run, "w:t", {{"xml:space", "preserve"}});
        t.append_child(pugi::node_pcdata).set_value(clean.substr(start, end - start).c_str());
      }
      if (end < clean.size()) add(run, clean[end] == '\t' ? "w:tab" : clean[end] == '\n' ? "w:br" : "w:noBreakHyphen");
      start = end + 1;
    }
  }
}

pugi::xml_node add_paragraph(pugi::xml_node body, std::string_view style) {
  pugi::xml_node paragraph = add(body, "w:p");
  if (!style.empty()) add_val(add(paragraph, "w:pPr"), "w:pStyle", style);
  return paragraph;
}

}  // namespace clausier::doc::docx
