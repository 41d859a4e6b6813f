"""Builds the context handed to entrypoint(context) and validate(context, output).

The validation labels are deliberately NOT part of the context: validate.py
recomputes them with helper.load_split(), so a program never sees them.
"""
from helper import feature_names, load_split


def build_context():
    X_train, X_val, y_train, _ = load_split()
    return {
        "X_train": X_train,
        "y_train": y_train,
        "X_val": X_val,
        "feature_names": feature_names(),
    }
