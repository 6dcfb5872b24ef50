#include "app/gui/palettes.h"

#include <QApplication>
#include <QStyleFactory>

namespace routescope::gui {

QPalette lightPalette() {
  QPalette p;
  p.setColor(QPalette::Window, QColor(239, 240, 241));
  p.setColor(QPalette::WindowText, QColor(35, 38, 41));
  p.setColor(QPalette::Base, Qt::white);
  p.setColor(QPalette::AlternateBase, QColor(247, 247, 247));
  p.setColor(QPalette::Text, QColor(35, 38, 41));
  p.setColor(QPalette::Button, QColor(239, 240, 241));
  p.setColor(QPalette::ButtonText, QColor(35, 38, 41));
  p.setColor(QPalette::Highlight, QColor(61, 174, 233));
  p.setColor(QPalette::HighlightedText, Qt::white);
  p.setColor(QPalette::ToolTipBase, QColor(255, 255, 220));
  p.setColor(QPalette::ToolTipText, Qt::black);
  p.setColor(QPalette::Link, QColor(41, 128, 185));
  p.setColor(QPalette::PlaceholderText, QColor(120, 120, 120));
  p.setColor(QPalette::Disabled, QPalette::Text, QColor(160, 160, 160));
  p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(160, 160, 160));
  return p;
}

QPalette darkPalette() {
  QPalette p;
  p.setColor(QPalette::Window, QColor(42, 46, 50));
  p.setColor(QPalette::WindowText, QColor(232, 232, 232));
  p.setColor(QPalette::Base, QColor(27, 30, 32));
  p.setColor(QPalette::AlternateBase, QColor(49, 54, 59));
  p.setColor(QPalette::Text, QColor(232, 232, 232));
  p.setColor(QPalette::Button, QColor(49, 54, 59));
  p.setColor(QPalette::ButtonText, QColor(232, 232, 232));
  p.setColor(QPalette::Highlight, QColor(61, 174, 233));
  p.setColor(QPalette::HighlightedText, QColor(20, 20, 20));
  p.setColor(QPalette::ToolTipBase, QColor(49, 54, 59));
  p.setColor(QPalette::ToolTipText, QColor(232, 232, 232));
  p.setColor(QPalette::Link, QColor(99, 179, 237));
  p.setColor(QPalette::PlaceholderText, QColor(140, 140, 140));
  p.setColor(QPalette::Disabled, QPalette::Text, QColor(110, 110, 110));
  p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(110, 110, 110));
  return p;
}

void applyPalette(PaletteChoice choice) {
  QApplication::setStyle(QStyleFactory::create("Fusion"));
  QApplication::setPalette(choice == PaletteChoice::Dark ? darkPalette() : lightPalette());
}

}  // namespace routescope::gui
