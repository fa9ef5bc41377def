#include "clausier/track/text_table.hpp"

namespace clausier::track {

void TextTable::grow() {  // the keys are computed again: a table of n texts grows log n times
  std::vector<Slot> slots(slots_.empty() ? 64 : 2 * slots_.size());
  slots_.swap(slots);
  const std::size_t mask = slots_.size() - 1;
  for (TextId id = 0; id < views_.size(); ++id) {
    const Key key = key_of(views_[id]);
    std::size_t i = key.hash & mask;
    while (slots_[i].id_plus_one != 0) i = (i + 1) & mask;
    slots_[i] = {key.head, id + 1, key.size, key.hash_bits};
  }
}

}  // namespace clausier::track
