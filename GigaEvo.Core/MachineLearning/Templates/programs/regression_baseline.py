"""Regression baseline: imputed, scaled and one-hot features into a ridge regression.

entrypoint(context) returns an UNFITTED scikit-learn Pipeline. The validator clones
it, fits it on the training rows and scores it on rows the program never sees.
The regularisation is deliberately strong (large alpha): there is room to improve.
"""
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import Ridge
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

from helper import clip_float, clip_int, one_hot_encoder


# Sanitisers (outside the evolve block, so their bounds never change).
def regularisation(value):
    return clip_float(value, 1e-6, 1e6)


def categories(value):
    return clip_int(value, 2, 200)


# EVOLVE-BLOCK-START
ALPHA = 300.0          # L2 penalty (large = strongly regularised)
MAX_CATEGORIES = 20    # one-hot columns kept per categorical feature (rarer values are dropped)


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
    model = Ridge(alpha=regularisation(ALPHA))
    return Pipeline([("features", features), ("model", model)])
# EVOLVE-BLOCK-END


def entrypoint(context):
    return build_pipeline(context)
