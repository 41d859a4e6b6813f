"""Builds the context handed to entrypoint(context) and validate(context, model).

The context holds the TRAINING rows only. Validation and holdout rows (and their
labels) are never part of it: validate.py reloads every row itself through
helper.py, so a program cannot see what it is scored on.

Keys: X_train (DataFrame of the feature columns, typed: numeric/boolean -> float
with NaN for missing, categorical/text -> str with "__missing__"), y_train (Series,
None for clustering), numeric_columns, categorical_columns (categorical + text),
text_columns (the text subset of categorical_columns), task, target, metric,
n_clusters, seed, evaluation ("search" | "holdout" | "final").
"""
from helper import make_context


def build_context():
    """The search context: the train rows, or all search rows when cv_folds >= 2."""
    return make_context("search")


def build_holdout_context():
    """The holdout context: all search rows (train + val); validate() then scores the holdout rows."""
    return make_context("holdout")


def build_final_context():
    """Every usable row (search + holdout), for training the model that is exported."""
    return make_context("final")
