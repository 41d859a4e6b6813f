"""sklearn_bench: logistic regression on iris."""
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression

from helper import load_data

# EVOLVE-BLOCK-START
C = 0.01
MAX_ITER = 20


def build_model():
    return LogisticRegression(C=max(1e-8, float(C)), max_iter=max(1, int(MAX_ITER)))
# EVOLVE-BLOCK-END


def entrypoint():
    X, y = load_data()
    model = build_model()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        model.fit(X, y)
    return np.asarray(model.predict(X), dtype=int)
