#!/usr/bin/env python3
"""The numpy baseline for `circuit train` on XOR, in the tutorials' style: a 2-2-1 sigmoid network,
full-batch gradient descent on the mean squared error, rate 0.5, weights from U(-1, 1).
Prints the training loop's time and epochs/s (interpreter start-up and imports not included).
Usage: train_xor.py EPOCHS"""
import sys
import time

import numpy as np

epochs = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
Y = np.array([[0], [1], [1], [0]], dtype=float)
rng = np.random.default_rng(7)
W1 = rng.uniform(-1, 1, (2, 2))
b1 = rng.uniform(-1, 1, (1, 2))
W2 = rng.uniform(-1, 1, (2, 1))
b2 = rng.uniform(-1, 1, (1, 1))
rate = 0.5


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


start = time.perf_counter()
for epoch in range(epochs):
    h = sigmoid(X @ W1 + b1)
    out = sigmoid(h @ W2 + b2)
    d_out = 2 * (out - Y) / len(X) * out * (1 - out)
    d_h = (d_out @ W2.T) * h * (1 - h)
    W2 -= rate * h.T @ d_out
    b2 -= rate * d_out.sum(axis=0, keepdims=True)
    W1 -= rate * X.T @ d_h
    b1 -= rate * d_h.sum(axis=0, keepdims=True)
seconds = time.perf_counter() - start
loss = float(np.mean((sigmoid(sigmoid(X @ W1 + b1) @ W2 + b2) - Y) ** 2))
print(f"numpy xor: {epochs} epochs in {seconds:.3f} s, {epochs / seconds:.0f} epochs/s, final loss {loss:.6g}")
