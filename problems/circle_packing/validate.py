"""Validator for the circle_packing problem: validate(output) -> metrics dict."""
import math

import numpy as np

from helper import N_CIRCLES, check_packing


def validate(output):
    try:
        circles = np.asarray(output, dtype=float)
    except (TypeError, ValueError, OverflowError):
        return {"fitness": 0.0, "is_valid": 0, "min_gap": -2.0}
    if circles.shape != (N_CIRCLES, 3) or not np.all(np.isfinite(circles)):
        return {"fitness": 0.0, "is_valid": 0, "min_gap": -2.0}
    valid, total, min_gap = check_packing(circles)
    min_gap = min(1.0, max(-1.0, min_gap)) if math.isfinite(min_gap) else -2.0
    if not valid:
        return {"fitness": 0.0, "is_valid": 0, "min_gap": float(min_gap)}
    return {"fitness": float(total), "is_valid": 1, "min_gap": float(min_gap)}
