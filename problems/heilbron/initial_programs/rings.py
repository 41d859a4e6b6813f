"""Heilbron (11 points in a triangle): three 3-point rings around the centroid plus two free points."""
import math

import numpy as np

from helper import CENTROID, project_into_triangle

# Angular offsets of the 3 points of a ring (0, 120 and 240 degrees).
RING_OFFSETS = (0.0, 2.0 * math.pi / 3.0, 4.0 * math.pi / 3.0)

# EVOLVE-BLOCK-START
# Each ring holds 3 points at 120 degrees from each other around the centroid.
RING_RADII = (0.26, 0.28, 0.14)
RING_PHASES = (0.73, 1.55, 1.07)   # radians
EXTRA_POINTS = ((0.37, 0.06), (0.81, 0.26))


def construct_points():
    """Returns the 11 points as a list of (x, y) pairs."""
    cx, cy = CENTROID
    points = []
    for radius, phase in zip(RING_RADII, RING_PHASES):
        for offset in RING_OFFSETS:
            angle = phase + offset
            points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    points.extend(EXTRA_POINTS)
    return points
# EVOLVE-BLOCK-END


def entrypoint():
    # Points that stray outside are moved back onto the triangle.
    return project_into_triangle(np.asarray(construct_points(), dtype=float))
