#include "plugins/traffic/csv_table.h"

#include <cmath>

#include "backend/core/error.h"

namespace routescope::plugins::traffic {

CsvTable CsvTable::parse(const std::string& text, const std::string& name,
                         std::initializer_list<const char*> required,
                         std::initializer_list<const char*> numeric) {
  const auto fail = [&](const std::string& why) { throw core::Error(name + ": " + why); };
  QStringList lines = QString::fromStdString(text).split(QLatin1Char('\n'));
  for (QString& line : lines) line = line.trimmed();  // also drops the '\r' of CRLF files
  lines.removeAll(QString());
  if (lines.isEmpty()) fail("empty (expected a header row)");
  CsvTable table;
  table.header_ = lines.front().split(QLatin1Char(','));
  for (const char* column : required)
    if (table.column(column) < 0) fail(std::string("no column '") + column + "'");
  std::vector<int> numeric_columns;
  for (const char* column : numeric)
    if (const int c = table.column(column); c >= 0) numeric_columns.push_back(c);
  for (qsizetype i = 1; i < lines.size(); ++i) {
    QStringList fields = lines[i].split(QLatin1Char(','));
    const std::string where = "line " + std::to_string(i + 1) + ": ";
    if (fields.size() != table.header_.size())
      fail(where + std::to_string(fields.size()) + " fields, the header has " +
           std::to_string(table.header_.size()));
    for (const int c : numeric_columns) {
      bool ok = false;
      const double v = fields[c].toDouble(&ok);
      if (!ok || !std::isfinite(v))
        fail(where + "field '" + table.header_[c].toStdString() + "' is not a number: '" +
             fields[c].toStdString() + "'");
    }
    table.rows_.push_back(std::move(fields));
  }
  return table;
}

}  // namespace routescope::plugins::traffic
