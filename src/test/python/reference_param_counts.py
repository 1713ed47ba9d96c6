#!/usr/bin/env python3
"""Parameter counts of the reference DGL+MLAAN model, for ReferenceParameterCountsTest.

Builds `resnetMLAAN.resnet32` / `resnet110` of the MLAAN repository (github.com/Wendy231015/MLAAN,
folder CIFAR-SVHN-STL/networks) exactly as its train.py does for CIFAR-10, and counts the
parameters that one training step of its forward() uses, per local module:

  * backbone: conv1, bn1, every block of layer1..3, fc64 (the classifier forward() uses);
  * for each module i = 1 .. K-2 (forward() computes no loss at i = 0):
      independent head  net_classifier_{s}_{b}      (GAP + Linear(C_i -> 10), weight wx)
      cascaded head     aux_classifier_{s}_{b}_{i}  (GAP + Linear(64 -> 10), weight wy)
      leap stack        Aug_Net[i]                  (trainable deep copies of later blocks)
      EMA twin          EMA_Net[i][0]               (only the first block's twin is added in forward)
  * the backbone's state_dict names and shapes (BN buffers included, num_batches_tracked left out),
    which the lab's TorchNames must reproduce;
  * what the model registers but no step uses: the other aux_classifier_* and net_classifier_*,
    Aug_Net[0] with EMA_Net[0], EMA_Net[i][1:], and self.fc. They are counted apart, because a
    naive sum(p.numel() for p in model.parameters()) includes them.

The counts are exact integers; the lab's test builds its own network for the same presets and
holds its totals to these (the lab's ResNet-32 K=16 / ResNet-110 K=55 presets add a stem-alone
module, whose difference the test computes from the 'unused' entries written here).

Run:  /usr/bin/python3 src/test/python/reference_param_counts.py --reference DIR [--out FILE]
DIR is the CIFAR-SVHN-STL folder of a snapshot of Wendy231015/MLAAN (the fixture was made from
commit 70effbe6a57f4d3534e9e131455996ec73b58b91). Needs only PyTorch on the CPU (tested with
Debian's 1.13): the reference model moves tensors to CUDA in its constructor, which this script
turns into a no-op.
"""

import argparse
import json
import os
import sys

import torch
import torch.nn as nn

CASES = [("resnet32", 8), ("resnet32", 15), ("resnet110", 54)]


def numel(module):
    return sum(p.numel() for p in module.parameters())


def count(net_module, arch, k):
    model = getattr(net_module, arch)(local_module_num=k, batch_size=2, image_size=32,
                                      dataset="cifar10", class_num=10)
    backbone = (numel(model.conv1) + numel(model.bn1) + numel(model.layer1) + numel(model.layer2)
                + numel(model.layer3) + numel(model.fc64))
    modules = []
    used_heads = set()
    for i in range(1, k - 1):
        s, b = model.infopro_config[i]
        ind_name = "net_classifier_%d_%d" % (s, b)
        casc_name = "aux_classifier_%d_%d_%d" % (s, b, i)
        used_heads.update([ind_name, casc_name])
        modules.append({
            "module": i,
            "endsAt": "%d.%d" % (s, b),
            "independentHead": numel(getattr(model, ind_name)),
            "cascadeHead": numel(getattr(model, casc_name)),
            "leap": [ "%d.%d" % tuple(e) for e in model.aux_config[i]],
            "leapParams": numel(model.Aug_Net[i]),
            "twinParams": numel(model.EMA_Net[i][0]),
        })
    registered = sum(p.numel() for p in model.parameters())
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    used_trainable = backbone + sum(m["independentHead"] + m["cascadeHead"] + m["leapParams"] for m in modules)
    used_twins = sum(m["twinParams"] for m in modules)
    s0, b0 = model.infopro_config[0]
    backbone_arrays = [[name, list(t.shape)] for name, t in model.state_dict().items()
                       if name.split(".")[0] in ("conv1", "bn1", "layer1", "layer2", "layer3", "fc64")
                       and not name.endswith("num_batches_tracked")]
    return {
        "arch": arch,
        "localModuleNum": k,
        "backbone": backbone,
        "backboneArrays": backbone_arrays,
        "modules": modules,
        "usedTrainable": used_trainable,
        "usedTwins": used_twins,
        "unused": {
            "module0": {
                "endsAt": "%d.%d" % (s0, b0),
                "leap": ["%d.%d" % tuple(e) for e in model.aux_config[0]],
                "leapParams": numel(model.Aug_Net[0]),
                "twinFirstBlockParams": numel(model.EMA_Net[0][0]),
            },
            "fc": numel(model.fc),
            "registeredTrainable": trainable,
            "registeredAll": registered,
        },
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--reference", required=True, help="the CIFAR-SVHN-STL folder of Wendy231015/MLAAN")
    ap.add_argument("--commit", default="70effbe6a57f4d3534e9e131455996ec73b58b91")
    ap.add_argument("--out", default="src/test/resources/org/mlaan/lab/engine/reference-param-counts.json")
    args = ap.parse_args()
    # The reference constructor calls .cuda() on tensors and modules; this machine may have no GPU.
    torch.Tensor.cuda = lambda self, *a, **k: self
    nn.Module.cuda = lambda self, *a, **k: self
    sys.path.insert(0, os.path.abspath(args.reference))
    import networks.resnetMLAAN as reference  # noqa: E402
    torch.manual_seed(0)
    out = {
        "source": "github.com/Wendy231015/MLAAN CIFAR-SVHN-STL/networks/resnetMLAAN.py",
        "commit": args.commit,
        "generator": "src/test/python/reference_param_counts.py",
        "torch": torch.__version__,
        "cases": [count(reference, arch, k) for arch, k in CASES],
    }
    with open(args.out, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    for c in out["cases"]:
        print("%s K=%d: used trainable %d, used twins %d, registered trainable %d"
              % (c["arch"], c["localModuleNum"], c["usedTrainable"], c["usedTwins"],
                 c["unused"]["registeredTrainable"]))


if __name__ == "__main__":
    main()
