#pragma once
// A small, strict reader for the numeric CSV artifacts of network-design runs (header row, then
// one record per line, no quoting). Columns are found by header name so that added columns never
// shift what a figure reads; a row with a different field count or a non-number where a number is
// required makes the whole artifact malformed, so a figure is never drawn from half a file.

#include <QString>
#include <QStringList>
#include <initializer_list>
#include <string>
#include <vector>

namespace routescope::plugins::traffic {

class CsvTable {
 public:
  // Throws core::Error "NAME: …" when the text is empty, a `required` column is missing, a row
  // has the wrong number of fields, or a field of a `numeric` column is not a finite number.
  static CsvTable parse(const std::string& text, const std::string& name,
                        std::initializer_list<const char*> required,
                        std::initializer_list<const char*> numeric);

  int rowCount() const { return int(rows_.size()); }
  // -1 when absent.
  int column(const char* name) const { return int(header_.indexOf(QString::fromLatin1(name))); }
  const QStringList& header() const { return header_; }
  const QString& text(int row, int column) const { return rows_[size_t(row)][column]; }
  QString text(int row, const char* name) const { return text(row, column(name)); }
  double number(int row, const char* name) const { return text(row, name).toDouble(); }

 private:
  QStringList header_;
  std::vector<QStringList> rows_;
};

}  // namespace routescope::plugins::traffic
