"""Validator for wine_classification: validate(context, output) -> metrics dict.

The validation labels are recomputed here (helper.load_split) instead of being
read from the context, which the program also receives.
"""
import numpy as np
from sklearn.metrics import accuracy_score, balanced_accuracy_score, f1_score

from helper import N_CLASSES, load_split

_SENTINEL = {"fitness": -1.0, "is_valid": 0, "balanced_accuracy": -1.0, "f1_macro": -1.0}


def validate(context, output):
    y_val = load_split()[3]  # the context is not consulted: it carries no labels
    try:
        pred = np.asarray(output).reshape(-1)
    except (TypeError, ValueError, OverflowError):
        return dict(_SENTINEL)
    if pred.shape != y_val.shape:
        return dict(_SENTINEL)
    try:
        pred_f = pred.astype(float)
    except (TypeError, ValueError, OverflowError):
        return dict(_SENTINEL)
    if not np.all(np.isfinite(pred_f)) or np.any(pred_f != np.round(pred_f)):
        return dict(_SENTINEL)
    labels = pred_f.astype(int)
    if labels.min() < 0 or labels.max() >= N_CLASSES:
        return dict(_SENTINEL)
    return {
        "fitness": float(accuracy_score(y_val, labels)),
        "is_valid": 1,
        "balanced_accuracy": float(balanced_accuracy_score(y_val, labels)),
        "f1_macro": float(f1_score(y_val, labels, average="macro", labels=list(range(N_CLASSES)), zero_division=0)),
    }
