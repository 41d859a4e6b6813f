"""sklearn_bench: logistic regression on iris."""
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression

from helper import load_data


# Sanitisers keep any tuned value acceptable to scikit-learn.
def positive_float(value):
    return max(1e-8, abs(float(value)))


def positive_int(value):
    return max(1, int(value))


# EVOLVE-BLOCK-START
C = 0.01
MAX_ITER = 20


def build_model():
    return LogisticRegression(C=positive_float(C), max_iter=positive_int(MAX_ITER))
# EVOLVE-BLOCK-END


def entrypoint():
    X, y = load_data()
    model = build_model()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        model.fit(X, y)
    return np.asarray(model.predict(X), dtype=int)
