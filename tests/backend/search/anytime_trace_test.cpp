// Anytime traces: the CSV round trip (exact numbers), the gap helper, and the strict reader's
// errors, each naming the artifact, line and column.
#include "backend/search/anytime_trace.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "backend/core/error.h"

using namespace routescope;
using namespace routescope::search;

namespace {

AnytimeTrace sample(bool with_reference) {
  AnytimeTrace t;
  t.add(0.0123456789012345, 1, 5678135.3674113741, "exact");
  t.add(0.1, 20, 6000000.0 / 3.0, "ga-gnn (predicted)");
  t.add(12.5, 150, 5678135.3674360933, "");
  if (with_reference) t.reference = 5678135.3674113741;
  return t;
}

// The reader's message for `text`, or "" when it reads.
std::string readError(const std::string& text) {
  try {
    readAnytimeCsv(text, "gap_vs_time.csv");
  } catch (const core::Error& e) {
    return e.what();
  }
  return "";
}

const std::string kHeader = "method,seconds,evaluations,best_objective,reference,gap_percent\n";

}  // namespace

TEST(AnytimeTrace, RoundTripsExactlyWithAndWithoutReference) {
  for (const bool with_reference : {false, true}) {
    const AnytimeTrace t = sample(with_reference);
    const std::string csv = writeAnytimeCsv(t);
    EXPECT_EQ(csv.substr(0, csv.find('\n')),
              with_reference ? "method,seconds,evaluations,best_objective,reference,gap_percent"
                             : "method,seconds,evaluations,best_objective");
    const AnytimeTrace back = readAnytimeCsv(csv, "trace.csv");
    ASSERT_EQ(back.points.size(), t.points.size());
    EXPECT_EQ(back.reference.has_value(), with_reference);
    if (with_reference) {
      EXPECT_EQ(*back.reference, *t.reference);
    }
    for (size_t i = 0; i < t.points.size(); ++i) {
      EXPECT_EQ(back.points[i].label, t.points[i].label);
      EXPECT_EQ(back.points[i].seconds, t.points[i].seconds);  // shortest round-trip: bit-exact
      EXPECT_EQ(back.points[i].evaluations, t.points[i].evaluations);
      EXPECT_EQ(back.points[i].best_objective, t.points[i].best_objective);
    }
    EXPECT_EQ(writeAnytimeCsv(back), csv);
  }
  EXPECT_EQ(writeAnytimeCsv({}), "method,seconds,evaluations,best_objective\n");
  EXPECT_TRUE(readAnytimeCsv("method,seconds,evaluations,best_objective", "t").points.empty());
}

TEST(AnytimeTrace, GapPercentToTheReference) {
  EXPECT_DOUBLE_EQ(gapPercent(102.0, 100.0), 2.0);
  EXPECT_DOUBLE_EQ(gapPercent(100.0, 100.0), 0.0);
  EXPECT_DOUBLE_EQ(gapPercent(-98.0, -100.0), 2.0);  // relative to |reference|
  EXPECT_THROW(gapPercent(1.0, 0.0), core::Error);
  EXPECT_THROW(gapPercent(std::numeric_limits<double>::infinity(), 1.0), core::Error);
  const std::string csv = writeAnytimeCsv(sample(true));
  EXPECT_NE(csv.find("\nexact,0.0123456789012345,1,5678135.367411374,5678135.367411374,0\n"),
            std::string::npos)
      << csv;
}

TEST(AnytimeTrace, WriterRejectsWhatTheReaderCouldNotRead) {
  AnytimeTrace comma;
  comma.add(1.0, 1, 1.0, "a,b");
  EXPECT_THROW(writeAnytimeCsv(comma), core::Error);
  AnytimeTrace nan;
  nan.add(1.0, 1, std::nan(""), "x");
  EXPECT_THROW(writeAnytimeCsv(nan), core::Error);
  AnytimeTrace zero = sample(false);
  zero.reference = 0.0;
  EXPECT_THROW(writeAnytimeCsv(zero), core::Error);
}

TEST(AnytimeTrace, ReaderAcceptsCrlfAndAMissingFinalLineEnd) {
  const AnytimeTrace t =
      readAnytimeCsv("method,seconds,evaluations,best_objective\r\nga,1,2,3\r\nga,2,4,1", "t");
  ASSERT_EQ(t.points.size(), 2u);
  EXPECT_EQ(t.points[1].best_objective, 1.0);
}

TEST(AnytimeTrace, ReaderNamesArtifactLineAndColumn) {
  const std::string row = "ga,1.5,10,102,100,2\n";
  const std::vector<std::pair<std::string, std::string>> cases{
      {"", "gap_vs_time.csv: line 1, column 1: empty"},
      {"\n", "gap_vs_time.csv: line 1, column 1: expected column 'method'"},
      {"method,seconds,best_tstt,gap_percent\n",
       "line 1, column 3: expected column 'evaluations', found 'best_tstt'"},
      {"a,b\n1,2\n", "line 1, column 1: expected column 'method', found 'a'"},
      {"method,seconds,evaluations\n", "line 1, column 4: missing column 'best_objective'"},
      {"method,seconds,evaluations,best_objective,reference\n",
       "line 1, column 6: missing column 'gap_percent'"},
      {"method,seconds,evaluations,best_objective,reference,gap_percent,x\n",
       "line 1, column 7: unexpected column"},
      {std::string("\x01\xff,\x02\n\x03", 7), "line 1, column 1: expected column 'method'"},
      {kHeader + row + "ga,1.5,10\n", "line 3, column 4: missing field 'best_objective'"},
      {kHeader + row + "ga,1.5,10,102,100,2,7\n", "line 3, column 7: a field more"},
      {kHeader + "ga,x,10,102,100,2\n", "line 2, column 2: seconds: 'x' is not a finite number"},
      {kHeader + "ga,1.5,10,inf,100,2\n", "line 2, column 4: best_objective: 'inf' is not a finite number"},
      {kHeader + "ga,1.5,10,102,100,nan\n", "line 2, column 6: gap_percent: 'nan' is not a finite number"},
      {kHeader + "ga,1.5x,10,102,100,2\n", "line 2, column 2: seconds: '1.5x'"},
      {kHeader + "ga, 1.5,10,102,100,2\n", "line 2, column 2: seconds: ' 1.5'"},
      {kHeader + "ga,-1,10,102,100,2\n", "line 2, column 2: seconds: '-1' is negative"},
      {kHeader + "ga,1,2.5,102,100,2\n",
       "line 2, column 3: evaluations: '2.5' is not a non-negative integer"},
      {kHeader + "ga,1,-2,102,100,2\n", "line 2, column 3: evaluations"},
      {kHeader + "ga,1,2,102,0,2\n", "line 2, column 5: reference: 0"},
      {kHeader + row + "ga,2,12,101,99,2\n", "line 3, column 5: reference: '99' differs"},
      {kHeader + "ga,1,2,102,100,3\n", "line 2, column 6: gap_percent: '3' disagrees"},
      {kHeader + row + "\n" + row, "line 3, column 1: empty line"},
      {kHeader + row + "\n", "line 3, column 1: empty line"},
      {kHeader + "\"ga\",1,2,102,100,2\n", "line 2, column 1: method '\"ga\"' holds a quote"},
  };
  for (const auto& [text, expected] : cases) {
    const std::string error = readError(text);
    EXPECT_NE(error.find(expected), std::string::npos) << "input:\n" << text << "\nerror: " << error;
    EXPECT_EQ(error.rfind("gap_vs_time.csv: line ", 0), 0u) << error;
  }
  EXPECT_EQ(readError(kHeader + row), "");
}
