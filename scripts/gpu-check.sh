#!/usr/bin/env bash
# The GPU check of docs/gpu.md as one prepared script (for a lent GPU machine, which has PyTorch
# with CUDA but no Qt and perhaps none of our small dependencies): builds the backend, the CLI and
# the MoE benchmark against PyTorch's LibTorch, runs the benchmark on CUDA and a short training run.
# Small header-only dependencies and SQLite travel in .gpu-deps/ when the machine lacks them; make
# it on a Debian machine with:
#   d=.gpu-deps; mkdir -p $d/include $d/lib $d/share/cmake
#   cp -r /usr/include/nlohmann /usr/include/CLI /usr/include/sqlite3*.h $d/include/
#   cp -L /usr/lib/x86_64-linux-gnu/libsqlite3.so.0 $d/lib/ && ln -sf libsqlite3.so.0 $d/lib/libsqlite3.so
#   cp -r /usr/share/cmake/nlohmann_json /usr/share/cmake/CLI11 $d/share/cmake/
# Writes everything to $OUT (default /tmp/routescope-gpu).
set -u
OUT=${OUT:-/tmp/routescope-gpu}
mkdir -p "$OUT"
exec > >(tee "$OUT/gpu-check.log") 2>&1
root=$(pwd)
deps=$root/.gpu-deps
echo "== machine"; nvidia-smi -L; nproc; cmake --version | head -1; g++ --version | head -1
python3 -c 'import torch; print("torch", torch.__version__, "cuda", torch.version.cuda, torch.cuda.is_available())'
torch_prefix=$(python3 -c 'import torch; print(torch.utils.cmake_prefix_path)')
args=(-DROUTESCOPE_GUI=OFF -DROUTESCOPE_SENTENCEPIECE=OFF -DROUTESCOPE_TESTS=OFF -DROUTESCOPE_BENCH=ON
      -DCMAKE_BUILD_TYPE=Release "-DCMAKE_PREFIX_PATH=$torch_prefix;$deps")
if [ ! -f /usr/include/sqlite3.h ]; then
  args+=("-DSQLite3_INCLUDE_DIR=$deps/include" "-DSQLite3_LIBRARY=$deps/lib/libsqlite3.so")
  export LD_LIBRARY_PATH=$deps/lib:${LD_LIBRARY_PATH:-}
fi
command -v ninja >/dev/null && args+=(-G Ninja)
echo "== configure"; start=$(date +%s)
cmake -S . -B build-gpu "${args[@]}" > "$OUT/configure.log" 2>&1 || { tail -40 "$OUT/configure.log"; exit 1; }
echo "== build"
cmake --build build-gpu -j"$(nproc)" --target routescope-cli routescope-bench-moe -- -k 0 > "$OUT/build.log" 2>&1 \
  || { grep -E "error|Error" "$OUT/build.log" | head -40; exit 1; }
echo "configure + build: $(( $(date +%s) - start )) s"
echo "== MoE training throughput on CUDA"
timeout 180 build-gpu/bench/moe/routescope-bench-moe --device cuda --steps 30 --no-reference
echo "== short training run on CUDA (byte tokenizer, this repository's sources as the corpus)"
ROUTESCOPE_DB=$OUT/runs.sqlite timeout 120 build-gpu/bin/routescope-cli moe train --preset tiny --device cuda \
  --seed 1 --set tokenizer.kind=bytes --set corpus.domains= --set "corpus.extra_folders=src=$root/backend" --json \
  | head -60
echo "== done"
