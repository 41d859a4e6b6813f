"""Heilbron (11 points in a triangle): a hand-written coordinate list."""
import numpy as np

from helper import project_into_triangle

# EVOLVE-BLOCK-START
# (x, y) of each point; the container is the triangle (0, 0), (1, 0), (0.5, sqrt(3)/2).
POINTS = [
    (0.24, 0.01),
    (0.53, 0.38),
    (0.64, 0.01),
    (0.11, 0.16),
    (0.42, 0.41),
    (0.39, 0.12),
    (0.89, 0.11),
    (0.37, 0.60),
    (0.58, 0.60),
    (0.80, 0.15),
    (0.53, 0.79),
]


def construct_points():
    """Returns the 11 points as a list of (x, y) pairs."""
    return [(x, y) for x, y in POINTS]
# EVOLVE-BLOCK-END


def entrypoint():
    # Points that stray outside are moved back onto the triangle.
    return project_into_triangle(np.asarray(construct_points(), dtype=float))
