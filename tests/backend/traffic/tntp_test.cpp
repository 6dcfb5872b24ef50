// TNTP reading and writing: the quirks of real files, one-line errors naming file, line and
// field for malformed input, and write → read round trips.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "backend/core/error.h"
#include "backend/traffic/braess.h"
#include "backend/traffic/coordinates.h"
#include "backend/traffic/generator.h"
#include "backend/traffic/tntp_reader.h"
#include "backend/traffic/tntp_writer.h"

using namespace routescope::traffic;

namespace {

// Two zones, four nodes; CRLF line ends, tabs, comments, a `;` glued to the last number, a zero
// free-flow time and per-link b/power.
const std::string kNet =
    "<NUMBER OF ZONES> 2\r\n<NUMBER OF NODES> 4\r\n<FIRST THRU NODE> 3\r\n<NUMBER OF LINKS> 4\r\n"
    "<ORIGINAL HEADER>~ whatever\r\n<END OF METADATA>\r\n\r\n"
    "~\tinit\tterm\tcap\tlen\tfftt\tb\tpower\tspeed\ttoll\ttype\t;\r\n"
    "\t1\t3\t100\t1\t0\t0.15\t4\t0\t0\t1\t;\r\n"
    "\t3\t4\t50.5\t2\t3\t1\t2\t0\t5\t1\t; ~ a comment\r\n"
    "   4 2 100 1 1.5 0.5 1 0 0 2;\r\n"
    "\t2\t4\t100\t1\t1\t0.15\t4\t0\t0\t1\t;\r\n";

std::string errorOf(const std::string& text) {
  try {
    parseNetwork(text, "bad_net.tntp");
  } catch (const routescope::core::Error& e) {
    return e.what();
  }
  return "";
}

void expectOneLineNaming(const std::string& message, const std::string& what) {
  EXPECT_FALSE(message.empty());
  EXPECT_EQ(message.find('\n'), std::string::npos) << message;
  EXPECT_NE(message.find("bad_net.tntp:"), std::string::npos) << message;
  EXPECT_NE(message.find(what), std::string::npos) << message;
}

}  // namespace

TEST(TntpReader, ReadsQuirksOfRealFiles) {
  const Network net = parseNetwork(kNet, "test_net.tntp");
  EXPECT_EQ(net.nodes, 4);
  EXPECT_EQ(net.zones, 2);
  EXPECT_EQ(net.first_thru_node, 3);
  ASSERT_EQ(net.links.size(), 4u);
  EXPECT_EQ(net.links[0].from, 0);
  EXPECT_EQ(net.links[0].to, 2);
  EXPECT_EQ(net.links[0].free_flow_time, 0.0);
  EXPECT_DOUBLE_EQ(net.links[1].capacity, 50.5);
  EXPECT_DOUBLE_EQ(net.links[1].power, 2.0);
  EXPECT_DOUBLE_EQ(net.links[1].toll, 5.0);
  EXPECT_DOUBLE_EQ(net.links[2].b, 0.5);
  EXPECT_EQ(net.links[2].type, 2);
  EXPECT_EQ(net.metadata.at("NUMBER OF LINKS"), "4");
}

TEST(TntpReader, MalformedNetworksGiveOneLineErrorsNamingFileLineAndField) {
  // Missing metadata tag: named, at the END OF METADATA line.
  std::string missing = kNet;
  missing.replace(missing.find("<NUMBER OF NODES> 4\r\n"), 21, "");
  expectOneLineNaming(errorOf(missing), "bad_net.tntp:5: field 'NUMBER OF NODES'");
  // Wrong column count on line 10.
  std::string columns = kNet;
  columns.replace(columns.find("\t1\t3\t100\t1\t0"), 12, "\t1\t3\t100\t1");
  expectOneLineNaming(errorOf(columns), "bad_net.tntp:9: field 'columns'");
  // Negative capacity.
  std::string negative = kNet;
  negative.replace(negative.find("50.5"), 4, "-5.5");
  expectOneLineNaming(errorOf(negative), "bad_net.tntp:10: field 'capacity'");
  // Unknown node.
  std::string unknown = kNet;
  unknown.replace(unknown.find("   4 2 100"), 10, "   9 2 100");
  expectOneLineNaming(errorOf(unknown), "bad_net.tntp:11: field 'init_node': unknown node 9");
  // Truncated: the last link is missing.
  const std::string truncated = kNet.substr(0, kNet.rfind("\t2\t4"));
  expectOneLineNaming(errorOf(truncated), "field 'NUMBER OF LINKS': 4 announced, 3 found");
  // Truncated inside the metadata.
  expectOneLineNaming(errorOf(kNet.substr(0, 40)), "field 'END OF METADATA'");
  // Not a number.
  std::string text = kNet;
  text.replace(text.find("50.5"), 4, "5x.5");
  expectOneLineNaming(errorOf(text), "bad_net.tntp:10: field 'capacity': '5x.5' is not a number");
}

TEST(TntpReader, TripsWithSeveralEntriesPerLineAndErrors) {
  const std::string trips =
      "<NUMBER OF ZONES> 3\n<TOTAL OD FLOW> 60.0\n<END OF METADATA>\n\n"
      "Origin \t1 \n    1 :      0.0;     2 :    10.0;     3 :  20.0;\n\nOrigin 3\n 1 : 30;\n";
  const Demand d = parseTrips(trips, "t_trips.tntp");
  EXPECT_EQ(d.zones, 3);
  ASSERT_EQ(d.origins.size(), 2u);
  EXPECT_DOUBLE_EQ(d.flow(0, 1), 10.0);
  EXPECT_DOUBLE_EQ(d.flow(0, 2), 20.0);
  EXPECT_DOUBLE_EQ(d.flow(2, 0), 30.0);
  EXPECT_DOUBLE_EQ(d.total(), 60.0);
  const auto error = [](const std::string& text) {
    try {
      parseTrips(text, "t_trips.tntp");
    } catch (const routescope::core::Error& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_NE(error("<NUMBER OF ZONES> 3\n<END OF METADATA>\nOrigin 1\n 4 : 5;\n")
                .find("t_trips.tntp:4: field 'destination': unknown zone 4"),
            std::string::npos);
  // Truncated: less demand than announced.
  EXPECT_NE(error(trips.substr(0, trips.find("Origin 3"))).find("field 'TOTAL OD FLOW'"), std::string::npos);
  EXPECT_NE(error("<TOTAL OD FLOW> 3\n<END OF METADATA>\n").find("field 'NUMBER OF ZONES'"),
            std::string::npos);
}

TEST(TntpWriter, RoundTripKeepsEveryNumber) {
  const City city = generateCity({.layout = "ring", .size = 3, .zones = 6, .seed = 7});
  const Network again = parseNetwork(formatNetwork(city.network), "round_net.tntp");
  ASSERT_EQ(again.links.size(), city.network.links.size());
  EXPECT_EQ(again.first_thru_node, city.network.first_thru_node);
  for (size_t a = 0; a < again.links.size(); ++a) {
    EXPECT_EQ(again.links[a].from, city.network.links[a].from);
    EXPECT_EQ(again.links[a].to, city.network.links[a].to);
    EXPECT_EQ(again.links[a].capacity, city.network.links[a].capacity);
    EXPECT_EQ(again.links[a].free_flow_time, city.network.links[a].free_flow_time);
    EXPECT_EQ(again.links[a].length, city.network.links[a].length);
    EXPECT_EQ(again.links[a].b, city.network.links[a].b);
  }
  const Demand demand = parseTrips(formatTrips(city.demand), "round_trips.tntp");
  ASSERT_EQ(demand.origins.size(), city.demand.origins.size());
  for (size_t k = 0; k < demand.origins.size(); ++k) {
    EXPECT_EQ(demand.origins[k].destinations, city.demand.origins[k].destinations);
    EXPECT_EQ(demand.origins[k].flows, city.demand.origins[k].flows);
  }
  const std::string dir = std::filesystem::temp_directory_path() / "routescope_traffic_tntp_test";
  std::filesystem::create_directories(dir);
  writeTextFile(dir + "/x_node.tntp", formatNodes(city.network.coordinates));
  const auto coords = readNodeFile(dir + "/x_node.tntp", city.network.nodes);
  for (size_t v = 0; v < coords.size(); ++v) {
    EXPECT_EQ(coords[v].x, city.network.coordinates[v].x);
    EXPECT_EQ(coords[v].y, city.network.coordinates[v].y);
  }
  std::filesystem::remove_all(dir);
}

TEST(Generator, IsDeterministicForASeedAndKeepsZonesBelowFirstThruNode) {
  const City a = generateCity({.layout = "grid", .size = 4, .zones = 5, .seed = 3});
  const City b = generateCity({.layout = "grid", .size = 4, .zones = 5, .seed = 3});
  const City c = generateCity({.layout = "grid", .size = 4, .zones = 5, .seed = 4});
  EXPECT_EQ(formatNetwork(a.network), formatNetwork(b.network));
  EXPECT_EQ(formatTrips(a.demand), formatTrips(b.demand));
  EXPECT_NE(formatTrips(a.demand), formatTrips(c.demand));
  EXPECT_EQ(a.network.first_thru_node, 6);
  EXPECT_EQ(a.network.nodes, 5 + 16);
  EXPECT_NEAR(a.demand.total(), 20000.0, 1e-6);
}

TEST(Coordinates, LayoutIsDeterministicAndSpreadsNodes) {
  const Network net = braessNetwork(true);
  const auto p = forceDirectedLayout(net, 1);
  const auto q = forceDirectedLayout(net, 1);
  ASSERT_EQ(p.size(), 4u);
  for (size_t i = 0; i < p.size(); ++i) {
    EXPECT_EQ(p[i].x, q[i].x);
    for (size_t j = i + 1; j < p.size(); ++j) EXPECT_GT(std::hypot(p[i].x - p[j].x, p[i].y - p[j].y), 0.05);
  }
}

// Issue 15 item 2: std::from_chars reads "nan" and "inf", and every later `x < 0` check lets NaN
// through; a nan free-flow time used to give "converged" and a wrong TSTT. Every number of a
// TNTP file is finite, and the error names file, line and field.
TEST(TntpReader, NonFiniteNumbersAreErrorsNamingFileLineAndField) {
  const auto with = [](const std::string& from, const std::string& to) {
    std::string text = kNet;
    text.replace(text.find(from), from.size(), to);
    return text;
  };
  // Line 10 is "3 4 50.5 2 3 1 2 0 5 1": capacity length fftt b power speed toll type.
  expectOneLineNaming(errorOf(with("\t2\t3\t1\t2\t0\t5", "\t2\tnan\t1\t2\t0\t5")),
                      "bad_net.tntp:10: field 'free_flow_time': 'nan' is not a finite number");
  expectOneLineNaming(errorOf(with("50.5", "inf")),
                      "bad_net.tntp:10: field 'capacity': 'inf' is not a finite");
  expectOneLineNaming(errorOf(with("50.5\t2", "50.5\t-inf")), "bad_net.tntp:10: field 'length': '-inf'");
  expectOneLineNaming(errorOf(with("\t3\t1\t2\t0\t5", "\t3\tNaN\t2\t0\t5")),
                      "bad_net.tntp:10: field 'b': 'NaN'");
  expectOneLineNaming(errorOf(with("\t1\t2\t0\t5", "\t1\tinfinity\t0\t5")),
                      "bad_net.tntp:10: field 'power': 'infinity' is not a finite number");
  expectOneLineNaming(errorOf(with("\t2\t0\t5\t1", "\t2\tnan\t5\t1")),
                      "bad_net.tntp:10: field 'speed': 'nan'");
  expectOneLineNaming(errorOf(with("\t0\t5\t1", "\t0\t+nan\t1")), "bad_net.tntp:10: field 'toll': '+nan'");
  expectOneLineNaming(errorOf(with("\t5\t1\t; ~", "\t5\tnan\t; ~")),
                      "bad_net.tntp:10: field 'link_type': 'nan'");
  expectOneLineNaming(errorOf(with("50.5", "1e999")), "bad_net.tntp:10: field 'capacity': '1e999' is out of");
  // Node numbers and counts are integers: 3.7 is not node 3.
  expectOneLineNaming(errorOf(with("\t3\t4\t50.5", "\t3.7\t4\t50.5")),
                      "bad_net.tntp:10: field 'init_node': '3.7' is not an integer");
  expectOneLineNaming(errorOf(with("<NUMBER OF NODES> 4", "<NUMBER OF NODES> nan")),
                      "bad_net.tntp:2: field 'NUMBER OF NODES': 'nan' is not a finite number");
  expectOneLineNaming(errorOf(with("<NUMBER OF LINKS> 4", "<NUMBER OF LINKS> inf")),
                      "bad_net.tntp:4: field 'NUMBER OF LINKS': 'inf'");
}

// Issue 15 item 1: a negative toll or length with a toll or distance factor makes a negative-cost
// cycle (Dijkstra pushed forever); negative constant costs are refused where they are read.
TEST(TntpReader, NegativeTollLengthOrFreeFlowTimeIsAnError) {
  const auto with = [](const std::string& from, const std::string& to) {
    std::string text = kNet;
    text.replace(text.find(from), from.size(), to);
    return text;
  };
  expectOneLineNaming(errorOf(with("\t0\t5\t1", "\t0\t-1000\t1")),
                      "bad_net.tntp:10: field 'toll': -1000 is negative");
  expectOneLineNaming(errorOf(with("50.5\t2", "50.5\t-2")),
                      "bad_net.tntp:10: field 'length': -2 is negative");
  expectOneLineNaming(errorOf(with("\t2\t3\t1\t2", "\t2\t-3\t1\t2")),
                      "bad_net.tntp:10: field 'free_flow_time': -3 is negative");
  expectOneLineNaming(errorOf(with("\t3\t1\t2\t0\t5", "\t3\t-1\t2\t0\t5")), "bad_net.tntp:10: field 'b': -1");
  expectOneLineNaming(errorOf(with("\t1\t2\t0\t5", "\t1\t-2\t0\t5")), "bad_net.tntp:10: field 'power': -2");
  expectOneLineNaming(errorOf(with("\t3\t4\t50.5\t2\t3\t1", "\t3\t4\t0\t2\t3\t1")),
                      "bad_net.tntp:10: field 'capacity': 0 with b > 0");
  // A zero toll written with a sign is fine.
  EXPECT_NO_THROW(parseNetwork(with("\t0\t5\t1", "\t0\t-0\t1"), "ok_net.tntp"));
}

TEST(TntpReader, FirstThruNodeBeyondNodesPlusOneIsAnError) {
  const auto with = [](const std::string& value) {
    std::string text = kNet;
    text.replace(text.find("<FIRST THRU NODE> 3"), 19, "<FIRST THRU NODE> " + value);
    return text;
  };
  // nodes + 1 (here 5) means no node may be passed through: allowed. 6 names no node.
  EXPECT_EQ(parseNetwork(with("5"), "ok_net.tntp").first_thru_node, 5);
  expectOneLineNaming(errorOf(with("6")),
                      "bad_net.tntp:3: field 'FIRST THRU NODE': 6 exceeds NUMBER OF NODES + 1");
  expectOneLineNaming(errorOf(with("2.5")),
                      "bad_net.tntp:3: field 'FIRST THRU NODE': '2.5' is not an integer");
  // Networks built in code are checked by validate().
  Network net = parseNetwork(kNet, "ok_net.tntp");
  net.first_thru_node = 6;
  EXPECT_THROW(validate(net, "code"), routescope::core::Error);
}

TEST(TntpReader, NonFiniteOrNegativeDemandAndFlowsAreErrors) {
  const auto error = [](const std::string& text) {
    try {
      parseTrips(text, "t_trips.tntp");
    } catch (const routescope::core::Error& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  const std::string head = "<NUMBER OF ZONES> 3\n<END OF METADATA>\nOrigin 1\n";
  EXPECT_NE(error(head + " 2 : nan;\n").find("t_trips.tntp:4: field 'flow': 'nan' is not a finite number"),
            std::string::npos)
      << error(head + " 2 : nan;\n");
  EXPECT_NE(error(head + " 2 : 1; 3 : inf;\n").find("t_trips.tntp:4: field 'flow': 'inf'"),
            std::string::npos);
  EXPECT_NE(error(head + " 2 : -1;\n").find("t_trips.tntp:4: field 'flow': negative"), std::string::npos);
  EXPECT_NE(error(head + " 2.5 : 1;\n").find("t_trips.tntp:4: field 'destination': '2.5' is not an integer"),
            std::string::npos);
  EXPECT_NE(error("<NUMBER OF ZONES> 3\n<END OF METADATA>\nOrigin nan\n 2 : 1;\n")
                .find("t_trips.tntp:3: field 'Origin': 'nan'"),
            std::string::npos);
  EXPECT_NE(error("<NUMBER OF ZONES> 3\n<TOTAL OD FLOW> nan\n<END OF METADATA>\nOrigin 1\n 2 : 1;\n")
                .find("t_trips.tntp:2: field 'TOTAL OD FLOW': 'nan'"),
            std::string::npos);
  // Demand built in code is checked by validate().
  Network net = parseNetwork(kNet, "ok_net.tntp");
  Demand d;
  d.zones = 2;
  d.origins.push_back({0, {1}, {std::nan("")}});
  EXPECT_THROW(validate(net, d, "code"), routescope::core::Error);

  // Flow files (the published reference solutions).
  const auto flow_error = [](const std::string& text) {
    try {
      parseFlows(text, "x_flow.tntp");
    } catch (const routescope::core::Error& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_NE(flow_error("From To Volume Cost\n1 2 nan 3\n").find("x_flow.tntp:2: field 'Volume': 'nan'"),
            std::string::npos);
  EXPECT_NE(flow_error("From To Volume Cost\n1 2 3 inf\n").find("x_flow.tntp:2: field 'Cost': 'inf'"),
            std::string::npos);
  EXPECT_NE(
      flow_error("From To Volume Cost\n1 2 3 4\n1.5 2 3 4\n").find("x_flow.tntp:3: field 'From': '1.5'"),
      std::string::npos);
}

// Node files and GeoJSON points: a node id written 3.7 is an error (it used to be node 3), and
// non-finite or non-numeric coordinates name the file (GeoJSON used to throw nlohmann's own
// message, which names no file).
TEST(Coordinates, NonNumericOrNonFiniteNodeDataNamesTheFile) {
  const std::string dir = std::filesystem::temp_directory_path() / "routescope_traffic_coords_test";
  std::filesystem::create_directories(dir);
  const auto write = [&](const std::string& name, const std::string& text) {
    const std::string path = dir + "/" + name;
    writeTextFile(path, text);
    return path;
  };
  const auto error = [](const std::string& path) {
    try {
      readCoordinates(path, 3);
    } catch (const routescope::core::Error& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  const auto expectError = [](const std::string& message, const std::string& part) {
    EXPECT_EQ(message.find('\n'), std::string::npos) << message;
    EXPECT_NE(message.find(part), std::string::npos) << message;
  };
  const std::string good = "Node X Y ;\n1 0 0 ;\n2 1 0 ;\n3 1 1 ;\n";
  EXPECT_EQ(readCoordinates(write("good_node.tntp", good), 3)[2].y, 1.0);
  const std::string id = write("id_node.tntp", "Node X Y ;\n1 0 0 ;\n2 1 0 ;\n3.7 1 1 ;\n");
  expectError(error(id), id + ":4: field 'node': '3.7' is not an integer");
  const std::string nan_x = write("nan_node.tntp", "Node X Y ;\n1 0 0 ;\n2 nan 0 ;\n3 1 1 ;\n");
  expectError(error(nan_x), nan_x + ":3: field 'X': 'nan' is not a finite number");
  const std::string inf_y = write("inf_node.tntp", "Node X Y ;\n1 0 0 ;\n2 1 inf ;\n3 1 1 ;\n");
  expectError(error(inf_y), inf_y + ":3: field 'Y': 'inf'");
  const std::string junk = write("junk_node.tntp", "Node X Y ;\n1 0 0 ;\n2 1 0x ;\n3 1 1 ;\n");
  expectError(error(junk), junk + ":3: field 'Y': '0x' is not a number");

  const auto feature = [](const std::string& id_text, const std::string& coordinates) {
    return "{\"type\":\"Feature\",\"properties\":{\"id\":" + id_text +
           "},\"geometry\":{\"type\":\"Point\",\"coordinates\":" + coordinates + "}}";
  };
  const auto collection = [&](const std::string& third) {
    return "{\"type\":\"FeatureCollection\",\"features\":[" + feature("1", "[0,0]") + "," +
           feature("2", "[1,0]") + "," + third + "]}";
  };
  EXPECT_EQ(readCoordinates(write("good.geojson", collection(feature("3", "[1, 1]"))), 3)[2].x, 1.0);
  const std::string text = write("text.geojson", collection(feature("3", "[\"a\", 1]")));
  expectError(error(text), text + ": feature 3: field 'coordinates': \"a\" is not a number");
  const std::string huge = write("huge.geojson", collection(feature("3", "[1e999, 1]")));
  expectError(error(huge), huge + ": not valid JSON ([json.exception.out_of_range.406] number overflow");
  const std::string fraction = write("fraction.geojson", collection(feature("3.7", "[1, 1]")));
  expectError(error(fraction), fraction + ": feature 3: field 'id': 3.7 is not a node number");
  const std::string not_object = write("array.geojson", collection("[1, 2]"));
  expectError(error(not_object), not_object + ": feature 3");
  std::filesystem::remove_all(dir);
}
