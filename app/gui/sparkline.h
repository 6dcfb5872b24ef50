#pragma once
// A word-sized line of the last values a running job streamed: enough to see a loss fall or a
// measurement settle without opening a chart.

#include <QVector>
#include <QWidget>

namespace routescope::gui {

class Sparkline : public QWidget {
  Q_OBJECT

 public:
  explicit Sparkline(QWidget* parent = nullptr);
  void addValue(double value);
  int valueCount() const { return static_cast<int>(values_.size()); }
  QSize sizeHint() const override { return {120, 22}; }

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  static constexpr int kMaxValues = 80;
  QVector<double> values_;
};

}  // namespace routescope::gui
