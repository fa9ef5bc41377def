#pragma once
// Private to the readers of the text formats: text made from pieces of a source file that remembers
// where each piece came from. Markup, entities, bullets and line breaks stand between what a reader
// keeps and what the file holds; this map is how a finding points at the line and column of a word.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "clausier/core/diagnostic.hpp"

namespace clausier::document::detail {

class MappedText {
 public:
  // A piece of text: bytes [offset, next piece) come from the source at `source`. A verbatim piece
  // holds the very bytes of the source there; another one stands for them (a decoded entity, the
  // space that joins two lines), and every byte of it maps to `source`.
  struct Run {
    std::size_t offset = 0;
    std::size_t source = 0;
    bool verbatim = true;
  };

  MappedText() = default;
  // Text from no source file (Word and ODF parts): positions there are paragraph numbers.
  MappedText(std::string text) : text_(std::move(text)), mapped_(false) {}  // NOLINT(google-explicit-constructor)

  // Appends s, copied from the source at byte `from`.
  void copy(std::string_view s, std::size_t from);
  // Appends s, standing for the source at byte `at`.
  void put(std::string_view s, std::size_t at);
  // Appends bytes [begin, end) of `other`, with their map.
  void append(const MappedText& other, std::size_t begin = 0, std::size_t end = std::string::npos);
  // Bytes [begin, end) of the text, with their map.
  MappedText slice(std::size_t begin, std::size_t end) const;

  const std::string& text() const { return text_; }
  bool empty() const { return text_.empty(); }
  std::size_t size() const { return text_.size(); }
  bool mapped() const { return mapped_; }
  const std::vector<Run>& runs() const { return runs_; }
  // The run that holds byte `offset` of the text (offset < size()).
  const Run& run_at(std::size_t offset) const;
  // The source byte of text byte `offset`.
  std::size_t source(std::size_t offset) const;

 private:
  void add(std::string_view s, std::size_t source, bool verbatim);
  std::string text_;
  std::vector<Run> runs_;
  bool mapped_ = true;
};

// Line and character column (both 1-based) of byte offsets of a text. Readers ask in file order, so
// each answer walks on from the last one: linear over a whole file, with no table of lines.
class SourceLocator {
 public:
  explicit SourceLocator(std::string_view text) : text_(text) {}
  Position at(std::size_t offset);

 private:
  std::string_view text_;
  std::size_t offset_ = 0;
  Position pos_{1, 1};
};

}  // namespace clausier::document::detail
