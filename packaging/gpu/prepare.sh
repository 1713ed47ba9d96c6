#!/usr/bin/env bash
# Prepares the GPU check bundle on a machine with a JDK (this one): everything check.sh needs on a
# GPU machine that has Python PyTorch with CUDA, CMake and a C++ compiler, but no JDK and no network.
#   packaging/gpu/prepare.sh [DJL_GIT_DIR]
# writes packaging/gpu/build/bundle/ (ignored by git; the device tool carries it):
#   runtime.tar.xz  a jlinked Java runtime with the modules the command line needs, packed (its
#                modules uncompressed, then xz: 17 MB here, against 49 MB for jlink's own compression)
#   lab/         the lab's jar and its libraries, without libtorch, the JNI library and JavaFX
#   djl-native/  DJL's PyTorch JNI sources at the tag of the lab's DJL version (from a snapshot of
#                deepjavalibrary/djl), the JNI header javac generates for PyTorchLibrary, and the
#                JDK's jni.h / jni_md.h
#   configs/     the configs check.sh runs
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DJL_GIT=${1:-/work/.mirror/deepjavalibrary+djl/repo}
BUNDLE="$HERE/build/bundle"
JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}

cd "$ROOT"
DJL_VERSION=$(./mvnw -q -o help:evaluate -Dexpression=djl.version -DforceStdout 2>/dev/null || true)
[[ $DJL_VERSION =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || DJL_VERSION=$(sed -n 's:.*<djl.version>\(.*\)</djl.version>.*:\1:p' pom.xml | head -1)
echo "DJL $DJL_VERSION, JDK $JAVA_HOME, DJL sources from $DJL_GIT"
git -C "$DJL_GIT" rev-parse -q --verify "v$DJL_VERSION^{commit}" >/dev/null \
  || { echo "error: $DJL_GIT has no tag v$DJL_VERSION (a snapshot of deepjavalibrary/djl is needed)" >&2; exit 2; }

# The lab's jar and its libraries without the CPU libtorch (what -Dgpu leaves out), the JNI library
# (built on the GPU machine) and what the command line never loads (JavaFX).
./mvnw -q -o -DskipTests package
rm -rf "$BUNDLE" && mkdir -p "$BUNDLE/lab/lib" "$BUNDLE/configs"
cp target/mlaan-lab.jar "$BUNDLE/lab/"
for jar in target/lib/*.jar; do
  case $(basename "$jar") in
    pytorch-native-*|pytorch-jni-*|javafx-*|openjfx-*|controlsfx-*|org.jfree.chart.fx-*|org.jfree.fxgraphics2d-*) ;;
    *) cp "$jar" "$BUNDLE/lab/lib/" ;;
  esac
done

# A runtime with the modules jdeps finds in those jars (and the JDK's own for JNI and crypto).
modules=$("$JAVA_HOME/bin/jdeps" -q --multi-release 17 --ignore-missing-deps --print-module-deps \
  --class-path "$BUNDLE/lab/lib/*" "$BUNDLE/lab/mlaan-lab.jar")
modules="$modules,jdk.unsupported,jdk.crypto.ec,java.management,jdk.zipfs"
runtime=$(mktemp -d)/runtime
"$JAVA_HOME/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --compress=0 --output "$runtime"
tar -C "$runtime" -cJf "$BUNDLE/runtime.tar.xz" .
echo "runtime modules: $modules ($(du -sh "$runtime" | cut -f1) unpacked)"
JLINKED_JAVA=$runtime/bin/java

# DJL's PyTorch JNI sources at the tag, laid out as in DJL (CMakeLists finds ../../../api/src/main/native).
src="$BUNDLE/djl-native"
mkdir -p "$src"
git -C "$DJL_GIT" archive "v$DJL_VERSION" engines/pytorch/pytorch-native/CMakeLists.txt \
  engines/pytorch/pytorch-native/src/main/native engines/pytorch/pytorch-native/src/main/patch \
  api/src/main/native engines/pytorch/pytorch-engine/src/main/java/ai/djl/pytorch/jni | tar -x -C "$src"
# The header of PyTorchLibrary's native methods, as DJL's build.sh makes it with javac -h.
classes=$(mktemp -d)
"$JAVA_HOME/bin/javac" -nowarn -cp "$BUNDLE/lab/lib/*" -sourcepath "$src/engines/pytorch/pytorch-engine/src/main/java" \
  "$src/engines/pytorch/pytorch-engine/src/main/java/ai/djl/pytorch/jni/PyTorchLibrary.java" \
  -h "$src/engines/pytorch/pytorch-native/build/include" -d "$classes" 2>&1 | grep -v "^Note:" || true
rm -rf "$classes" "$src/engines/pytorch/pytorch-engine"
[[ -s $src/engines/pytorch/pytorch-native/build/include/ai_djl_pytorch_jni_PyTorchLibrary.h ]] \
  || { echo "error: javac -h did not write the JNI header" >&2; exit 1; }
mkdir -p "$src/jni-include/linux"
cp "$JAVA_HOME/include/jni.h" "$src/jni-include/"
cp "$JAVA_HOME/include/linux/jni_md.h" "$src/jni-include/linux/"
echo "$DJL_VERSION" > "$src/DJL_VERSION"
git -C "$DJL_GIT" rev-parse "v$DJL_VERSION^{commit}" > "$src/DJL_COMMIT"

cp sample-configs/demo-builtin-mlaan-resnet20.json sample-configs/memory-resnet32-k16.json \
  sample-configs/memory-resnet110-k55.json "$BUNDLE/configs/"

# The bundled runtime starts the bundled lab (its modules are enough for the command line).
"$JLINKED_JAVA" -cp "$BUNDLE/lab/mlaan-lab.jar:$BUNDLE/lab/lib/*" org.mlaan.lab.app.LabMain plan --arch resnet20 \
  | tail -1 | grep -q '^total' || { echo "error: the jlinked runtime could not run plan" >&2; exit 1; }
rm -rf "$(dirname "$runtime")"

echo "bundle: $BUNDLE"
du -sh "$BUNDLE"/* | sed 's/^/  /'
du -sh "$BUNDLE" | sed 's/^/  in all: /'
