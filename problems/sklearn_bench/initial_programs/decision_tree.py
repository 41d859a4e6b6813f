"""sklearn_bench: a shallow decision tree on iris."""
import numpy as np
from sklearn.tree import DecisionTreeClassifier

from helper import load_data


# Sanitiser keeps any tuned value acceptable to scikit-learn.
def positive_int(value):
    return max(1, int(value))


# EVOLVE-BLOCK-START
MAX_DEPTH = 1
MIN_SAMPLES_LEAF = 5
RANDOM_STATE = 0


def build_model():
    return DecisionTreeClassifier(
        max_depth=positive_int(MAX_DEPTH),
        min_samples_leaf=positive_int(MIN_SAMPLES_LEAF),
        random_state=abs(int(RANDOM_STATE)),
    )
# EVOLVE-BLOCK-END


def entrypoint():
    X, y = load_data()
    model = build_model()
    model.fit(X, y)
    return np.asarray(model.predict(X), dtype=int)
