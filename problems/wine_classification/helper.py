"""Data split shared by context.py and validate.py for wine_classification.

The wine data set ships with scikit-learn (no download). It is split once,
stratified, 60% train / 40% validation, with a fixed seed, so the split is the
same in every process.
"""
import numpy as np
from sklearn.datasets import load_wine
from sklearn.model_selection import train_test_split

TEST_SIZE = 0.4
RANDOM_STATE = 0
N_CLASSES = 3


def load_split():
    """Returns X_train, X_val, y_train, y_val (float features, int labels)."""
    data = load_wine()
    X = np.asarray(data.data, dtype=float)
    y = np.asarray(data.target, dtype=int)
    return train_test_split(X, y, test_size=TEST_SIZE, random_state=RANDOM_STATE, stratify=y)


def feature_names():
    return list(load_wine().feature_names)
