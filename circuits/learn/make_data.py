#!/usr/bin/env python3
"""Writes the training data of circuits/learn/ (run from anywhere; the output is deterministic).

line.csv         20 points near y = 11.2 x + 25 (the regression lesson; line.net starts at m=5, b=10)
add.csv          100 pairs a, b in [0, 1] with a + b <= 1 and their sum (what add.net trains on)
add_holdout.csv  every pair on the 0.1 grid with a + b <= 1 (66 pairs, none of them in add.csv)
"""
import os
import random

here = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(2026)

with open(os.path.join(here, "line.csv"), "w") as f:
    f.write("x,line\n")
    for i in range(20):
        x = round(i * 0.5, 1)
        y = 11.2 * x + 25 + rng.uniform(-3, 3)
        f.write(f"{x},{y:.3f}\n")

with open(os.path.join(here, "add.csv"), "w") as f:
    f.write("a,b,add\n")
    n = 0
    while n < 100:
        a, b = round(rng.random(), 2), round(rng.random(), 2)
        # keep the grid points for the held-out set
        if a + b > 1 or (a * 10).is_integer() and (b * 10).is_integer():
            continue
        f.write(f"{a},{b},{a + b:.2f}\n")
        n += 1

with open(os.path.join(here, "add_holdout.csv"), "w") as f:
    f.write("a,b,add\n")
    for i in range(11):
        for j in range(11 - i):
            f.write(f"{i / 10},{j / 10},{(i + j) / 10}\n")
