#!/usr/bin/env python3
"""The numpy baseline for `circuit train` on add.net, in the tutorial's style: one sigmoid neuron,
online (per-sample) gradient descent on the squared error, rate 0.1, over circuits/learn/add.csv.
Prints the training loop's time and epochs/s (interpreter start-up, imports and reading the CSV
not included). Usage: train_add.py EPOCHS"""
import os
import sys
import time

import numpy as np

epochs = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
here = os.path.dirname(os.path.abspath(__file__))
data = np.loadtxt(os.path.join(here, "..", "circuits", "learn", "add.csv"), delimiter=",", skiprows=1)
X = data[:, :2]
Y = data[:, 2]
rng = np.random.default_rng(0)
w = rng.uniform(-1, 1, 2)
b = rng.uniform(-1, 1)
rate = 0.1


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


start = time.perf_counter()
for epoch in range(epochs):
    for x, y in zip(X, Y):
        out = sigmoid(np.dot(w, x) + b)
        d = 2 * (out - y) * out * (1 - out)
        w -= rate * d * x
        b -= rate * d
seconds = time.perf_counter() - start
loss = float(np.mean((sigmoid(X @ w + b) - Y) ** 2))
print(f"numpy add: {epochs} epochs in {seconds:.3f} s, {epochs / seconds:.0f} epochs/s, final loss {loss:.6g}")
