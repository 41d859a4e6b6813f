"""Shared data for sklearn_bench: the iris data set bundled with scikit-learn."""
import numpy as np
from sklearn.datasets import load_iris


def load_data():
    """Returns X (150, 4) float and y (150,) int."""
    data = load_iris()
    return np.asarray(data.data, dtype=float), np.asarray(data.target, dtype=int)
