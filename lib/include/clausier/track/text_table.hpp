#pragma once
// Texts interned once each, for the statement rows' lots, participants and employers and the participants'
// refs: a flat table looked up a million times.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clausier::track {

namespace detail {

// Eight bytes at a time, multiplied and folded: the texts are short (a lot, a ref, an employer).
inline std::uint64_t text_hash(std::string_view s) {
  constexpr std::uint64_t k = 0xff51afd7ed558ccdULL;
  std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ s.size();
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    h = (h ^ w) * k;
    h ^= h >> 32;
  }
  std::uint64_t w = 0;
  std::memcpy(&w, s.data() + i, s.size() - i);
  h = (h ^ w) * k;
  // MurmurHash3's finaliser: every byte reaches the low bits, which pick the slot ("P-0" starts every ref).
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  return h ^ (h >> 33);
}

}  // namespace detail

// Each distinct text once; a row holds its id. A stored text never moves: its view stays valid.
// Looked up for every field of a million rows: one flat array of slots (open addressing), each holding
// an id and the high half of its text's hash, so a lookup reads one slot and compares bytes only on a
// hash match (one cache miss less than ids and hashes in two arrays); the last text interned is tried
// first (a file repeats its lot and employer on every row).
using TextId = std::uint32_t;
class TextTable {
 public:
  TextId intern(std::string_view text);
  std::optional<TextId> find(std::string_view text) const;
  // The text's slot asked of memory ahead: find(text) a little later finds it in the cache (60 000
  // participants make a table of 2 MB; each row's look-up was a cache miss).
  void prefetch(std::string_view text) const;
  std::string_view operator[](TextId id) const { return views_[id]; }
  std::size_t size() const { return views_.size(); }

 private:
  struct Key {
    std::uint64_t hash, head;
    std::uint16_t size, hash_bits;
  };
  // A slot holds the text's first 8 bytes and its size: a text of up to 8 bytes (P-00001, a lot) is
  // recognised in its slot, with no second read at another place in memory. With 60 000 participants
  // the texts no longer fit in the cache, and those reads were a fifth of tracking 4 000 000 rows.
  struct Slot {
    std::uint64_t head = 0;       // the first 8 bytes of the text, zeros after its end
    TextId id_plus_one = 0;       // 0: an empty slot
    std::uint16_t size = 0;       // the text's size, at most 0xFFFF (longer ones are compared whole)
    std::uint16_t hash_bits = 0;  // 16 bits of the text's hash the slot number does not use
  };
  static Key key_of(std::string_view text);
  std::size_t slot_of(std::string_view text, const Key& key) const;  // its slot, or the empty one for it
  void grow();

  std::deque<std::string> texts_;
  std::vector<std::string_view> views_;  // of texts_, by id
  std::vector<Slot> slots_;              // a power of two long
  TextId last_ = 0;                      // the last id interned (when size() > 0)
};

// Inline: each statement row looks up three texts (out of line, in a file of their own, the calls doubled
// the time the look-ups took: perf, 4 000 000 rows).
inline TextTable::Key TextTable::key_of(std::string_view text) {
  const std::uint64_t hash = detail::text_hash(text);
  std::uint64_t head = 0;
  if (text.size() >= 8)
    std::memcpy(&head, text.data(), 8);
  else  // byte by byte: a memcpy of a variable size is a call
    for (std::size_t i = 0; i < text.size(); ++i) head |= std::uint64_t{static_cast<unsigned char>(text[i])} << (8 * i);
  return {hash, head, static_cast<std::uint16_t>(std::min<std::size_t>(text.size(), 0xFFFF)),
          static_cast<std::uint16_t>(hash >> 48)};
}

inline std::size_t TextTable::slot_of(std::string_view text, const Key& key) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = key.hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.id_plus_one == 0) return i;
    if (slot.head != key.head || slot.size != key.size || slot.hash_bits != key.hash_bits) continue;
    if (text.size() <= 8 || views_[slot.id_plus_one - 1] == text) return i;
  }
}

inline TextId TextTable::intern(std::string_view text) {
  if (!views_.empty() && views_[last_] == text) return last_;
  if (2 * (views_.size() + 1) > slots_.size()) grow();
  const Key key = key_of(text);
  std::size_t i = slot_of(text, key);
  if (slots_[i].id_plus_one == 0) {
    slots_[i] = {key.head, static_cast<TextId>(views_.size()) + 1, key.size, key.hash_bits};
    views_.push_back(texts_.emplace_back(text));
  }
  return last_ = slots_[i].id_plus_one - 1;
}

inline void TextTable::prefetch(std::string_view text) const {
  if (!slots_.empty()) __builtin_prefetch(&slots_[key_of(text).hash & (slots_.size() - 1)]);
}

inline std::optional<TextId> TextTable::find(std::string_view text) const {
  if (slots_.empty()) return std::nullopt;
  TextId id_plus_one = slots_[slot_of(text, key_of(text))].id_plus_one;
  if (id_plus_one == 0) return std::nullopt;
  return id_plus_one - 1;
}

}  // namespace clausier::track
