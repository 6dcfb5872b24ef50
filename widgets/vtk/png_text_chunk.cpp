#include "widgets/vtk/png_text_chunk.h"

#include <QtEndian>
#include <array>

namespace routescope::widgets {
namespace {

constexpr char kSignature[] = "\x89PNG\r\n\x1a\n";
constexpr qsizetype kSignatureSize = 8;

// The CRC-32 of ISO 3309 that PNG chunks use (polynomial 0xEDB88320), table built once.
quint32 crc32(const QByteArray& bytes) {
  static const std::array<quint32, 256> table = [] {
    std::array<quint32, 256> entries{};
    for (quint32 n = 0; n < 256; ++n) {
      quint32 c = n;
      for (int k = 0; k < 8; ++k) c = (c & 1U) != 0 ? 0xEDB88320U ^ (c >> 1) : c >> 1;
      entries[n] = c;
    }
    return entries;
  }();
  quint32 crc = 0xFFFFFFFFU;
  for (char byte : bytes) crc = table[(crc ^ static_cast<quint8>(byte)) & 0xFFU] ^ (crc >> 8);
  return crc ^ 0xFFFFFFFFU;
}

QByteArray bigEndian32(quint32 value) {
  QByteArray out(4, '\0');
  qToBigEndian(value, out.data());
  return out;
}

}  // namespace

QByteArray insertPngTextChunk(const QByteArray& png, const QByteArray& keyword, const QByteArray& text) {
  if (!png.startsWith(QByteArray(kSignature, kSignatureSize)) || png.size() < kSignatureSize + 25) return {};
  if (keyword.isEmpty() || keyword.size() > 79) return {};
  // IHDR is always first: 4 length + 4 type + 13 data + 4 CRC.
  const qsizetype after_header = kSignatureSize + 4 + 4 + 13 + 4;
  const QByteArray type_and_data = "tEXt" + keyword + '\0' + text;
  const QByteArray chunk = bigEndian32(static_cast<quint32>(type_and_data.size() - 4)) + type_and_data +
                           bigEndian32(crc32(type_and_data));
  QByteArray out = png;
  out.insert(after_header, chunk);
  return out;
}

}  // namespace routescope::widgets
