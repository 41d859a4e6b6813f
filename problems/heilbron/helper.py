"""Geometry shared by the heilbron validator and programs.

The container is the equilateral triangle with vertices (0, 0), (1, 0) and
(0.5, sqrt(3)/2) (side 1, area sqrt(3)/4). All areas reported by the problem
are divided by the container's area, so the score is scale-free: it equals the
smallest triangle area you would get in a triangle of area 1.
"""
import itertools
import math

import numpy as np

N_POINTS = 11
SQRT3 = math.sqrt(3.0)
VERTICES = np.array([[0.0, 0.0], [1.0, 0.0], [0.5, SQRT3 / 2.0]])
TRIANGLE_AREA = SQRT3 / 4.0
CENTROID = VERTICES.mean(axis=0)
INSIDE_TOLERANCE = 1e-9

_TRIPLES = np.array(list(itertools.combinations(range(N_POINTS), 3)), dtype=np.intp)


def barycentric(points):
    """Barycentric coordinates (n, 3) of points (n, 2) w.r.t. VERTICES."""
    p = np.asarray(points, dtype=float).reshape(-1, 2)
    x, y = p[:, 0], p[:, 1]
    l3 = y / (SQRT3 / 2.0)
    l2 = x - 0.5 * l3
    l1 = 1.0 - l2 - l3
    return np.stack([l1, l2, l3], axis=1)


def from_barycentric(weights):
    """Points (n, 2) from non-negative weights (n, 3); each row is normalised to sum 1."""
    w = np.abs(np.asarray(weights, dtype=float).reshape(-1, 3))
    s = w.sum(axis=1, keepdims=True)
    s[s <= 0] = 1.0
    return (w / s) @ VERTICES


def edge_distances(points):
    """Signed distances (n, 3) of points to the three edge lines (>= 0 inside)."""
    p = np.asarray(points, dtype=float).reshape(-1, 2)
    x, y = p[:, 0], p[:, 1]
    return np.stack([y, (SQRT3 * x - y) / 2.0, (SQRT3 * (1.0 - x) - y) / 2.0], axis=1)


def is_inside(points, tol=INSIDE_TOLERANCE):
    """True where a point lies in the triangle (within tol)."""
    return np.all(edge_distances(points) >= -tol, axis=1)


def project_into_triangle(points):
    """Moves every point into the closed triangle (clips barycentric coordinates).

    Points already inside are unchanged; points outside land on the boundary.
    Non-finite coordinates are replaced by the centroid.
    """
    p = np.array(points, dtype=float).reshape(-1, 2)
    bad = ~np.all(np.isfinite(p), axis=1)
    p[bad] = CENTROID
    lam = np.clip(barycentric(p), 0.0, None)
    lam /= lam.sum(axis=1, keepdims=True)
    return lam @ VERTICES


def triangle_areas(points):
    """Areas of all C(n, 3) triangles formed by the points (n, 2)."""
    p = np.asarray(points, dtype=float).reshape(-1, 2)
    n = len(p)
    triples = _TRIPLES if n == N_POINTS else np.array(list(itertools.combinations(range(n), 3)), dtype=np.intp)
    if len(triples) == 0:
        return np.zeros(0)
    a, b, c = p[triples[:, 0]], p[triples[:, 1]], p[triples[:, 2]]
    cross = (b[:, 0] - a[:, 0]) * (c[:, 1] - a[:, 1]) - (b[:, 1] - a[:, 1]) * (c[:, 0] - a[:, 0])
    return 0.5 * np.abs(cross)


def min_triangle_area(points):
    """Smallest area of a triangle formed by 3 of the points (absolute units)."""
    areas = triangle_areas(points)
    return float(areas.min()) if len(areas) else 0.0


def normalized_min_area(points):
    """Smallest triangle area divided by the container's area (the fitness)."""
    return min_triangle_area(points) / TRIANGLE_AREA
