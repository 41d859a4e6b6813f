"""Validator for the trivial problem: validate(output) -> metrics dict (no numpy)."""
import math
import numbers


def validate(output):
    if isinstance(output, bool) or not isinstance(output, numbers.Real):
        return {"fitness": -1.0, "is_valid": 0, "abs_error": 1001.0}
    try:
        x = float(output)
    except OverflowError:
        return {"fitness": -1.0, "is_valid": 0, "abs_error": 1001.0}
    if not math.isfinite(x):
        return {"fitness": -1.0, "is_valid": 0, "abs_error": 1001.0}
    error = abs(x - math.pi)
    return {
        "fitness": 1.0 / (1.0 + min(error, 1e150) ** 2),
        "is_valid": 1,
        "abs_error": min(error, 1000.0),
    }
