#include "backend/system/torch_runtime.h"

#include <gtest/gtest.h>

#include "backend/core/error.h"

using routescope::core::Error;
using routescope::system::describeRuntime;
using routescope::system::resolveDevice;

TEST(TorchRuntime, DeviceChoice) {
  const bool cuda = describeRuntime().cuda_available;
  EXPECT_EQ(resolveDevice("cpu"), "cpu");
  EXPECT_EQ(resolveDevice("auto"), cuda ? "cuda:0" : "cpu");
  EXPECT_THROW(resolveDevice("gpu"), Error);
  if (!cuda) {
    try {
      resolveDevice("cuda");
      FAIL() << "cuda accepted without CUDA";
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find("--device cuda: CUDA is not available"), std::string::npos)
          << e.what();
    }
  } else {
    EXPECT_EQ(resolveDevice("cuda"), "cuda:0");
  }
}

TEST(TorchRuntime, DescribesTheLinkedLibTorch) {
  const auto info = describeRuntime();
  EXPECT_NE(info.libtorch_version, "not linked");
  EXPECT_FALSE(info.libtorch_version.empty());
}
