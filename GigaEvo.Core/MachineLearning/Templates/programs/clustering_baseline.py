"""Clustering baseline: imputed, scaled and one-hot features into a cheap k-means.

entrypoint(context) returns an UNFITTED scikit-learn Pipeline that must produce
exactly context["n_clusters"] clusters. The validator clones and fits it and scores
the labels in a fixed feature space (numeric standardised + one-hot) that the
program does not control. Deliberately cheap (random init, one run, few
iterations): there is room to improve.
"""
from sklearn.cluster import KMeans
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

from helper import clip_float, clip_int, one_hot_encoder


# Sanitisers (outside the evolve block, so their bounds never change).
def restarts(value):
    return clip_int(value, 1, 50)


def iterations(value):
    return clip_int(value, 1, 1000)


def tolerance(value):
    return clip_float(value, 1e-8, 1.0)


def categories(value):
    return clip_int(value, 2, 200)


# EVOLVE-BLOCK-START
N_INIT = 1             # k-means runs with different seeds (the best is kept)
MAX_ITER = 2           # iterations per run
TOL = 0.01             # convergence tolerance
MAX_CATEGORIES = 20    # one-hot columns kept per categorical feature


def build_pipeline(context):
    numeric = Pipeline([
        ("impute", SimpleImputer(strategy="median")),
        ("scale", StandardScaler()),
    ])
    categorical = Pipeline([
        ("impute", SimpleImputer(strategy="most_frequent")),
        ("onehot", one_hot_encoder(categories(MAX_CATEGORIES))),
    ])
    features = ColumnTransformer([
        ("numeric", numeric, context["numeric_columns"]),
        ("categorical", categorical, context["categorical_columns"]),
    ])
    model = KMeans(
        n_clusters=int(context["n_clusters"]),
        init="random",
        n_init=restarts(N_INIT),
        max_iter=iterations(MAX_ITER),
        tol=tolerance(TOL),
        random_state=context["seed"],
    )
    return Pipeline([("features", features), ("model", model)])
# EVOLVE-BLOCK-END


def entrypoint(context):
    return build_pipeline(context)
