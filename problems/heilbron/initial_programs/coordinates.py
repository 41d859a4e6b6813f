"""Heilbron (11 points in a triangle): a hand-written coordinate list."""
import numpy as np

from helper import project_into_triangle

# EVOLVE-BLOCK-START
# (x, y) of each point; the container is the triangle (0, 0), (1, 0), (0.5, sqrt(3)/2).
POINTS = [
    (0.59, 0.63),
    (0.72, 0.27),
    (0.28, 0.41),
    (0.62, 0.08),
    (0.47, 0.17),
    (0.50, 0.64),
    (0.72, 0.36),
    (0.43, 0.49),
    (0.56, 0.27),
    (0.39, 0.01),
    (0.29, 0.50),
]


def construct_points():
    """Returns the 11 points as a list of (x, y) pairs."""
    return [(x, y) for x, y in POINTS]
# EVOLVE-BLOCK-END


def entrypoint():
    # Points that stray outside are moved back onto the triangle.
    return project_into_triangle(np.asarray(construct_points(), dtype=float))
