"""Circle packing (26 circles): hand-placed centers, radii grown greedily in order."""
import numpy as np

from helper import assemble, greedy_radii

# EVOLVE-BLOCK-START
# (x, y) of each circle's center. Radii are chosen one circle at a time, in this
# order, as the largest radius that fits beside the circles placed before it.
CENTERS = [
    (0.06, 0.07), (0.26, 0.07), (0.54, 0.07), (0.69, 0.13), (0.93, 0.17),
    (0.10, 0.30), (0.38, 0.26), (0.64, 0.31), (0.85, 0.26),
    (0.18, 0.41), (0.29, 0.46), (0.47, 0.53), (0.75, 0.53), (0.90, 0.40),
    (0.21, 0.62), (0.37, 0.60), (0.60, 0.67), (0.77, 0.64),
    (0.07, 0.70), (0.26, 0.69), (0.51, 0.80), (0.71, 0.78), (0.98, 0.76),
    (0.21, 0.90), (0.32, 0.95), (0.51, 0.95),
]


def construct_centers():
    """Returns the 26 centers as an array (26, 2)."""
    return np.asarray(CENTERS, dtype=float)
# EVOLVE-BLOCK-END


def entrypoint():
    centers = construct_centers()
    # Radii never exceed what fits, so the packing is always valid.
    return assemble(centers, greedy_radii(centers))
