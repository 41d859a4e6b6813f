"""Wine classification: (over-regularised) logistic regression."""
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


# Sanitisers keep any tuned value acceptable to scikit-learn.
def positive_float(value):
    return max(1e-8, abs(float(value)))


def positive_int(value):
    return max(1, int(value))


def enabled(flag):
    return flag > 0.5


# EVOLVE-BLOCK-START
C = 0.0005            # inverse regularisation strength (tiny = heavily regularised)
MAX_ITER = 5          # optimiser iterations
SCALE_FEATURES = 0.4  # values above 0.5 standardise the features first


def build_model():
    """Returns an unfitted scikit-learn classifier."""
    model = LogisticRegression(C=positive_float(C), max_iter=positive_int(MAX_ITER))
    if enabled(SCALE_FEATURES):
        model = make_pipeline(StandardScaler(), model)
    return model
# EVOLVE-BLOCK-END


def entrypoint(context):
    model = build_model()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        model.fit(context["X_train"], context["y_train"])
    return np.asarray(model.predict(context["X_val"]), dtype=int)
