"""Circle packing (26 circles): a 5 x 5 grid of equal circles plus one circle in a gap."""
import numpy as np

from helper import assemble, greedy_radii

GRID = 5  # the grid is GRID x GRID = 25 circles; the 26th is EXTRA_CENTER

# EVOLVE-BLOCK-START
MARGIN_X = 0.12     # x of the first grid column
MARGIN_Y = 0.12     # y of the first grid row
SPACING_X = 0.18    # distance between grid columns
SPACING_Y = 0.18    # distance between grid rows
RADIUS = 0.06       # radius of every grid circle (upper limit)
EXTRA_CENTER = (0.21, 0.21)
EXTRA_RADIUS = 0.03


def construct_packing():
    """Returns (centers (26, 2), radius caps (26,))."""
    centers = [(MARGIN_X + i * SPACING_X, MARGIN_Y + j * SPACING_Y) for j in range(GRID) for i in range(GRID)]
    caps = [RADIUS] * len(centers)
    centers.append(EXTRA_CENTER)
    caps.append(EXTRA_RADIUS)
    return np.asarray(centers, dtype=float), np.asarray(caps, dtype=float)
# EVOLVE-BLOCK-END


def entrypoint():
    centers, caps = construct_packing()
    # Radii never exceed what fits, so the packing is always valid.
    return assemble(centers, greedy_radii(centers, cap=caps))
