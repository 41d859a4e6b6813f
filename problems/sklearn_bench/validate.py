"""Validator for sklearn_bench: validate(output) -> metrics dict."""
import numpy as np
from sklearn.metrics import accuracy_score

from helper import load_data


def validate(output):
    _, y = load_data()
    try:
        pred = np.asarray(output, dtype=float).reshape(-1)
    except (TypeError, ValueError, OverflowError):
        return {"fitness": -1.0, "is_valid": 0}
    if pred.shape != y.shape or not np.all(np.isfinite(pred)) or np.any(pred != np.round(pred)):
        return {"fitness": -1.0, "is_valid": 0}
    labels = pred.astype(int)
    if labels.min() < 0 or labels.max() > 2:
        return {"fitness": -1.0, "is_valid": 0}
    return {"fitness": float(accuracy_score(y, labels)), "is_valid": 1}
