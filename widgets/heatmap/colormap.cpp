#include "widgets/heatmap/colormap.h"

#include <algorithm>
#include <cmath>

namespace routescope::widgets {
namespace {

// ColorBrewer RdBu anchors (Brewer, 2002), from dark blue through near-white to dark red;
// interpolated linearly in sRGB between anchors.
constexpr std::array<std::uint32_t, 11> kDivergingAnchors = {0x053061, 0x2166ac, 0x4393c3, 0x92c5de,
                                                             0xd1e5f0, 0xf7f7f7, 0xfddbc7, 0xf4a582,
                                                             0xd6604d, 0xb2182b, 0x67001f};

std::array<QRgb, Colormap::kEntries> divergingTable() {
  std::array<QRgb, Colormap::kEntries> table{};
  const int segments = int(kDivergingAnchors.size()) - 1;
  for (int i = 0; i < Colormap::kEntries; ++i) {
    const double t = double(i) / (Colormap::kEntries - 1) * segments;
    const int k = std::min(int(t), segments - 1);
    const double f = t - k;
    const QColor a = QColor::fromRgb(kDivergingAnchors[size_t(k)]);
    const QColor b = QColor::fromRgb(kDivergingAnchors[size_t(k + 1)]);
    auto mix = [f](int x, int y) { return int(std::lround(x + (y - x) * f)); };
    table[size_t(i)] = qRgb(mix(a.red(), b.red()), mix(a.green(), b.green()), mix(a.blue(), b.blue()));
  }
  return table;
}

std::array<QRgb, Colormap::kEntries> opaque(const std::array<std::uint32_t, 256>& rgb) {
  std::array<QRgb, Colormap::kEntries> table{};
  for (size_t i = 0; i < table.size(); ++i) table[i] = 0xff000000u | rgb[i];
  return table;
}

}  // namespace

QString colormapName(ColormapKind kind) {
  switch (kind) {
    case ColormapKind::Viridis:
      return QStringLiteral("viridis");
    case ColormapKind::Magma:
      return QStringLiteral("magma");
    case ColormapKind::BlueWhiteRed:
      return QStringLiteral("bwr");
  }
  return {};
}

bool parseColormapName(const QString& name, ColormapKind* kind) {
  for (ColormapKind k : {ColormapKind::Viridis, ColormapKind::Magma, ColormapKind::BlueWhiteRed}) {
    if (name.compare(colormapName(k), Qt::CaseInsensitive) == 0) {
      *kind = k;
      return true;
    }
  }
  return false;
}

Colormap::Colormap(ColormapKind kind) : kind_(kind) {
  switch (kind) {
    case ColormapKind::Viridis:
      table_ = opaque(colormap_tables::kViridis);
      break;
    case ColormapKind::Magma:
      table_ = opaque(colormap_tables::kMagma);
      break;
    case ColormapKind::BlueWhiteRed:
      table_ = divergingTable();
      break;
  }
}

int Colormap::entryIndex(float value, float lo, float hi) {
  if (!(hi > lo)) return kEntries / 2;  // a constant matrix shows the middle colour
  const double t = (double(value) - lo) / (double(hi) - lo);
  return std::clamp(int(std::floor(t * kEntries)), 0, kEntries - 1);
}

}  // namespace routescope::widgets
