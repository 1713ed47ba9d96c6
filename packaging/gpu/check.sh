#!/usr/bin/env bash
# The lab's one-call check on a machine with an NVIDIA GPU (run from the repository root):
#   bash packaging/gpu/check.sh
# Needs the bundle of prepare.sh (packaging/gpu/build/bundle), Python PyTorch with CUDA, CMake and a
# C++ compiler; no JDK, no network. It builds DJL's PyTorch JNI library against this machine's
# libtorch, puts it where DJL's PyTorch engine looks for PYTORCH_LIBRARY_PATH / PYTORCH_VERSION /
# PYTORCH_FLAVOR, then runs plan, a 50-step train of the built-in demo on the GPU (whose first step
# ends with the device audit: every array the run keeps must be on the GPU), and bench of BP, DGL and
# DGL+MLAAN on ResNet-32 K=16 (batch 128) and ResNet-110 K=55 (batch 64). Everything goes to $OUT
# (default ./gpu-check): one file per step, steps.tsv (step, exit code, seconds) and check.log.
# Settings (environment): DEVICE (gpu; cpu tries the whole path on a CPU-only libtorch), PYTHON,
# TORCH_LIB_DIR and TORCH_CMAKE_PREFIX (default: from the Python torch), BENCH_STEPS (20),
# STEP_TIMEOUT seconds per step (900), BUNDLE, WORK (a scratch folder).
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
BUNDLE=${BUNDLE:-$HERE/build/bundle}
OUT=${OUT:-$PWD/gpu-check}
WORK=${WORK:-$(mktemp -d /tmp/mlaan-gpu.XXXXXX)}
PYTHON=${PYTHON:-python3}
DEVICE=${DEVICE:-gpu}
BENCH_STEPS=${BENCH_STEPS:-20}
STEP_TIMEOUT=${STEP_TIMEOUT:-900}
mkdir -p "$OUT" "$WORK"
: > "$OUT/steps.tsv"

log() { echo "[$(date -Is)] $*" | tee -a "$OUT/check.log"; }
# step NAME COMMAND...: runs it with a time limit, output into $OUT/NAME.txt, and records its exit code.
step() {
  local name=$1; shift
  local start=$SECONDS
  log "$name: $*"
  timeout "$STEP_TIMEOUT" "$@" > "$OUT/$name.txt" 2>&1
  local rc=$?
  printf '%s\t%s\t%s\n' "$name" "$rc" "$((SECONDS - start))" >> "$OUT/steps.tsv"
  log "$name: exit $rc after $((SECONDS - start)) s"
  return $rc
}
[[ -s $BUNDLE/runtime.tar.xz ]] || { log "no bundle at $BUNDLE: run packaging/gpu/prepare.sh where a JDK is"; exit 2; }
mkdir -p "$WORK/runtime" && tar -C "$WORK/runtime" -xJf "$BUNDLE/runtime.tar.xz" \
  || { log "cannot unpack $BUNDLE/runtime.tar.xz"; exit 1; }

# 1. This machine's PyTorch: version, CUDA, where its libraries and CMake files are.
"$PYTHON" - > "$OUT/torch.txt" 2>&1 <<'PY'
import os, torch
print("version", torch.__version__.split("+")[0])
print("cuda", torch.version.cuda or "")
print("lib", os.path.join(os.path.dirname(torch.__file__), "lib"))
print("cmake", torch.utils.cmake_prefix_path)
print("gpus", torch.cuda.device_count())
for i in range(torch.cuda.device_count()):
    print("gpu%d" % i, torch.cuda.get_device_name(i))
PY
field() { sed -n "s/^$1 //p" "$OUT/torch.txt" | head -1; }
TORCH_VERSION=$(field version)
CUDA=$(field cuda)
TORCH_LIB_DIR=${TORCH_LIB_DIR:-$(field lib)}
TORCH_CMAKE_PREFIX=${TORCH_CMAKE_PREFIX:-$(field cmake)}
[[ -n $TORCH_VERSION ]] || { log "no Python PyTorch ($PYTHON): see $OUT/torch.txt"; exit 2; }
if [[ $DEVICE == cpu || -z $CUDA ]]; then FLAVOR=cpu; USE_CUDA=""; else FLAVOR=cu${CUDA//./}; USE_CUDA=1; fi
PT_VERSION=""
[[ $TORCH_VERSION =~ ^(1\.13|2\.0|2\.1)\. ]] && PT_VERSION=V1_13_X   # DJL's switch for the older ATen API
log "torch $TORCH_VERSION (CUDA ${CUDA:-none}, flavor $FLAVOR), libraries $TORCH_LIB_DIR"

# 2. DJL's JNI library, built against this libtorch.
src=$BUNDLE/djl-native
DJL_VERSION=$(cat "$src/DJL_VERSION")
step jni-configure cmake -S "$src/engines/pytorch/pytorch-native" -B "$WORK/jni" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_PREFIX_PATH="$TORCH_CMAKE_PREFIX" -DUSE_CUDA="$USE_CUDA" -DPT_VERSION="$PT_VERSION" \
  -DJAVA_INCLUDE_PATH="$src/jni-include" -DJAVA_INCLUDE_PATH2="$src/jni-include/linux" \
  -DJAVA_JVM_LIBRARY="$WORK/runtime/lib/server/libjvm.so" || exit 1
step jni-build cmake --build "$WORK/jni" --config Release -j "$(nproc)" || exit 1

# 3. Where DJL looks for it: <engine cache>/pytorch/<PYTORCH_VERSION>-<PYTORCH_FLAVOR>-<os-arch>/<djl>-libdjl_torch.so
export ENGINE_CACHE_DIR=$WORK/djl-engine MLAAN_LAB_CACHE=$WORK/lab-cache DJL_OFFLINE=true OPT_OUT_TRACKING=true
export PYTORCH_LIBRARY_PATH=$TORCH_LIB_DIR PYTORCH_VERSION=$TORCH_VERSION PYTORCH_FLAVOR=$FLAVOR
jni_dir=$ENGINE_CACHE_DIR/pytorch/$TORCH_VERSION-$FLAVOR-linux-$(uname -m | sed 's/amd64/x86_64/')
mkdir -p "$jni_dir"
cp "$WORK/jni/libdjl_torch.so" "$jni_dir/$DJL_VERSION-libdjl_torch.so"
log "JNI library: $jni_dir/$DJL_VERSION-libdjl_torch.so"

# 4. The lab, on the bundled runtime.
LAB=("$WORK/runtime/bin/java" -cp "$BUNDLE/lab/mlaan-lab.jar:$BUNDLE/lab/lib/*" org.mlaan.lab.app.LabMain)
step version "${LAB[@]}" --version
step plan "${LAB[@]}" plan --arch resnet32
"$PYTHON" - "$BUNDLE/configs/demo-builtin-mlaan-resnet20.json" "$WORK/demo-50.json" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))
# 50 steps as 2 epochs of 25: with one epoch the cosine schedule would leave no step at a useful rate.
c["training"].update({"epochs": 2, "stepsPerEpoch": 25, "warmupEpochs": 0})
c["name"] = "gpu-check-demo"
json.dump(c, open(sys.argv[2], "w"), indent=2)
PY
step train "${LAB[@]}" train --config "$WORK/demo-50.json" --device "$DEVICE" --out "$OUT/runs"
step bench-resnet32-k16 "${LAB[@]}" bench --config "$BUNDLE/configs/memory-resnet32-k16.json" --device "$DEVICE" \
  --methods BP,DGL,DGL+MLAAN --batch 128 --steps "$BENCH_STEPS" --isolate
step bench-resnet110-k55 "${LAB[@]}" bench --config "$BUNDLE/configs/memory-resnet110-k55.json" --device "$DEVICE" \
  --methods BP,DGL,DGL+MLAAN --batch 64 --steps "$BENCH_STEPS" --isolate
log "done: $(awk '$2 != 0 {bad = bad " " $1} END {print bad == "" ? "every step passed" : "failed:" bad}' "$OUT/steps.tsv")"
awk '$2 != 0 {exit 1}' "$OUT/steps.tsv"
