"""Wine classification: a shallow decision tree."""
import numpy as np
from sklearn.tree import DecisionTreeClassifier


# Sanitisers keep any tuned value acceptable to scikit-learn.
def positive_int(value):
    return max(1, int(value))


def fraction(value):
    return min(1.0, max(0.05, abs(float(value))))


# EVOLVE-BLOCK-START
MAX_DEPTH = 1            # depth of the tree (1 = a single split)
MIN_SAMPLES_LEAF = 30    # minimum training samples per leaf
MAX_FEATURES = 0.3       # fraction of the 13 features tried at each split
RANDOM_STATE = 0


def build_model():
    """Returns an unfitted scikit-learn classifier."""
    return DecisionTreeClassifier(
        max_depth=positive_int(MAX_DEPTH),
        min_samples_leaf=positive_int(MIN_SAMPLES_LEAF),
        max_features=fraction(MAX_FEATURES),
        random_state=abs(int(RANDOM_STATE)),
    )
# EVOLVE-BLOCK-END


def entrypoint(context):
    model = build_model()
    model.fit(context["X_train"], context["y_train"])
    return np.asarray(model.predict(context["X_val"]), dtype=int)
