#!/usr/bin/env python3
"""Golden values for DglStepMatchesReferenceTest: one DGL training step in PyTorch.

The Java test (src/test/java/org/mlaan/lab/engine/DglStepMatchesReferenceTest.java) builds the
lab's ResNet-20 for 32x32 CIFAR input, cuts it after blocks 1.1, 2.0 and 2.2 into four local
modules, attaches a DGL head (ALGORITHMS.md Part B §3, the MAN++ copy of auxDGL with its 8x8
adaptive average pool) to each of the first three modules, sets every trainable array to a
fixed sine pattern, runs one DGL step on eight fixed images and checks

  * the four module losses,
  * for each of the 134 trainable arrays, the L2 norm of its gradient and the projection
    sum_j g_j * sin(0.13 j + 0.29 k)  (j: row-major flat index, k: array index).

This script reproduces that step independently, in float64 and in float32, and writes the
numbers as JSON. It is written from the description in ALGORITHMS.md Part B §1 and §3, not copied
from the reference repositories.

Run:  /usr/bin/python3 src/test/python/dgl_step_golden.py [--out FILE]
(Needs only PyTorch; tested with 1.13.1 on CPU.)
"""

import argparse
import json
import math
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

BATCH = 8
CLASSES = 10
BN_EPS = 1e-5

PARAM_FORMULA = (
    "array k (position in the lab's trainableParameters() order), flat row-major index j: "
    "v_j = offset + scale*sin(0.9 + 0.61k + 0.37j); 4-D: scale = sqrt(2/(s0*s2*s3))*sqrt(2), "
    "offset 0; 2-D: scale = 1/sqrt(s1), offset 0; name ending in 'gamma': scale 0.1, offset 1; "
    "else (BN beta, linear bias): scale 0.05, offset 0. Computed in float64; float32 mode rounds "
    "each value to float32.")
BATCH_FORMULA = (
    "images (8,3,32,32), flat index j: x_j = sin(0.021 j) + 0.5 sin(0.7 j + 1.0) "
    "(float32 rounding in float32 mode); labels n % 10 for n = 0..7")
STEP_FORMULA = (
    "x = images; for i in 0,1,2: h = E_i(x); loss_i = mean CE(head_i(h), labels); "
    "loss_i.backward(); x = h.detach(). Then loss_3 = mean CE(fc(GAP(E_3(x))), labels); backward. "
    "BN in training mode (batch statistics, eps 1e-5). No optimizer step.")
PROJECTION_FORMULA = "projection_k = sum_j g_j * sin(0.13 j + 0.29 k); norm_k = sqrt(sum_j g_j^2)"


# --------------------------------------------------------------------------------------------
# Model: CIFAR ResNet-20 (Part B §1) and the DGL head (Part B §3, MAN++ auxDGL with 8x8 pool)
# --------------------------------------------------------------------------------------------

def conv3x3(cin, cout, stride=1):
    return nn.Conv2d(cin, cout, 3, stride=stride, padding=1, bias=False)


class BasicBlock(nn.Module):
    """conv3x3(s) -> BN -> ReLU -> conv3x3 -> BN, + shortcut, ReLU."""

    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = conv3x3(cin, cout, stride)
        self.bn1 = nn.BatchNorm2d(cout, eps=BN_EPS)
        self.conv2 = conv3x3(cout, cout)
        self.bn2 = nn.BatchNorm2d(cout, eps=BN_EPS)
        # Projection shortcut only when the shape changes (blocks 2.0 and 3.0).
        self.shortcut = None
        if stride != 1 or cin != cout:
            self.shortcut = nn.Sequential(
                nn.Conv2d(cin, cout, 1, stride=stride, bias=False),
                nn.BatchNorm2d(cout, eps=BN_EPS))

    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        identity = x if self.shortcut is None else self.shortcut(x)
        return F.relu(out + identity)


class ResNet20(nn.Module):
    """Stem (conv3x3 3->16, BN, ReLU), 3 stages x 3 BasicBlocks (16/32/64), GAP, fc 64->10."""

    def __init__(self, classes=CLASSES):
        super().__init__()
        self.conv1 = conv3x3(3, 16)
        self.bn1 = nn.BatchNorm2d(16, eps=BN_EPS)
        cin = 16
        for stage, width in ((1, 16), (2, 32), (3, 64)):
            blocks = []
            for b in range(3):
                stride = 2 if (stage > 1 and b == 0) else 1
                blocks.append(BasicBlock(cin, width, stride))
                cin = width
            setattr(self, "layer%d" % stage, nn.Sequential(*blocks))
        self.fc = nn.Linear(64, classes)

    def stem(self, x):
        return F.relu(self.bn1(self.conv1(x)))

    def block(self, name):
        """Block 's.b' (stage s = 1..3, b 0-based), as in ALGORITHMS.md's notation."""
        s, b = name.split(".")
        return getattr(self, "layer" + s)[int(b)]

    def head(self, x):
        return self.fc(F.adaptive_avg_pool2d(x, 1).flatten(1))


class DglHead(nn.Module):
    """DGL auxiliary head: [8x8 adaptive avg-pool], 3x(conv1x1 -> BN2d -> ReLU) at width 128,
    GAP, 3x(Linear -> BN1d -> ReLU) at width 512, Linear 512 -> classes."""

    def __init__(self, cin, classes=CLASSES, width=128, hidden=512):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, width, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(width, eps=BN_EPS)
        self.conv2 = nn.Conv2d(width, width, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(width, eps=BN_EPS)
        self.conv3 = nn.Conv2d(width, width, 1, bias=False)
        self.bn3 = nn.BatchNorm2d(width, eps=BN_EPS)
        self.fc1 = nn.Linear(width, hidden)
        self.bn1d1 = nn.BatchNorm1d(hidden, eps=BN_EPS)
        self.fc2 = nn.Linear(hidden, hidden)
        self.bn1d2 = nn.BatchNorm1d(hidden, eps=BN_EPS)
        self.fc3 = nn.Linear(hidden, hidden)
        self.bn1d3 = nn.BatchNorm1d(hidden, eps=BN_EPS)
        self.fc4 = nn.Linear(hidden, classes)

    def forward(self, x):
        if x.shape[-1] > 8 or x.shape[-2] > 8:  # the MAN++ copy pools only larger maps
            x = F.adaptive_avg_pool2d(x, (8, 8))
        x = F.relu(self.bn1(self.conv1(x)))
        x = F.relu(self.bn2(self.conv2(x)))
        x = F.relu(self.bn3(self.conv3(x)))
        x = F.adaptive_avg_pool2d(x, 1).flatten(1)
        x = F.relu(self.bn1d1(self.fc1(x)))
        x = F.relu(self.bn1d2(self.fc2(x)))
        x = F.relu(self.bn1d3(self.fc3(x)))
        return self.fc4(x)


class DglModel(nn.Module):
    """The backbone split after 1.1, 2.0 and 2.2, plus one DGL head on each of modules 0..2."""

    MODULES = (["1.0", "1.1"], ["1.2", "2.0"], ["2.1", "2.2"], ["3.0", "3.1", "3.2"])
    OUT_CHANNELS = (16, 32, 32)  # output channels of modules 0..2 (maps 32x32, 16x16, 16x16)

    def __init__(self):
        super().__init__()
        self.net = ResNet20()
        self.aux = nn.ModuleList([DglHead(c) for c in self.OUT_CHANNELS])

    def module_forward(self, i, x):
        if i == 0:
            x = self.net.stem(x)  # the stem is always part of E_0
        for name in self.MODULES[i]:
            x = self.net.block(name)(x)
        return x


# --------------------------------------------------------------------------------------------
# Name map: lab name (trainableParameters() order) -> PyTorch parameter path in DglModel
# --------------------------------------------------------------------------------------------

def _block_names(prefix, block, projection):
    """Lab names of one BasicBlock ('NNs.b_...'), with their PyTorch paths."""
    s, b = block.split(".")
    p = "net.layer%s.%s." % (s, b)
    rows = [
        (prefix + block + "_01conv1_weight", p + "conv1.weight"),
        (prefix + block + "_02bn1_gamma", p + "bn1.weight"),
        (prefix + block + "_02bn1_beta", p + "bn1.bias"),
        (prefix + block + "_03conv2_weight", p + "conv2.weight"),
        (prefix + block + "_04bn2_gamma", p + "bn2.weight"),
        (prefix + block + "_04bn2_beta", p + "bn2.bias"),
    ]
    if projection:
        rows += [
            (prefix + block + "_05shortcutConv_weight", p + "shortcut.0.weight"),
            (prefix + block + "_06shortcutBn_gamma", p + "shortcut.1.weight"),
            (prefix + block + "_06shortcutBn_beta", p + "shortcut.1.bias"),
        ]
    return rows


def _head_names(m):
    """Lab names of DGL head m ('aux.m<m>.ind.*'), with their PyTorch paths."""
    lab = "aux.m%d.ind." % m
    pt = "aux.%d." % m
    layers = [("01conv1", "conv1", False), ("02bn1", "bn1", True), ("03conv2", "conv2", False),
              ("04bn2", "bn2", True), ("05conv3", "conv3", False), ("06bn3", "bn3", True),
              ("07fc1", "fc1", "linear"), ("08bn1d1", "bn1d1", True), ("09fc2", "fc2", "linear"),
              ("10bn1d2", "bn1d2", True), ("11fc3", "fc3", "linear"), ("12bn1d3", "bn1d3", True),
              ("13fc4", "fc4", "linear")]
    rows = []
    for lab_layer, pt_layer, kind in layers:
        if kind is True:  # batch norm: gamma = weight, beta = bias
            rows += [(lab + lab_layer + "_gamma", pt + pt_layer + ".weight"),
                     (lab + lab_layer + "_beta", pt + pt_layer + ".bias")]
        elif kind == "linear":
            rows += [(lab + lab_layer + "_weight", pt + pt_layer + ".weight"),
                     (lab + lab_layer + "_bias", pt + pt_layer + ".bias")]
        else:  # convolution without bias
            rows += [(lab + lab_layer + "_weight", pt + pt_layer + ".weight")]
    return rows


def name_map():
    """[(lab name, PyTorch path, lab shape)] in the lab's trainableParameters() order (134 rows)."""
    rows = [("01stem_01conv_weight", "net.conv1.weight"),
            ("01stem_02bn_gamma", "net.bn1.weight"),
            ("01stem_02bn_beta", "net.bn1.bias")]
    order = 2
    for stage in (1, 2, 3):
        for b in range(3):
            block = "%d.%d" % (stage, b)
            rows += _block_names("%02d" % order, block, projection=(stage > 1 and b == 0))
            order += 1
    rows += [("%02dhead_01fc_weight" % order, "net.fc.weight"),
             ("%02dhead_01fc_bias" % order, "net.fc.bias")]
    for m in range(3):
        rows += _head_names(m)
    return rows


# Shapes the lab reports for its arrays, keyed by lab name (DJL layouts equal PyTorch's here:
# conv (out, in, kh, kw), linear (out, in)). Checked against the PyTorch tensors below.
def expected_shapes():
    shapes = {"01stem_01conv_weight": (16, 3, 3, 3), "01stem_02bn_gamma": (16,),
              "01stem_02bn_beta": (16,), "11head_01fc_weight": (10, 64), "11head_01fc_bias": (10,)}
    order = 2
    cin = 16
    for stage, width in ((1, 16), (2, 32), (3, 64)):
        for b in range(3):
            p = "%02d%d.%d_" % (order, stage, b)
            shapes[p + "01conv1_weight"] = (width, cin, 3, 3)
            shapes[p + "03conv2_weight"] = (width, width, 3, 3)
            for bn in ("02bn1", "04bn2"):
                shapes[p + bn + "_gamma"] = shapes[p + bn + "_beta"] = (width,)
            if cin != width:
                shapes[p + "05shortcutConv_weight"] = (width, cin, 1, 1)
                shapes[p + "06shortcutBn_gamma"] = shapes[p + "06shortcutBn_beta"] = (width,)
            cin = width
            order += 1
    for m, c in enumerate(DglModel.OUT_CHANNELS):
        p = "aux.m%d.ind." % m
        shapes[p + "01conv1_weight"] = (128, c, 1, 1)
        shapes[p + "03conv2_weight"] = shapes[p + "05conv3_weight"] = (128, 128, 1, 1)
        for bn in ("02bn1", "04bn2", "06bn3"):
            shapes[p + bn + "_gamma"] = shapes[p + bn + "_beta"] = (128,)
        for fc, fan_in in (("07fc1", 128), ("09fc2", 512), ("11fc3", 512)):
            shapes[p + fc + "_weight"] = (512, fan_in)
            shapes[p + fc + "_bias"] = (512,)
        for bn in ("08bn1d1", "10bn1d2", "12bn1d3"):
            shapes[p + bn + "_gamma"] = shapes[p + bn + "_beta"] = (512,)
        shapes[p + "13fc4_weight"] = (10, 512)
        shapes[p + "13fc4_bias"] = (10,)
    return shapes


# --------------------------------------------------------------------------------------------
# Fixed parameter values, inputs and the step
# --------------------------------------------------------------------------------------------

def pattern(name, shape, k):
    """The Java test's setPattern, in float64."""
    size = math.prod(shape)
    offset = 0.0
    if len(shape) == 4:
        scale = math.sqrt(2.0 / (shape[0] * shape[2] * shape[3])) * math.sqrt(2.0)
    elif len(shape) == 2:
        scale = 1.0 / math.sqrt(shape[1])
    elif name.endswith("gamma"):
        scale, offset = 0.1, 1.0
    else:
        scale = 0.05
    j = torch.arange(size, dtype=torch.float64)
    return (offset + scale * torch.sin(0.9 + 0.61 * k + 0.37 * j)).reshape(shape)


def batch(dtype):
    j = torch.arange(BATCH * 3 * 32 * 32, dtype=torch.float64)
    x = torch.sin(0.021 * j) + 0.5 * torch.sin(0.7 * j + 1.0)
    labels = torch.tensor([n % CLASSES for n in range(BATCH)], dtype=torch.long)
    return x.reshape(BATCH, 3, 32, 32).to(dtype), labels


def dgl_step(dtype, value_dtype=None, perturb_seed=None):
    """Builds the model in `dtype`, runs one DGL step; returns losses, norms, projections.

    Parameter values and images are computed in float64 and rounded to `value_dtype` (default:
    `dtype`) before the arithmetic runs in `dtype`; float64 arithmetic on float32-rounded values
    is the exact answer to the problem the Java test (which holds float32 arrays) poses."""
    value_dtype = dtype if value_dtype is None else value_dtype
    torch.manual_seed(0)  # irrelevant (all values are overwritten) but keeps runs identical
    model = DglModel().to(dtype)
    model.train()
    params = dict(model.named_parameters())
    rows = name_map()
    shapes = expected_shapes()
    assert len(rows) == 134 and len(shapes) == 134 and len(params) == 134
    assert sorted(p for _, p in rows) == sorted(params), "name map does not cover the model"
    with torch.no_grad():
        for k, (lab, path) in enumerate(rows):
            t = params[path]
            assert tuple(t.shape) == shapes[lab], (lab, path, tuple(t.shape), shapes[lab])
            # float64 values, then rounded to the working precision (as the Java test's cast)
            v = pattern(lab, tuple(t.shape), k).to(value_dtype).to(torch.float64)
            if perturb_seed is not None:
                # a few float32 rounding errors on every value: how far the quantity moves under them
                g = torch.Generator().manual_seed(perturb_seed * 1000 + k)
                v = v * (1 + 2.0 ** -22 * (2 * torch.rand(v.shape, generator=g, dtype=torch.float64) - 1))
            t.copy_(v.to(dtype))

    images, labels = batch(value_dtype)
    images = images.to(dtype)
    losses = []
    x = images
    for i in range(3):
        h = model.module_forward(i, x)
        loss = F.cross_entropy(model.aux[i](h), labels)
        loss.backward()
        losses.append(loss.item())
        x = h.detach()
    loss = F.cross_entropy(model.net.head(model.module_forward(3, x)), labels)
    loss.backward()
    losses.append(loss.item())

    norms, projections = [], []
    for k, (lab, path) in enumerate(rows):
        g = params[path].grad
        g = torch.zeros_like(params[path]) if g is None else g
        g = g.detach().to(torch.float64).reshape(-1)  # sums in float64, as the Java test does
        j = torch.arange(g.numel(), dtype=torch.float64)
        norms.append(math.sqrt(float((g * g).sum())))
        projections.append(float((g * torch.sin(0.13 * j + 0.29 * k)).sum()))
    return {"losses": losses, "norms": norms, "projections": projections}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default="-", help="JSON output file (default: stdout)")
    parser.add_argument("--perturbations", type=int, default=16,
                        help="float64 runs with 4 float32 ulps of noise on every value (default 16)")
    args = parser.parse_args()
    torch.set_num_threads(1)

    rows = name_map()
    shapes = expected_shapes()
    exact = dgl_step(torch.float64, torch.float32)
    others = [dgl_step(torch.float32)] + [dgl_step(torch.float64, torch.float32, seed)
                                          for seed in range(1, args.perturbations + 1)]
    spread = {key: [max(abs(o[key][i] - exact[key][i]) for o in others) for i in range(len(exact[key]))]
              for key in ("losses", "norms", "projections")}
    result = {
        "torch": torch.__version__,
        "formulas": {"parameters": PARAM_FORMULA, "batch": BATCH_FORMULA, "step": STEP_FORMULA,
                     "gradients": PROJECTION_FORMULA},
        "arrays": [{"index": k, "lab": lab, "torch": path, "shape": list(shapes[lab])}
                   for k, (lab, path) in enumerate(rows)],
        "float64": dgl_step(torch.float64),
        "float32": dgl_step(torch.float32),
        # float64 arithmetic on the float32-rounded values and images the Java test uses
        "float64_on_float32_values": exact,
        # per quantity: the largest distance from float64_on_float32_values of the float32 run
        # and of the perturbed runs; the Java test allows 3x this plus 1e-4 relative
        "float32_spread": spread,
        "perturbations": args.perturbations,
    }
    text = json.dumps(result, indent=1)
    if args.out == "-":
        sys.stdout.write(text + "\n")
    else:
        with open(args.out, "w") as f:
            f.write(text + "\n")


if __name__ == "__main__":
    main()
