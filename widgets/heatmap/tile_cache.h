#pragma once
// A least-recently-used cache bounded in bytes, keyed by tile. Both the aggregate pyramid and the
// coloured tile images live in one of these, so the view's memory stays flat however large the
// matrix is.

#include <cstddef>
#include <functional>
#include <list>
#include <unordered_map>
#include <utility>

namespace routescope::widgets {

// One tile of one detail level. At level (level_x, level_y) a "level cell" covers
// 2^level_x columns × 2^level_y rows of the matrix; a tile is tileSize × tileSize level cells.
struct TileKey {
  int level_x = 0;
  int level_y = 0;
  int tile_row = 0;
  int tile_col = 0;
  bool operator==(const TileKey&) const = default;
};

struct TileKeyHash {
  size_t operator()(const TileKey& k) const {
    size_t h = size_t(k.level_x) * 0x9e3779b97f4a7c15ull;
    h ^= size_t(k.level_y) + 0x7f4a7c15ull + (h << 6) + (h >> 2);
    h ^= size_t(k.tile_row) + 0x9e3779b9ull + (h << 6) + (h >> 2);
    h ^= size_t(k.tile_col) + 0x85ebca6bull + (h << 6) + (h >> 2);
    return h;
  }
};

// Value must be cheap to copy (QImage, shared_ptr): lookups hand out copies, so an entry evicted
// while a caller still uses it stays alive until the caller lets go.
template <class Value>
class TileCache {
 public:
  explicit TileCache(size_t budget_bytes) : budget_(budget_bytes) {}

  // Returns nullptr when absent; a hit becomes the most recently used entry.
  const Value* find(const TileKey& key) {
    auto it = index_.find(key);
    if (it == index_.end()) return nullptr;
    order_.splice(order_.begin(), order_, it->second);
    return &it->second->value;
  }

  // Inserts (or replaces) and then evicts least-recently-used entries until within budget; the
  // entry just inserted is never evicted, so one oversized tile still works.
  void insert(const TileKey& key, Value value, size_t bytes) {
    erase(key);
    order_.push_front(Entry{key, std::move(value), bytes});
    index_[key] = order_.begin();
    bytes_ += bytes;
    while (bytes_ > budget_ && order_.size() > 1) {
      const Entry& last = order_.back();
      bytes_ -= last.bytes;
      index_.erase(last.key);
      order_.pop_back();
    }
  }

  void erase(const TileKey& key) {
    auto it = index_.find(key);
    if (it == index_.end()) return;
    bytes_ -= it->second->bytes;
    order_.erase(it->second);
    index_.erase(it);
  }

  void clear() {
    order_.clear();
    index_.clear();
    bytes_ = 0;
  }

  void setBudget(size_t budget_bytes) { budget_ = budget_bytes; }
  size_t budget() const { return budget_; }
  size_t bytes() const { return bytes_; }
  size_t size() const { return order_.size(); }

 private:
  struct Entry {
    TileKey key;
    Value value;
    size_t bytes;
  };
  size_t budget_;
  size_t bytes_ = 0;
  std::list<Entry> order_;  // front = most recently used
  std::unordered_map<TileKey, typename std::list<Entry>::iterator, TileKeyHash> index_;
};

}  // namespace routescope::widgets
