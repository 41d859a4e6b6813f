"""Validator for the heilbron problem: validate(output) -> metrics dict."""
import math

import numpy as np

from helper import INSIDE_TOLERANCE, N_POINTS, edge_distances, normalized_min_area


def _invalid():
    return {"fitness": 0.0, "is_valid": 0, "min_edge_distance": -1.0}


def validate(output):
    try:
        points = np.asarray(output, dtype=float)
    except (TypeError, ValueError, OverflowError):
        return _invalid()
    if points.shape != (N_POINTS, 2) or not np.all(np.isfinite(points)):
        return _invalid()
    distances = edge_distances(points)
    if np.any(distances < -INSIDE_TOLERANCE):
        return _invalid()
    fitness = normalized_min_area(points)
    if not math.isfinite(fitness):
        return _invalid()
    return {
        "fitness": float(fitness),
        "is_valid": 1,
        "min_edge_distance": float(max(0.0, distances.min())),
    }
