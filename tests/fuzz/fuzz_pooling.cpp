// Fuzz target for the pooling file (track::parse_pooling, formats.md section 8) and its check against
// operations (track::check_pooling). Built with -DCLAUSIER_FUZZ=ON and clang, it is a libFuzzer entry
// point; otherwise it is a normal test that replays the files and folders given on its command line.
// Beyond "no crash", it checks what callers rely on; a broken promise aborts, which libFuzzer reports.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "clausier/track/pooling.hpp"

namespace {

void require(bool promise) {
  if (!promise) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace clausier;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  track::PoolingFile file = track::parse_pooling(text, "pooling.yaml");
  // A pooling is given only when the file has no error, and every error says where and why.
  require(file.pooling.has_value() == file.diagnostics.empty());
  for (const Diagnostic& d : file.diagnostics) require(!d.message.empty() && d.path == "pooling.yaml");
  if (!file.pooling) return 0;
  for (const track::Agreement& a : file.pooling->agreements) {
    require(!a.id.value.empty() && a.lots.size() >= 2);
    for (const track::PooledLot& l : a.lots) require(!l.operation.empty() && !l.lot.empty() && l.pos.line > 0);
  }
  // Against no operation at all, every pooled lot is unknown: one error each, none lost.
  std::size_t lots = 0;
  for (const track::Agreement& a : file.pooling->agreements) lots += a.lots.size();
  Diagnostics checked = track::check_pooling(*file.pooling, std::vector<const tender::Tender*>{});
  require(checked.size() == lots);
  for (const Diagnostic& d : checked) require(d.rule == "pooling-unknown-lot");
  return 0;
}
