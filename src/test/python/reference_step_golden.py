#!/usr/bin/env python3
"""Golden values for the *StepMatchesReferenceTest classes: one training step of the reference code itself.

Imports the reference model from a snapshot of github.com/Wendy231015/MLAAN (folder CIFAR-SVHN-STL):
`--method mlaan` builds `networks/resnetMLAAN.py`'s resnet32 (DGL+MLAAN), `--method infopro`
`networks/resnetInfoPro.py`'s (InfoPro, 1c2f heads in cross-entropy mode, with decoders);
`--method man` builds `networks/resnetInfoPro_MAN.py` of github.com/JunhaoSu0/MAN (folder
"Exp on CIFAR-SVHN-STL"; 2c2f heads, decoders), each with `local_module_num=K` as train.py does
for CIFAR-10. It sets **every** parameter and buffer from a
hash of its name and position (below; the Java test computes the same values for the lab's arrays
through a documented name map), runs one training step exactly as train.py does (zero_grad,
model(img, target) which backwards every local loss (and, for MLAAN, updates the last EMA twin),
then SGD with Nesterov momentum 0.9 and weight decay 1e-4), and writes:

  * every local loss, its parts and its weighted sum per module, and the final CE(s);
  * per parameter that receives a gradient: its L2 norm and projection (formula below);
  * per array after the step, as the change from its start value (norm, projection): every
    parameter the optimizer moved, EMA twins, and the BN running statistics of everything used.

The step runs in float64 (on the float32-rounded start values) and nine times in float32 (once
as is, eight times with every start value moved at random by 2^-20 of itself, about one float32
convolution's accumulated rounding); the file holds the float64 numbers and, per number, the widest
|float32 - float64| as the spread float32 arithmetic itself causes (it switches ReLUs whose input
lies within its error of 0), from which the Java test takes its tolerance.

Run:  /usr/bin/python3 src/test/python/reference_step_golden.py --reference DIR [--method mlaan|infopro|man|bp]
      [--k 8|15] [--out FILE]   (--method man: DIR is "Exp on CIFAR-SVHN-STL" of JunhaoSu0/MAN)
DIR: the CIFAR-SVHN-STL folder of the snapshot (MLAAN fixtures made from commit
70effbe6a57f4d3534e9e131455996ec73b58b91, MAN's from a6d20c55e6921fbe205f5f02f8ca4cd3a6133de2). Needs only PyTorch and numpy on the CPU (tested with
Debian's python3-torch 1.13); the reference constructors' .cuda() calls are turned into no-ops.
"""

import argparse
import json
import math
import os
import sys

import numpy as np
import torch
import torch.nn as nn

BATCH = 8
CLASSES = 10
LR = 0.1
EMA_MOMENTUM = 0.995
WX, WY = 0.001, 0.999
# InfoPro weights [ixx_1, ixy_1, ixx_2, ixy_2]: every term non-zero, so every path is checked.
LAMBDAS = [5.0, 0.5, 1.0, 1.0]

HASH_FORMULA = ("h(name) = 0, then h = (h*131 + code(c)) mod 1000003 for every character c of the reference name; "
                "phase(name) = 2*pi*h(name)/1000003")
VALUE_FORMULA = (
    "element at row-major flat index j of array 'name': u = splitmix64(h(name)*2^32 + j) / 2^64 with "
    "splitmix64(x): z = x*0x9E3779B97F4A7C15, z = (z^(z>>30))*0xBF58476D1CE4E5B9, z = (z^(z>>27))*0x94D049BB133111EB, "
    "z = z^(z>>31), all mod 2^64, u from the top 53 bits; v = offset + a*(2u - 1) in float64, rounded to float32. "
    "4-D: a = sqrt(6/(s0*s2*s3)) (He RMS); 2-D: a = 1/sqrt(s1); running_var: offset 1, a 0.2; running_mean: "
    "a 0.05; other 1-D ending weight (BN gamma): offset 1, a 0.1; other 1-D (BN beta, linear bias): a 0.05; "
    "num_batches_tracked: 0")
BATCH_FORMULA = ("images (8,3,32,32): the value formula with name 'images' and a = sqrt(3) (RMS 1); labels n % 10 "
                 "for n = 0..7")
PROJECTION_FORMULA = "projection = sum_j a_j * sin(0.13 j + phase(name)); norm = sqrt(sum_j a_j^2)"



def name_hash(name):
    h = 0
    for c in name:
        h = (h * 131 + ord(c)) % 1000003
    return h


def phase(name):
    return 2 * math.pi * name_hash(name) / 1000003


def uniform(name, n):
    """u_j in [0, 1) for j = 0..n-1, exactly as the Java test computes them (numpy uint64 wraps mod 2^64)."""
    with np.errstate(over="ignore"):
        z = np.uint64(name_hash(name) << 32) + np.arange(n, dtype=np.uint64)
        z = z * np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    return (z >> np.uint64(11)).astype(np.float64) * (1.0 / (1 << 53))


def values(name, shape, offset, a):
    n = 1
    for s in shape:
        n *= s
    v = offset + a * (2 * uniform(name, n) - 1)
    return torch.from_numpy(v.astype(np.float32).astype(np.float64)).reshape(shape)


def pattern(name, shape):
    if name.endswith("num_batches_tracked"):
        return torch.zeros(shape, dtype=torch.float64)
    offset = 0.0
    if len(shape) == 4:
        a = math.sqrt(6.0 / (shape[0] * shape[2] * shape[3]))
    elif len(shape) == 2:
        a = 1 / math.sqrt(shape[1])
    elif name.endswith("running_var"):
        offset, a = 1.0, 0.2
    elif name.endswith("running_mean"):
        a = 0.05
    elif name.endswith("weight"):
        offset, a = 1.0, 0.1
    else:
        a = 0.05
    return values(name, tuple(shape), offset, a)


def jittered(t, generator):
    """t with every element moved up or down at random by 2^-20 of itself (16 float32 rounding
    steps): about what one float32 convolution of 144 to 576 products accumulates in rounding
    (sqrt(n) steps), so another implementation's float32 arithmetic, whose roundings fall elsewhere,
    can put activations that far from this one's."""
    signs = torch.randint(0, 2, t.shape, generator=generator).to(t.dtype) * 2 - 1
    return t * (1 + signs * 2.0 ** -20)


def batch(dtype):
    x = values("images", (BATCH, 3, 32, 32), 0.0, math.sqrt(3.0))
    return x.to(dtype), torch.tensor([n % CLASSES for n in range(BATCH)])


def measure(name, a):
    a = a.detach().to(torch.float64).reshape(-1)
    j = torch.arange(a.numel(), dtype=torch.float64)
    return [math.sqrt(float((a * a).sum())), float((a * torch.sin(0.13 * j + phase(name))).sum())]


class Mlaan:
    """DGL+MLAAN: resnetMLAAN.py, probes from auxMLAAN.py, the leap stacks and the last EMA twin."""
    name = "mlaan"
    repository = "github.com/Wendy231015/MLAAN"
    commit = "70effbe6a57f4d3534e9e131455996ec73b58b91"

    def build(self, k):
        import networks.resnetMLAAN as reference
        self.reference = reference
        return reference.resnet32(local_module_num=k, batch_size=BATCH, image_size=32, dataset="cifar10",
                                  class_num=CLASSES, momentum=EMA_MOMENTUM, wx=WX, wy=WY)

    def heads(self):
        return [self.reference.AuxClassifier]

    def run(self, model, img, target):
        model(img=img, target=target)

    def used_prefixes(self, model, k):
        used = ["conv1.", "bn1.", "layer1.", "layer2.", "layer3.", "fc64."]
        for i in range(1, k - 1):
            s, b = model.infopro_config[i]
            used += ["net_classifier_%d_%d." % (s, b), "aux_classifier_%d_%d_%d." % (s, b, i),
                     "Aug_Net.%d." % i, "EMA_Net.%d.0." % i]
        return used

    def modules(self, model, k, losses):
        out = []
        for i in range(1, k - 1):
            lx, ly = losses[2 * (i - 1)], losses[2 * (i - 1) + 1]
            s, b = model.infopro_config[i]
            out.append({"module": i, "endsAt": "%d.%d" % (s, b),
                        "leap": ["%d.%d" % tuple(e) for e in model.aux_config[i]],
                        "x": lx, "y": ly, "weighted": WX * lx + WY * ly})
        return out

    def settings(self):
        return {"emaMomentum": EMA_MOMENTUM, "wx": WX, "wy": WY, "source": "CIFAR-SVHN-STL/networks/resnetMLAAN.py"}


class InfoPro:
    """InfoPro: resnetInfoPro.py with auxiliary_nets.py's 1c2f head (cross-entropy mode) and decoder."""
    name = "infopro"
    repository = "github.com/Wendy231015/MLAAN"
    commit = "70effbe6a57f4d3534e9e131455996ec73b58b91"

    def build(self, k):
        import networks.resnetInfoPro as reference
        import networks.auxiliary_nets as aux
        self.aux = aux
        return reference.resnet32(local_module_num=k, batch_size=BATCH, image_size=32, dataset="cifar10",
                                  class_num=CLASSES, aux_net_config="1c2f", local_loss_mode="cross_entropy")

    def heads(self):
        return [self.aux.Decoder, self.aux.AuxClassifier]

    def run(self, model, img, target):
        model(img=img, target=target, ixx_1=LAMBDAS[0], ixy_1=LAMBDAS[1], ixx_2=LAMBDAS[2], ixy_2=LAMBDAS[3])

    def used_prefixes(self, model, k):
        used = ["conv1.", "bn1.", "layer1.", "layer2.", "layer3.", "fc."]
        for i in range(0, k - 1):
            s, b = model.infopro_config[i]
            used += ["decoder_%d_%d." % (s, b), "aux_classifier_%d_%d." % (s, b)]
        return used

    def modules(self, model, k, losses):
        out = []
        for i in range(0, k - 1):
            recon, cls = losses[2 * i], losses[2 * i + 1]
            ratio = i / (k - 2) if k > 2 else 0
            ixx = LAMBDAS[0] * (1 - ratio) + LAMBDAS[2] * ratio
            ixy = LAMBDAS[1] * (1 - ratio) + LAMBDAS[3] * ratio
            s, b = model.infopro_config[i]
            out.append({"module": i, "endsAt": "%d.%d" % (s, b), "reconstruction": recon, "classification": cls,
                        "weighted": ixx * recon + ixy * cls})
        return out

    def settings(self):
        return {"lambdas": LAMBDAS, "source": "CIFAR-SVHN-STL/networks/resnetInfoPro.py, auxiliary_nets.py"}


class Man(InfoPro):
    """MAN: JunhaoSu0/MAN's resnetInfoPro_MAN.py, 2c2f heads (cross-entropy mode) and decoders on
    LB(x) + EMA(x) of the block after each module, every twin updated right after its module's backward."""
    name = "man"
    repository = "github.com/JunhaoSu0/MAN"
    commit = "a6d20c55e6921fbe205f5f02f8ca4cd3a6133de2"

    def build(self, k):
        import networks.resnetInfoPro_MAN as reference
        import networks.auxiliary_nets as aux
        self.aux = aux
        return reference.resnet32(local_module_num=k, batch_size=BATCH, image_size=32, dataset="cifar10",
                                  class_num=CLASSES, aux_net_config="2c2f", local_loss_mode="cross_entropy",
                                  momentum=EMA_MOMENTUM)

    @staticmethod
    def next_block(model, i):
        s, b = model.infopro_config[i]
        return (s + 1, 0) if b == len(model.layer1) - 1 else (s, b + 1)

    def used_prefixes(self, model, k):
        used = ["conv1.", "bn1.", "layer1.", "layer2.", "layer3.", "fc64."]
        for i in range(0, k - 1):
            lo, la = self.next_block(model, i)
            used += ["decoder_%d_%d." % (lo, la), "aux_classifier_%d_%d." % (lo, la), "LB.%d." % i, "EMA_Net.%d." % i]
        return used

    def modules(self, model, k, losses):
        out = []
        for i in range(0, k - 1):
            recon, cls = losses[2 * i], losses[2 * i + 1]
            lo, la = self.next_block(model, i)
            ratio = lo / (k - 2) if k > 2 else 0  # the next block's stage, as the code does
            ixx = LAMBDAS[0] * (1 - ratio) + LAMBDAS[2] * ratio
            ixy = LAMBDAS[1] * (1 - ratio) + LAMBDAS[3] * ratio
            s, b = model.infopro_config[i]
            out.append({"module": i, "endsAt": "%d.%d" % (s, b), "next": "%d.%d" % (lo, la),
                        "reconstruction": recon, "classification": cls, "weighted": ixx * recon + ixy * cls})
        return out

    def settings(self):
        return {"lambdas": LAMBDAS, "emaMomentum": EMA_MOMENTUM,
                "source": "Exp on CIFAR-SVHN-STL/networks/resnetInfoPro_MAN.py, auxiliary_nets.py"}


class Backprop:
    """End-to-end BP: resnetMLAAN.py with local_module_num=1 (one CE on fc64, one backward)."""
    name = "bp"
    repository = "github.com/Wendy231015/MLAAN"
    commit = "70effbe6a57f4d3534e9e131455996ec73b58b91"

    def build(self, k):
        import networks.resnetMLAAN as reference
        return reference.resnet32(local_module_num=1, batch_size=BATCH, image_size=32, dataset="cifar10",
                                  class_num=CLASSES)

    def heads(self):
        return []

    def run(self, model, img, target):
        model(img=img, target=target)

    def used_prefixes(self, model, k):
        return ["conv1.", "bn1.", "layer1.", "layer2.", "layer3.", "fc64."]

    def modules(self, model, k, losses):
        return []

    def settings(self):
        return {"source": "CIFAR-SVHN-STL/networks/resnetMLAAN.py (local_module_num = 1)"}


METHODS = {"mlaan": Mlaan(), "infopro": InfoPro(), "man": Man(), "bp": Backprop()}


def step(method, k, dtype, jitter=None):
    model = method.build(k).to(dtype)
    # resnetMLAAN's Encoder_Net and Update_Net hold the live blocks again, so state_dict() names some
    # tensors twice: each tensor takes the values of its first (canonical: conv1, layer1.0, ...) name only.
    seen = set()
    with torch.no_grad():
        for name, t in model.state_dict().items():
            if t.is_floating_point() and t.data_ptr() not in seen:
                seen.add(t.data_ptr())
                v = pattern(name, tuple(t.shape)).to(dtype)
                t.copy_(v if jitter is None else jittered(v, jitter))
    start = {n: t.detach().clone() for n, t in model.state_dict().items()}
    losses = []
    originals = [(cls, cls.forward) for cls in method.heads()]

    def recording(original):
        def forward(self, *args):
            loss = original(self, *args)
            losses.append(float(loss))
            return loss
        return forward
    for cls, original in originals:
        cls.forward = recording(original)
    ce = model.criterion_ce
    final = []

    class Recording(nn.Module):
        def forward(self, logits, target):
            loss = ce(logits, target)
            final.append(float(loss))
            return loss
    model.criterion_ce = Recording()
    optimizer = torch.optim.SGD(model.parameters(), lr=LR, momentum=0.9, nesterov=True, weight_decay=1e-4)
    model.train()
    img, target = batch(dtype)
    if jitter is not None:
        img = jittered(img, jitter)
    optimizer.zero_grad()
    try:
        method.run(model, img, target)
    finally:
        for cls, original in originals:
            cls.forward = original
    grads = {n: measure(n, p.grad) for n, p in model.named_parameters() if p.grad is not None}
    optimizer.step()
    used = method.used_prefixes(model, k)
    changes = {}
    for n, t in model.state_dict().items():
        if not t.is_floating_point() or not any(n.startswith(u) for u in used):
            continue
        delta = t - start[n]
        if float(delta.abs().max()) > 0:
            changes[n] = measure(n, delta)
    return {"modules": method.modules(model, k, losses), "final": final, "grads": grads, "changes": changes}


def spread(a, b):
    if isinstance(a, dict):
        return {key: spread(a[key], b[key]) for key in a}
    if isinstance(a, list):
        return [spread(x, y) for x, y in zip(a, b)]
    if isinstance(a, (int, float)) and not isinstance(a, bool):
        return abs(a - b)
    return a


def widest_of(spreads):
    first = spreads[0]
    if isinstance(first, dict):
        return {key: widest_of([x[key] for x in spreads]) for key in first}
    if isinstance(first, list):
        return [widest_of(list(xs)) for xs in zip(*spreads)]
    if isinstance(first, float):
        return max(spreads)
    return first


BEHAVIOUR = {
    "mlaan": [
        "no loss at module 0; module i = 1..K-2: wx*CE(net_classifier(x_i)) + wy*CE(aux_classifier(z_i)),"
        " z_i = A_i(E_i(E_{i-1}(y))) with the first leap block plus its EMA twin; backward at once",
        "last module: CE of the x path computed and overwritten, only CE(fc64(GAP(E_{K-1}(E_{K-2}(y)))))"
        " backwarded (the lab's lastModuleLoss yOnly); final = [x path CE, y path CE]",
        "EMA update of EMA_Net[K-2] only (the lab's emaUpdate lastOnly), before optimizer.step()",
        "every backbone module runs forward on the x, y and z paths: BN running statistics move up to 3 times"],
    "man": [
        "module i = 0..K-2: y = LB_i(x_i) + EMA_i(x_i), LB_i/EMA_i copies of the block after the module;"
        " ixx_r*BCE(decoder(y)) + ixy_r*CE(aux_classifier(y)) with the next block's heads, ratio = (that"
        " block's stage)/(K-2); backward at once, then EMA_i <- m EMA_i + (1-m) live next block; detach",
        "last module: CE(fc64(GAP(x))); final = [that CE]",
        "the 2c2f head in cross_entropy mode (the lab's MAN heads)"],
    "bp": ["one forward of the whole network, CE(fc64(GAP(x))), one backward; final = [that CE]"],
    "infopro": [
        "module i = 0..K-2: ixx_r*BCE(decoder(x_i), restored image) + ixy_r*CE(aux_classifier(x_i)),"
        " ratio = i/(K-2), ixx_r = ixx_1(1-ratio) + ixx_2 ratio, ixy_r likewise; backward at once, detach",
        "last module: CE(fc(GAP(x))); final = [that CE]",
        "the 1c2f head in cross_entropy mode (the lab's InfoPro heads; comand.sh's contrast mode is not used)"],
}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--reference", required=True,
                    help="the CIFAR-SVHN-STL folder of Wendy231015/MLAAN (mlaan, infopro) or JunhaoSu0/MAN (man)")
    ap.add_argument("--commit", default=None, help="the snapshot's commit (default: the one the fixtures came from)")
    ap.add_argument("--method", choices=sorted(METHODS), default="mlaan")
    ap.add_argument("--k", type=int, default=8, help="local_module_num (8, or 15 for the K=16 table)")
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    method = METHODS[args.method]
    k = 1 if method.name == "bp" else args.k
    out_path = args.out or "src/test/resources/org/mlaan/lab/engine/%s-step-golden-k%d.json" % (method.name, k)
    torch.Tensor.cuda = lambda self, *a, **kw: self
    nn.Module.cuda = lambda self, *a, **kw: self
    sys.path.insert(0, os.path.abspath(args.reference))
    torch.set_num_threads(1)
    exact = step(method, k, torch.float64)
    # float32 arithmetic switches ReLUs whose input lies within its rounding error of 0, and which
    # ones it switches depends on where the roundings fall: take the widest of nine float32 runs.
    spreads = [spread(exact, step(method, k, torch.float32))]
    for seed in range(1, 9):
        generator = torch.Generator().manual_seed(seed)
        spreads.append(spread(exact, step(method, k, torch.float32, generator)))
    out = {
        "repository": method.repository,
        "commit": args.commit or method.commit,
        "generator": "src/test/python/reference_step_golden.py --method " + method.name,
        "torch": torch.__version__,
        "method": method.name,
        "arch": "resnet32",
        "localModuleNum": k,
        "batch": BATCH,
        "learningRate": LR,
        "hashFormula": HASH_FORMULA,
        "valueFormula": VALUE_FORMULA,
        "batchFormula": BATCH_FORMULA,
        "projectionFormula": PROJECTION_FORMULA,
        "referenceBehaviour": BEHAVIOUR[method.name],
        "float64": exact,
        "float32Spread": widest_of(spreads),
    }
    out.update(method.settings())
    with open(out_path, "w") as f:
        json.dump(out, f, indent=0)
        f.write("\n")
    print("wrote %s: %d gradients, %d changed arrays, final loss %.6f"
          % (out_path, len(exact["grads"]), len(exact["changes"]), exact["final"][-1]))


if __name__ == "__main__":
    main()
