#pragma once
// 256-entry colour maps. viridis and magma are perceptually uniform (lightness rises evenly), so
// equal steps in value look like equal steps in colour; the diverging map is for signed data
// centred on zero (set a symmetric fixed range).

#include <QColor>
#include <QString>
#include <array>
#include <cstdint>

namespace routescope::widgets {

enum class ColormapKind { Viridis, Magma, BlueWhiteRed };

QString colormapName(ColormapKind kind);                          // "viridis", "magma", "bwr"
bool parseColormapName(const QString& name, ColormapKind* kind);  // case-insensitive

class Colormap {
 public:
  static constexpr int kEntries = 256;

  explicit Colormap(ColormapKind kind = ColormapKind::Viridis);
  ColormapKind kind() const { return kind_; }
  // Opaque ARGB (0xffRRGGBB).
  QRgb entry(int index) const { return table_[size_t(index)]; }
  // The entry for `value` in [lo, hi]: the range is cut into 256 equal bins (as matplotlib does),
  // values outside are clamped. Not for NaN (callers draw NaN in their own colour).
  static int entryIndex(float value, float lo, float hi);
  QRgb map(float value, float lo, float hi) const { return table_[size_t(entryIndex(value, lo, hi))]; }

 private:
  ColormapKind kind_;
  std::array<QRgb, kEntries> table_{};
};

namespace colormap_tables {
// 0xRRGGBB, generated (see colormap_tables.cpp).
extern const std::array<std::uint32_t, 256> kViridis;
extern const std::array<std::uint32_t, 256> kMagma;
}  // namespace colormap_tables

}  // namespace routescope::widgets
