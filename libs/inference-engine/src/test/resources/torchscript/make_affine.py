"""Writes affine/affine.pt, the TorchScript model the tests load: y = x @ W + b, x float32 [n, 4], y float32 [n, 3].

Needs Python with PyTorch (Debian: apt-get install python3-torch, 1.13); run from this directory:
    /usr/bin/python3 make_affine.py
For x = ones(1, 4) it gives y = [2.5, 3.5, 1.0].
"""
import torch


class Affine(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.weight = torch.nn.Parameter(torch.tensor(
            [[1.0, 0.0, 2.0], [0.0, 1.0, -1.0], [0.5, 0.5, 0.0], [1.0, 1.0, 1.0]]))
        self.bias = torch.nn.Parameter(torch.tensor([0.0, 1.0, -1.0]))

    def forward(self, x):
        return x @ self.weight + self.bias


torch.jit.script(Affine()).save("affine/affine.pt")
