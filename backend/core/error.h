#pragma once
// Errors the backend reports to people. Every message is one line that names the file, key or
// run it is about, so the CLI can print it as is and the GUI can show it in a status line.

#include <stdexcept>
#include <string>

namespace routescope::core {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Thrown from JobContext::throwIfCancelled(); the job runner records the run as cancelled.
class JobCancelled : public Error {
 public:
  JobCancelled() : Error("cancelled") {}
};

}  // namespace routescope::core
