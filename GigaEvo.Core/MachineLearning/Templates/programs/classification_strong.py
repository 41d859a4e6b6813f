"""Classification: histogram gradient boosting on imputed numeric + one-hot categorical features.

entrypoint(context) returns an UNFITTED scikit-learn Pipeline. The validator clones
it, fits it on the training rows and scores it on rows the program never sees.
Missing numeric values are handled natively by the boosting model.
"""
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline

from helper import clip_float, clip_int, one_hot_encoder


# Sanitisers (outside the evolve block, so their bounds never change).
def learning_rate(value):
    return clip_float(value, 1e-3, 1.0)


def boosting_rounds(value):
    return clip_int(value, 5, 500)


def leaves(value):
    return clip_int(value, 2, 256)


def depth(value):
    return clip_int(value, 1, 32)


def leaf_size(value):
    return clip_int(value, 1, 500)


def penalty(value):
    return clip_float(value, 0.0, 1e3)


def categories(value):
    return clip_int(value, 2, 200)


# EVOLVE-BLOCK-START
LEARNING_RATE = 0.15      # shrinkage per boosting round
MAX_ITER = 60             # boosting rounds (one tree per class per round)
MAX_LEAF_NODES = 31       # leaves per tree
MAX_DEPTH = 6             # depth limit per tree
MIN_SAMPLES_LEAF = 20     # training rows per leaf
L2_REGULARIZATION = 0.1   # L2 penalty on leaf values
MAX_CATEGORIES = 20       # one-hot columns kept per categorical feature


def build_pipeline(context):
    categorical = Pipeline([
        ("impute", SimpleImputer(strategy="most_frequent")),
        ("onehot", one_hot_encoder(categories(MAX_CATEGORIES))),  # dense output
    ])
    features = ColumnTransformer([
        ("numeric", "passthrough", context["numeric_columns"]),
        ("categorical", categorical, context["categorical_columns"]),
    ])
    model = HistGradientBoostingClassifier(
        learning_rate=learning_rate(LEARNING_RATE),
        max_iter=boosting_rounds(MAX_ITER),
        max_leaf_nodes=leaves(MAX_LEAF_NODES),
        max_depth=depth(MAX_DEPTH),
        min_samples_leaf=leaf_size(MIN_SAMPLES_LEAF),
        l2_regularization=penalty(L2_REGULARIZATION),
        early_stopping=False,
        random_state=context["seed"],
    )
    return Pipeline([("features", features), ("model", model)])
# EVOLVE-BLOCK-END


def entrypoint(context):
    return build_pipeline(context)
