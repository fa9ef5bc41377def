#pragma once
// A set of 64-bit keys in one array (open addressing, linear probing), each with a 32-bit value: no
// allocation per key, for the million packed keys of the duplicate check (lot, participant, month and
// route in one integer) and the distinct (participant, employer, contract) of a report.
#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <utility>
#include <vector>

namespace clausier::track {

class KeySet {
 public:
  // Room for `expected` keys before the first growth. Without `values`, a set of keys only (add, contains):
  // half the memory, and one cache line touched per key instead of two.
  explicit KeySet(std::size_t expected = 0, bool values = true) : with_values_(values) {
    rehash(capacity_for(expected));
  }

  // Inserts `key` with `value` when absent. Returns the value stored with the key (the new one, or the
  // one of its first insertion) and whether it was inserted. The key ~0 is reserved (an empty slot).
  std::pair<std::uint32_t, bool> insert(std::uint64_t key, std::uint32_t value = 0) {
    if (key == empty) throw std::invalid_argument("KeySet: the key ~0 is reserved");
    if (2 * (size_ + 1) > keys_.size()) rehash(2 * keys_.size());
    std::size_t i = slot(key);
    while (keys_[i] != empty) {
      if (keys_[i] == key) return {with_values_ ? values_[i] : 0, false};
      i = (i + 1) & mask_;
    }
    keys_[i] = key;
    if (with_values_) values_[i] = value;
    ++size_;
    return {value, true};
  }
  // Adds `key` when absent; whether it was.
  bool add(std::uint64_t key) { return insert(key).second; }
  bool contains(std::uint64_t key) const {
    for (std::size_t i = slot(key); keys_[i] != empty; i = (i + 1) & mask_)
      if (keys_[i] == key) return true;
    return false;
  }
  std::size_t size() const { return size_; }
  // Empties the set, with room for `expected` keys. The table keeps its size unless it is more than four
  // times what they need: emptying it costs about what filling it will (a set emptied for each person).
  void reset(std::size_t expected) {
    size_ = 0;
    if (keys_.size() > 4 * capacity_for(expected)) {
      keys_.clear();
      rehash(capacity_for(expected));
    } else {
      std::fill(keys_.begin(), keys_.end(), empty);
    }
  }

 private:
  static constexpr std::uint64_t empty = ~std::uint64_t{0};

  static std::size_t capacity_for(std::size_t expected) {
    std::size_t c = 16;
    while (c < 2 * expected) c *= 2;
    return c;
  }
  // Fibonacci hashing: the high bits of key × 2^64/φ, so that keys differing in low bits spread.
  std::size_t slot(std::uint64_t key) const {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_) & mask_;
  }
  void rehash(std::size_t capacity) {
    std::vector<std::uint64_t> keys(capacity, empty);
    std::vector<std::uint32_t> values(with_values_ ? capacity : 0);
    keys.swap(keys_);
    values.swap(values_);
    mask_ = capacity - 1;
    shift_ = 64;
    for (std::size_t c = capacity; c > 1; c >>= 1) --shift_;
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (keys[i] == empty) continue;
      std::size_t j = slot(keys[i]);
      while (keys_[j] != empty) j = (j + 1) & mask_;
      keys_[j] = keys[i];
      if (with_values_) values_[j] = values[i];
    }
  }

  bool with_values_ = true;
  std::vector<std::uint64_t> keys_;
  std::vector<std::uint32_t> values_;
  std::size_t size_ = 0, mask_ = 0;
  int shift_ = 64;
};

// A 32-bit value for each pair of a scope (a lot, the operation) and an id (a participant text) met, the
// first one given: in a dense table of scopes × ids (one look-up at a known place per row) while it stays
// under `dense_limit` entries (16 MB by default), else in a KeySet.
class PairIndex {
 public:
  PairIndex(std::size_t scopes, std::size_t ids, std::size_t dense_limit = std::size_t{1} << 22)
      : ids_(ids), dense_(scopes * ids <= dense_limit), set_(dense_ ? 0 : ids) {
    if (dense_) values_.assign(scopes * ids, absent);
  }
  // Like KeySet::insert: the value stored for (scope, id) and whether it was inserted now (with `value`).
  std::pair<std::uint32_t, bool> insert(std::uint32_t scope, std::uint32_t id, std::uint32_t value) {
    if (!dense_) return set_.insert((std::uint64_t{scope} << 32) | id, value);
    std::uint32_t& stored = values_[scope * ids_ + id];
    if (stored != absent) return {stored, false};
    stored = value;
    return {value, true};
  }
  bool dense() const { return dense_; }

 private:
  static constexpr std::uint32_t absent = ~std::uint32_t{0};
  std::size_t ids_;
  bool dense_;
  std::vector<std::uint32_t> values_;
  KeySet set_;
};

// The pairs of a scope (a lot, a lot's year) and an id (a participant text) met: one bit per pair in a
// dense table while it stays under `dense_limit` bits (16 MB by default: 3 lots of 60 000 texts take
// 22 KB, in the cache, where a key set of the pairs missed it on most rows), else a KeySet.
class PairSet {
 public:
  PairSet(std::size_t scopes, std::size_t ids, std::size_t dense_limit = std::size_t{1} << 27)
      : ids_(ids), dense_(scopes * ids <= dense_limit), bits_(dense_ ? scopes * ids : 0), set_(dense_ ? 0 : ids) {}
  // Adds the pair when absent; whether it was.
  bool add(std::uint32_t scope, std::uint32_t id) {
    if (!dense_) return set_.add((std::uint64_t{scope} << 32) | id);
    auto bit = bits_[scope * ids_ + id];
    if (bit) return false;
    bit = true;
    return true;
  }
  bool dense() const { return dense_; }

 private:
  std::size_t ids_;
  bool dense_;
  std::vector<bool> bits_;
  KeySet set_;
};

}  // namespace clausier::track
