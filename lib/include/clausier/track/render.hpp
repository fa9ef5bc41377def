#pragma once
// The renderings of `clausier track`: a French report, JSON (formats.md section 7), CSV for Excel.
// The text and the JSON can list a million refused rows: every format is written as it is produced,
// piece by piece, never built whole (each refused row's explanation is made as it is written).
#include <string>
#include <string_view>

#include "clausier/core/outcome.hpp"
#include "clausier/rules/rules.hpp"
#include "clausier/track/catalogue.hpp"  // reason_label
#include "clausier/track/status.hpp"

namespace clausier::track {

// Gathers what a renderer writes and hands it on to `write` about 64 KB at a time, so that a million
// rows make a few hundred writes. flush() hands on the rest: call it at the end.
class PieceWriter {
 public:
  explicit PieceWriter(const WritePiece& write) : write_(write) { buffer_.reserve(capacity + 4096); }
  PieceWriter& operator<<(std::string_view s) {
    buffer_ += s;
    if (buffer_.size() >= capacity) flush();
    return *this;
  }
  std::string& buffer() { return buffer_; }  // to append to directly; then call done()
  void done() {
    if (buffer_.size() >= capacity) flush();
  }
  void flush() {
    if (!buffer_.empty()) write_(buffer_);
    buffer_.clear();
  }

 private:
  static constexpr std::size_t capacity = 1 << 16;
  const WritePiece& write_;
  std::string buffer_;
};

void render_text(const Tracking& t, const tender::Tender& tender, const WritePiece& write);
// `inputs`: the diagnostics of the operation's files, as stderr lists them: the JSON lists
// them as `errors` and `warnings`, so that a script needs no stderr.
void render_json(const Tracking& t, const tender::Tender& tender, const rules::RuleSet& rules, const Diagnostics& inputs,
                 const WritePiece& write);
void render_csv(const Tracking& t, const tender::Tender& tender, const WritePiece& write);  // one line per lot

// The same, whole, in one string (tests, small operations).
std::string render_text(const Tracking& t, const tender::Tender& tender);
std::string render_json(const Tracking& t, const tender::Tender& tender, const rules::RuleSet& rules,
                        const Diagnostics& inputs = {});
std::string render_csv(const Tracking& t, const tender::Tender& tender);

}  // namespace clausier::track
