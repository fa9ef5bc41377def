#include "mapped_text.hpp"

#include <algorithm>

#include "clausier/core/text.hpp"

namespace clausier::document::detail {

void MappedText::add(std::string_view s, std::size_t source, bool verbatim) {
  if (s.empty()) return;
  bool extends = false;
  if (!runs_.empty()) {
    const Run& last = runs_.back();
    extends = verbatim ? last.verbatim && last.source + (text_.size() - last.offset) == source
                       : !last.verbatim && last.source == source;
  }
  if (!extends) runs_.push_back({text_.size(), source, verbatim});
  text_ += s;
}

void MappedText::copy(std::string_view s, std::size_t from) { add(s, from, true); }
void MappedText::put(std::string_view s, std::size_t at) { add(s, at, false); }

void MappedText::append(const MappedText& other, std::size_t begin, std::size_t end) {
  end = std::min(end, other.text_.size());
  if (begin >= end) return;
  if (!other.mapped_) {
    mapped_ = false;
    text_.append(other.text_, begin, end - begin);
    return;
  }
  for (std::size_t i = begin; i < end;) {
    const Run& run = other.run_at(i);
    const auto r = static_cast<std::size_t>(&run - other.runs_.data());
    const std::size_t run_end =
        std::min(end, r + 1 < other.runs_.size() ? other.runs_[r + 1].offset : other.text_.size());
    add(std::string_view(other.text_).substr(i, run_end - i), run.verbatim ? run.source + (i - run.offset) : run.source,
        run.verbatim);
    i = run_end;
  }
}

MappedText MappedText::slice(std::size_t begin, std::size_t end) const {
  MappedText out;
  out.append(*this, begin, end);
  return out;
}

const MappedText::Run& MappedText::run_at(std::size_t offset) const {
  auto after = std::upper_bound(runs_.begin(), runs_.end(), offset,
                                [](std::size_t o, const Run& run) { return o < run.offset; });
  return after == runs_.begin() ? *after : *std::prev(after);
}

std::size_t MappedText::source(std::size_t offset) const {
  if (runs_.empty()) return 0;
  const Run& run = run_at(offset);
  return run.verbatim ? run.source + (offset - run.offset) : run.source;
}

Position SourceLocator::at(std::size_t offset) {
  offset = std::min(offset, text_.size());
  if (offset < offset_) {  // backwards: count the lines back, then the column from the line's start
    const std::string_view back = text_.substr(offset, offset_ - offset);
    pos_.line -= static_cast<int>(std::count(back.begin(), back.end(), '\n'));
    const std::size_t newline = text_.rfind('\n', offset == 0 ? 0 : offset - 1);
    const std::size_t start = newline == std::string_view::npos || offset == 0 ? 0 : newline + 1;
    pos_.column = static_cast<int>(utf8_width(text_.substr(start, offset - start))) + 1;
    offset_ = offset;
    return pos_;
  }
  for (; offset_ < offset; ++offset_) {
    const auto c = static_cast<unsigned char>(text_[offset_]);
    if (c == '\n') {
      ++pos_.line;
      pos_.column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++pos_.column;
    }
  }
  return pos_;
}

}  // namespace clausier::document::detail
