"""Geometry shared by the circle_packing validator and programs.

Circles live in the unit square [0, 1] x [0, 1]; a packing is an array (26, 3)
of rows (x, y, r).
"""
import numpy as np

N_CIRCLES = 26
TOLERANCE = 1e-12
# Radii built by greedy_radii are shrunk by this relative amount so that
# floating-point rounding can never produce an overlap.
SAFETY = 1e-12


def pairwise_distances(centers):
    c = np.asarray(centers, dtype=float).reshape(-1, 2)
    diff = c[:, None, :] - c[None, :, :]
    return np.sqrt((diff ** 2).sum(axis=-1))


def clip_centers(centers):
    """Clips centers into the unit square; non-finite coordinates become 0.5."""
    c = np.array(centers, dtype=float).reshape(-1, 2)
    c[~np.isfinite(c)] = 0.5
    return np.clip(c, 0.0, 1.0)


def greedy_radii(centers, cap=None):
    """Radii for the given centers, chosen one circle at a time in order.

    Circle i gets the largest radius that keeps it inside the square and clear
    of circles 0..i-1, optionally limited by ``cap`` (a scalar or one value per
    circle). When center i lies inside an earlier circle, circle i gets radius 0
    and the earlier circle shrinks so that the point is on its rim. The result
    is always a valid packing.
    """
    c = clip_centers(centers)
    n = len(c)
    caps = np.full(n, np.inf) if cap is None else np.broadcast_to(np.abs(np.asarray(cap, dtype=float)), (n,))
    d = pairwise_distances(c)
    radii = np.zeros(n)
    for i in range(n):
        x, y = c[i]
        r = min(x, 1.0 - x, y, 1.0 - y, caps[i] if np.isfinite(caps[i]) else np.inf)
        if i:
            clearance = d[i, :i] - radii[:i]
            if np.any(clearance < 0.0):
                inside = np.nonzero(clearance < 0.0)[0]
                radii[inside] = d[i, inside] * (1.0 - SAFETY)
                r = 0.0
            else:
                r = min(r, float(np.min(clearance)))
        radii[i] = max(0.0, r * (1.0 - SAFETY))
    return radii


def assemble(centers, radii):
    """Stacks centers (n, 2) and radii (n,) into an (n, 3) array of (x, y, r)."""
    return np.column_stack([clip_centers(centers), np.asarray(radii, dtype=float).reshape(-1)])


def check_packing(circles, tol=TOLERANCE):
    """Returns (is_valid, sum_of_radii, min_gap) for an (n, 3) array.

    min_gap is the smallest clearance between two circles or between a circle and
    the square's boundary (negative when something overlaps or sticks out).
    """
    a = np.asarray(circles, dtype=float)
    x, y, r = a[:, 0], a[:, 1], a[:, 2]
    boundary_gap = np.min(np.stack([x - r, 1.0 - x - r, y - r, 1.0 - y - r]))
    n = len(a)
    if n > 1:
        d = pairwise_distances(a[:, :2])
        iu = np.triu_indices(n, k=1)
        pair_gap = np.min(d[iu] - (r[:, None] + r[None, :])[iu])
    else:
        pair_gap = np.inf
    min_gap = float(min(boundary_gap, pair_gap))
    valid = bool(np.all(r >= 0.0) and min_gap >= -tol)
    return valid, float(r.sum()), min_gap
