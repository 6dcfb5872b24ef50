#pragma once
// Precompiled header for backend libraries that use LibTorch (one TU including torch/torch.h
// costs ~28 s here; the PCH pays that once per library). Never include this from a public header.
#include <torch/torch.h>
