#pragma once
// Qt's PNG writer stores any text longer than 40 characters as a compressed zTXt chunk. RouteScope
// promises the provenance in a plain tEXt chunk (readable with any PNG tool, `strings` included),
// so it is inserted here, after IHDR, with its CRC.

#include <QByteArray>

namespace routescope::widgets {

// Returns `png` with a tEXt chunk `keyword`\0`text` (both Latin-1, keyword 1-79 bytes) added, or an
// empty array when `png` is not a PNG.
QByteArray insertPngTextChunk(const QByteArray& png, const QByteArray& keyword, const QByteArray& text);

}  // namespace routescope::widgets
