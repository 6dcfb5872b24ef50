#pragma once
// VTK renders only through X (GLX). When the CLI must draw a VTK figure and there is no display,
// it starts a private Xvfb for the duration of the command (Xvfb is a package dependency).

#include <sys/types.h>

#include <memory>
#include <string>

namespace routescope::cli {

class PrivateXServer {
 public:
  // Starts Xvfb on a display number it chooses itself (-displayfd) and sets $DISPLAY to it.
  // Throws core::Error when Xvfb is missing or does not come up within 10 s.
  static std::unique_ptr<PrivateXServer> start();
  ~PrivateXServer();  // stops the server
  PrivateXServer(const PrivateXServer&) = delete;
  PrivateXServer& operator=(const PrivateXServer&) = delete;
  const std::string& display() const { return display_; }

 private:
  PrivateXServer(pid_t pid, std::string display) : pid_(pid), display_(std::move(display)) {}
  pid_t pid_;
  std::string display_;
};

}  // namespace routescope::cli
