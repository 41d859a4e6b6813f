"""Shared code of a GigaEvo ML experiment: loading, typing, splitting and scoring.

Everything is driven by ``ml_spec.json`` in the folder of this file (the problem
directory, or an export folder). Nothing here writes files, and every split is
seeded, so every process that imports this module sees the same rows.

Used by context.py (what the program sees), validate.py (how it is scored), the
programs (sanitisers, one-hot encoder) and the export scripts (run/train/predict).
"""
import functools
import json
import math
import os
import time
import warnings

import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
SPEC_FILE = "ml_spec.json"
MISSING = "__missing__"
TASKS = ("classification", "regression", "clustering")
COLUMN_TYPES = ("numeric", "categorical", "boolean", "text")
METRICS = {
    "classification": ("accuracy", "f1_macro", "roc_auc", "log_loss", "fit_seconds", "is_valid"),
    "regression": ("r2", "rmse", "mae", "fit_seconds", "is_valid"),
    "clustering": ("silhouette", "davies_bouldin", "calinski_harabasz", "fit_seconds", "is_valid"),
}
# Read as text, then typed per column: these strings (and empty cells) count as missing.
NA_STRINGS = ["", "NA", "N/A", "n/a", "NaN", "nan", "NULL", "null", "None", "none", "#N/A", "?"]
_TRUE = {"1", "1.0", "true", "t", "yes", "y", "on"}
_FALSE = {"0", "0.0", "false", "f", "no", "n", "off"}
# Clustering metrics: rows beyond this are sampled (seeded) for the silhouette, which is O(n^2).
SILHOUETTE_MAX_ROWS = 4000
METRIC_SPACE_MAX_CATEGORIES = 20


class SpecError(ValueError):
    """ml_spec.json is missing or malformed."""


class MissingColumnsError(ValueError):
    """A CSV lacks feature columns the experiment was trained with."""


# ---------------------------------------------------------------------------
# Specification
# ---------------------------------------------------------------------------

def spec_path(directory=None):
    return os.path.join(directory or HERE, SPEC_FILE)


@functools.lru_cache(maxsize=8)
def _load_spec_cached(path):
    try:
        with open(path, encoding="utf-8-sig") as fh:
            raw = json.load(fh)
    except FileNotFoundError:
        raise SpecError(f"{SPEC_FILE} not found next to helper.py ({path})") from None
    except ValueError as exc:
        raise SpecError(f"{path} is not valid JSON: {exc}") from None
    return json.dumps(normalize_spec(raw))


def load_spec(directory=None):
    """The normalised ml_spec.json of ``directory`` (default: this file's folder), as a fresh dict."""
    return json.loads(_load_spec_cached(os.path.abspath(spec_path(directory))))


def normalize_spec(raw):
    """Checks ml_spec.json and fills defaults; raises SpecError with a readable message."""
    if not isinstance(raw, dict):
        raise SpecError(f"{SPEC_FILE} must hold a JSON object")
    spec = dict(raw)
    task = spec.get("task")
    if task not in TASKS:
        raise SpecError(f"{SPEC_FILE}: task must be one of {', '.join(TASKS)}, got {task!r}")
    target = spec.get("target")
    if task == "clustering":
        spec["target"] = None
    elif not isinstance(target, str) or not target:
        raise SpecError(f"{SPEC_FILE}: task {task} needs a target column name")
    metric = spec.get("metric")
    names = [m for m in METRICS[task] if m not in ("fit_seconds", "is_valid")]
    if metric is None:
        spec["metric"] = names[0]
    elif metric not in METRICS[task]:
        raise SpecError(f"{SPEC_FILE}: metric {metric!r} is not a {task} metric ({', '.join(names)})")
    columns = spec.get("columns")
    if not isinstance(columns, list) or not columns:
        raise SpecError(f"{SPEC_FILE}: columns must be a non-empty list of {{name, type}} objects")
    seen, clean = set(), []
    for col in columns:
        if not isinstance(col, dict) or not isinstance(col.get("name"), str):
            raise SpecError(f"{SPEC_FILE}: every column needs a string 'name': {col!r}")
        name, kind = col["name"], col.get("type", "numeric")
        if kind not in COLUMN_TYPES:
            raise SpecError(f"{SPEC_FILE}: column {name!r} has type {kind!r}; expected one of {', '.join(COLUMN_TYPES)}")
        if name == spec["target"]:
            continue  # the target is never a feature
        if name in seen:
            raise SpecError(f"{SPEC_FILE}: column {name!r} is listed twice")
        seen.add(name)
        clean.append({"name": name, "type": kind})
    if not clean:
        raise SpecError(f"{SPEC_FILE}: no feature columns (the target cannot be the only column)")
    spec["columns"] = clean
    spec["data_file"] = spec.get("data_file") or "data.csv"
    spec["seed"] = int(spec.get("seed") if spec.get("seed") is not None else 42)
    spec["test_size"] = _fraction(spec.get("test_size"), 0.25, "test_size")
    holdout = spec.get("holdout_size")
    spec["holdout_size"] = 0.0 if holdout in (None, 0, 0.0) else _fraction(holdout, 0.2, "holdout_size")
    folds = spec.get("cv_folds")
    spec["cv_folds"] = int(folds) if folds not in (None, "") and int(folds) >= 2 else 0
    if task == "clustering":
        k = spec.get("n_clusters")
        if k is None or int(k) < 2:
            raise SpecError(f"{SPEC_FILE}: clustering needs n_clusters >= 2, got {k!r}")
        spec["n_clusters"] = int(k)
    else:
        spec["n_clusters"] = None
    limit = spec.get("row_limit")
    spec["row_limit"] = int(limit) if limit not in (None, "", 0) else None
    spec["delimiter"] = spec.get("delimiter") or ","
    return spec


def _fraction(value, default, name):
    if value is None:
        return default
    value = float(value)
    if not 0.0 < value < 1.0:
        raise SpecError(f"{SPEC_FILE}: {name} must be strictly between 0 and 1, got {value}")
    return value


def column_groups(spec):
    """(numeric, categorical, text) feature names; boolean counts as numeric, text is also categorical."""
    numeric = [c["name"] for c in spec["columns"] if c["type"] in ("numeric", "boolean")]
    categorical = [c["name"] for c in spec["columns"] if c["type"] in ("categorical", "text")]
    text = [c["name"] for c in spec["columns"] if c["type"] == "text"]
    return numeric, categorical, text


def feature_names(spec):
    return [c["name"] for c in spec["columns"]]


# ---------------------------------------------------------------------------
# Reading and typing (shared by training and prediction)
# ---------------------------------------------------------------------------

def data_path(spec, directory=None):
    path = spec["data_file"]
    return path if os.path.isabs(path) else os.path.join(directory or HERE, path)


def read_table(path, spec):
    """The CSV as text cells (NaN where missing), so typing below is the same for every file."""
    return pd.read_csv(path, dtype=str, keep_default_na=False, na_values=NA_STRINGS,
                       sep=spec.get("delimiter") or ",", encoding="utf-8-sig", low_memory=False)


def _text(series):
    """Stripped str cells; missing cells stay NaN."""
    series = pd.Series(series)
    text = series.astype(object)
    present = text.notna()
    out = pd.Series(np.nan, index=series.index, dtype=object)
    if present.any():
        out[present] = text[present].astype(str).str.strip()
    return out


_BOOLEAN = {**{v: 1.0 for v in _TRUE}, **{v: 0.0 for v in _FALSE}}


def type_column(series, kind):
    """One column typed: numeric/boolean -> float (NaN kept), categorical/text -> str (MISSING)."""
    series = pd.Series(series)
    if kind == "numeric":
        if pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series):
            values = series.astype(float)
        else:
            text = series
            if pd.api.types.infer_dtype(series, skipna=True) not in ("string", "empty"):
                text = _text(series)  # mixed cell types: stringify first
            values = pd.to_numeric(text, errors="coerce").astype(float)  # tolerates surrounding spaces
        return values.where(np.isfinite(values))  # inf -> NaN as well
    if kind == "boolean":
        if pd.api.types.is_bool_dtype(series):
            return series.astype(float)
        return _text(series).str.lower().map(_BOOLEAN).astype(float)
    text = _text(series)
    return text.where(text.notna() & (text != ""), MISSING).astype(object)


def type_features(frame, spec):
    """The feature columns of ``frame`` typed as in the spec (extra columns dropped, target ignored)."""
    names = feature_names(spec)
    missing = [n for n in names if n not in frame.columns]
    if missing:
        raise MissingColumnsError(
            f"missing feature column(s): {', '.join(repr(n) for n in missing)} "
            f"(the file has: {', '.join(repr(str(c)) for c in frame.columns)})")
    out = pd.DataFrame(index=frame.index)
    for col in spec["columns"]:
        out[col["name"]] = type_column(frame[col["name"]], col["type"])
    return out


def type_target(series, spec):
    """Classification: labels (int when every label is an integer number, else str); regression: float.
    Missing targets are NaN."""
    if spec["task"] == "regression":
        return type_column(series, "numeric")
    text = _text(series)
    text = text.where(text != "")
    present = text.dropna()
    numbers = pd.to_numeric(present, errors="coerce")
    if len(present) and numbers.notna().all() and np.all(np.isfinite(numbers)) and np.all(numbers == np.round(numbers)):
        out = pd.Series(np.nan, index=text.index, dtype=object)
        out[present.index] = numbers.astype(np.int64).values
        return out
    return text.astype(object)


@functools.lru_cache(maxsize=4)
def _load_rows_cached(directory):
    spec = load_spec(directory)
    frame = read_table(data_path(spec, directory), spec)
    X = type_features(frame, spec)
    y = None
    if spec["task"] != "clustering":
        if spec["target"] not in frame.columns:
            raise MissingColumnsError(f"target column {spec['target']!r} is not in {spec['data_file']}")
        y = type_target(frame[spec["target"]], spec)
        keep = y.notna().to_numpy()
        X, y = X.loc[keep], y.loc[keep]
        if spec["task"] == "classification":
            y = y.astype(np.int64) if all(isinstance(v, (int, np.integer)) for v in y) else y.astype(object)
    order = np.random.RandomState(spec["seed"]).permutation(len(X))
    if spec["row_limit"]:
        order = order[: spec["row_limit"]]
    X = X.iloc[order].reset_index(drop=True)
    if y is not None:
        y = y.iloc[order].reset_index(drop=True)
        y.name = spec["target"]
    if len(X) < 4:
        raise ValueError(f"{spec['data_file']} has {len(X)} usable row(s); at least 4 are needed")
    return X, y


def load_rows(directory=None):
    """All usable rows (missing-target rows dropped), shuffled with the seed, cut to row_limit."""
    X, y = _load_rows_cached(os.path.abspath(directory or HERE))
    return X.copy(), (None if y is None else y.copy())


# ---------------------------------------------------------------------------
# Splits
# ---------------------------------------------------------------------------

def _stratify_labels(y, size, spec):
    """y when a stratified split of that size is possible, else None (tiny classes)."""
    if spec["task"] != "classification" or y is None:
        return None
    counts = y.value_counts()
    n = len(y)
    n_test = int(math.ceil(size * n))
    if counts.min() < 2 or n_test < len(counts) or n - n_test < len(counts):
        return None
    return y


def _split(X, y, size, spec):
    from sklearn.model_selection import train_test_split
    if len(X) < 2:
        raise ValueError("too few rows to split")
    idx = np.arange(len(X))
    strat = _stratify_labels(y, size, spec)
    try:
        a, b = train_test_split(idx, test_size=size, random_state=spec["seed"], stratify=strat)
    except ValueError:
        a, b = train_test_split(idx, test_size=size, random_state=spec["seed"], stratify=None)
    a, b = np.sort(a), np.sort(b)

    def take(rows):
        return X.iloc[rows].reset_index(drop=True), (None if y is None else y.iloc[rows].reset_index(drop=True))

    return take(a), take(b)


@functools.lru_cache(maxsize=4)
def _splits_cached(directory):
    spec = load_spec(directory)
    X, y = load_rows(directory)
    if spec["holdout_size"] > 0:
        (Xs, ys), (Xh, yh) = _split(X, y, spec["holdout_size"], spec)
    else:
        Xs, ys, Xh, yh = X, y, X.iloc[:0], (None if y is None else y.iloc[:0])
    (Xt, yt), (Xv, yv) = _split(Xs, ys, spec["test_size"], spec)
    return {"search": (Xs, ys), "holdout": (Xh, yh), "train": (Xt, yt), "val": (Xv, yv)}


def load_split(part, directory=None):
    """(X, y) of one part: "search" (= train + val), "train", "val" or "holdout"; y is None for clustering.

    The holdout part (holdout_size of the rows, stratified for classification) is cut first and
    never used during the search; the search rows are then split train/val by test_size.
    """
    X, y = _splits_cached(os.path.abspath(directory or HERE))[part]
    return X.copy(), (None if y is None else y.copy())


def cv_splits(X, y, spec):
    """Seeded K-fold indices over (X, y): stratified for classification when the classes allow it."""
    from sklearn.model_selection import KFold, StratifiedKFold
    k = min(spec["cv_folds"], len(X))
    if k < 2:
        raise ValueError(f"cannot make {spec['cv_folds']} folds from {len(X)} rows")
    if spec["task"] == "classification" and y is not None and y.value_counts().max() >= k:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "least populated class has only n members"
            return list(StratifiedKFold(n_splits=k, shuffle=True, random_state=spec["seed"]).split(X, y))
    return list(KFold(n_splits=k, shuffle=True, random_state=spec["seed"]).split(X))


# ---------------------------------------------------------------------------
# Helpers for programs (import these; keep their bounds outside the EVOLVE-BLOCK)
# ---------------------------------------------------------------------------

def clip_int(value, low=1, high=None):
    """int(value) kept within [low, high]; survives any perturbation of the literal."""
    try:
        v = int(round(float(value)))
    except (TypeError, ValueError, OverflowError):
        v = low
    v = max(low, v)
    return v if high is None else min(high, v)


def clip_float(value, low=0.0, high=None):
    """abs(float(value)) kept within [low, high]."""
    try:
        v = abs(float(value))
    except (TypeError, ValueError, OverflowError):
        v = low
    if not math.isfinite(v):
        v = low if high is None else high
    v = max(low, v)
    return v if high is None else min(high, v)


def clip_fraction(value, low=0.01, high=0.99):
    return clip_float(value, low, high)


def flag(value):
    """Numeric literal used as a switch: on when above 0.5."""
    try:
        return float(value) > 0.5
    except (TypeError, ValueError):
        return False


def one_hot_encoder(max_categories=None, dense=True):
    """OneHotEncoder(handle_unknown="ignore") across scikit-learn versions (dense by default)."""
    from sklearn.preprocessing import OneHotEncoder
    kwargs = {"handle_unknown": "ignore"}
    if max_categories is not None:
        kwargs["max_categories"] = max(2, int(max_categories))
    try:
        return OneHotEncoder(sparse_output=not dense, **kwargs)
    except TypeError:  # scikit-learn < 1.2
        return OneHotEncoder(sparse=not dense, **kwargs)


# ---------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------

def clone_estimator(model):
    """sklearn.base.clone(model), or a TypeError saying what entrypoint must return."""
    from sklearn.base import clone
    try:
        estimator = clone(model)
    except Exception as exc:
        raise TypeError(f"entrypoint must return a scikit-learn estimator: {type(exc).__name__}: {exc}") from None
    if not hasattr(estimator, "fit"):
        raise TypeError(f"entrypoint must return a scikit-learn estimator: {type(model).__name__} has no fit()")
    return estimator


def _finite(metrics, key, value):
    try:
        value = float(value)
    except (TypeError, ValueError):
        return
    if math.isfinite(value):
        metrics[key] = value


def _timed_fit(estimator, X, y):
    start = time.perf_counter()
    if y is None:
        estimator.fit(X)
    else:
        estimator.fit(X, y)
    return time.perf_counter() - start


def _scores(model, X, n_classes):
    """Per-class scores (predict_proba, else decision_function), shaped (n, n_classes) or None."""
    for method in ("predict_proba", "decision_function"):
        if not hasattr(model, method):
            continue
        try:
            s = np.asarray(getattr(model, method)(X), dtype=float)
        except Exception:
            continue
        if s.ndim == 1 and n_classes == 2 and method == "decision_function":
            s = np.column_stack([-s, s])
        if s.ndim == 2 and s.shape == (len(X), n_classes) and np.all(np.isfinite(s)):
            return s, method
    return None, None


def _roc_auc(y_true, scores, classes):
    from sklearn.metrics import roc_auc_score
    y_true = np.asarray(y_true).reshape(-1)
    if len(classes) == 2:
        positive = y_true == classes[1]
        if 0 < positive.sum() < len(positive):
            return roc_auc_score(positive, scores[:, 1])
        return None
    values = []
    for i, c in enumerate(classes):  # one-vs-rest, macro over the classes present in y_true
        positive = y_true == c
        if 0 < positive.sum() < len(positive):
            values.append(roc_auc_score(positive, scores[:, i]))
    return float(np.mean(values)) if values else None


def score_classification(model, X, y, known_labels):
    """accuracy, f1_macro, roc_auc, log_loss (the last two need predict_proba/decision_function),
    is_valid: 1 when there is one prediction per row and every prediction is a known label."""
    from sklearn.metrics import accuracy_score, f1_score
    metrics = {"is_valid": 0.0}
    try:
        pred = np.asarray(model.predict(X)).reshape(-1)
    except Exception:
        return metrics
    if len(pred) != len(y):
        return metrics
    known = set(known_labels)
    try:
        valid = all(p in known for p in pred.tolist())
    except TypeError:
        valid = False
    y_true = np.asarray(y).reshape(-1)
    try:
        _finite(metrics, "accuracy", accuracy_score(y_true, pred))
        _finite(metrics, "f1_macro", f1_score(y_true, pred, average="macro", zero_division=0))
    except Exception:
        valid = False
    classes = list(getattr(model, "classes_", []))
    if len(classes) >= 2:
        scores, method = _scores(model, X, len(classes))
        if scores is not None:
            try:
                auc = _roc_auc(y_true, scores, classes)
                if auc is not None:
                    _finite(metrics, "roc_auc", auc)
            except Exception:
                pass
            if method == "predict_proba":
                try:
                    _finite(metrics, "log_loss", _log_loss(y_true, scores, classes, known_labels))
                except Exception:
                    pass
    metrics["is_valid"] = 1.0 if valid else 0.0
    return metrics


def _log_loss(y_true, proba, classes, known_labels):
    """Log loss over every label of the data set: a class the model never saw gets probability 0
    (clipped to 1e-15), so the value stays finite even when a rare class is missing from training."""
    from sklearn.metrics import log_loss
    # log_loss expects the columns in sorted label order (as LabelBinarizer sorts them).
    labels = np.unique(np.concatenate([np.asarray(list(known_labels)), np.asarray(classes), y_true]))
    position = {label: i for i, label in enumerate(labels.tolist())}
    full = np.zeros((len(y_true), len(labels)))
    for i, c in enumerate(np.asarray(classes).tolist()):
        full[:, position[c]] = proba[:, i]
    full = np.clip(full, 1e-15, 1.0)
    full = full / full.sum(axis=1, keepdims=True)
    return log_loss(y_true.tolist(), full, labels=labels.tolist())


def score_regression(model, X, y):
    from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
    metrics = {"is_valid": 0.0}
    try:
        pred = np.asarray(model.predict(X), dtype=float).reshape(-1)
    except Exception:
        return metrics
    if len(pred) != len(y) or not np.all(np.isfinite(pred)):
        return metrics
    y = np.asarray(y, dtype=float)
    _finite(metrics, "rmse", math.sqrt(mean_squared_error(y, pred)))
    _finite(metrics, "mae", mean_absolute_error(y, pred))
    if len(y) >= 2 and np.ptp(y) > 0:
        _finite(metrics, "r2", r2_score(y, pred))
    metrics["is_valid"] = 1.0
    return metrics


@functools.lru_cache(maxsize=4)
def _metric_space_cached(directory):
    from sklearn.compose import ColumnTransformer
    from sklearn.impute import SimpleImputer
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import StandardScaler
    spec = load_spec(directory)
    numeric, categorical, text = column_groups(spec)
    non_text = [c for c in categorical if c not in text]
    cats = non_text if (numeric or non_text) else categorical  # text only when nothing else exists
    parts = []
    if numeric:
        parts.append(("num", Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())]), numeric))
    if cats:
        parts.append(("cat", one_hot_encoder(METRIC_SPACE_MAX_CATEGORIES), cats))
    space = ColumnTransformer(parts, remainder="drop", sparse_threshold=0.0)
    X, _ = load_split("search", directory)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        space.fit(X)
    return space


def metric_space(X, directory=None):
    """The fixed feature space clustering is scored in, independent of the program: numeric columns
    median-imputed and standardised, categorical columns one-hot (at most 20 columns each; text columns
    left out when other columns exist), all fitted on the search rows."""
    space = _metric_space_cached(os.path.abspath(directory or HERE))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return np.asarray(space.transform(X), dtype=float)


def _distinct(labels):
    try:
        return len(np.unique(labels))
    except TypeError:
        return len({str(v) for v in labels.tolist()})


def score_clustering(labels, X, n_clusters, seed, directory=None, fitted_clusters=None):
    """silhouette, davies_bouldin, calinski_harabasz of ``labels`` in the fixed metric space, and
    is_valid: 1 when the estimator made exactly n_clusters clusters (``fitted_clusters``, counted
    on the rows it was fitted on, when given; else the distinct values of ``labels``)."""
    from sklearn.metrics import calinski_harabasz_score, davies_bouldin_score, silhouette_score
    metrics = {"is_valid": 0.0}
    try:
        labels = np.asarray(labels).reshape(-1)
    except Exception:
        return metrics
    if len(labels) != len(X):
        return metrics
    if labels.dtype.kind not in "biuf":
        labels = np.asarray([str(v) for v in labels.tolist()])
    distinct = _distinct(labels)
    if 2 <= distinct <= len(X) - 1:
        Z = metric_space(X, directory)
        sample = SILHOUETTE_MAX_ROWS if len(X) > SILHOUETTE_MAX_ROWS else None
        for key, fn in (("silhouette", lambda: silhouette_score(Z, labels, sample_size=sample, random_state=seed)),
                        ("davies_bouldin", lambda: davies_bouldin_score(Z, labels)),
                        ("calinski_harabasz", lambda: calinski_harabasz_score(Z, labels))):
            try:
                _finite(metrics, key, fn())
            except Exception:
                pass
    made = distinct if fitted_clusters is None else fitted_clusters
    metrics["is_valid"] = 1.0 if made == n_clusters else 0.0
    return metrics


def _cluster_labels(estimator, X_fit, X_label):
    """(labels of X_label, fit seconds, clusters made on the fitted rows or None).

    X_label is X_fit: fit_predict. Otherwise fit on X_fit and predict X_label (the validity count is
    then taken on X_fit, so a small scored part need not contain every cluster); an estimator that
    cannot predict new rows is fitted on X_label instead (fit_predict)."""
    start = time.perf_counter()
    if X_label is not X_fit and hasattr(estimator, "predict"):
        estimator.fit(X_fit)
        seconds = time.perf_counter() - start
        made = _distinct(np.asarray(estimator.predict(X_fit)).reshape(-1))
        return estimator.predict(X_label), seconds, made
    if hasattr(estimator, "fit_predict"):
        labels = estimator.fit_predict(X_label)
        return labels, time.perf_counter() - start, None
    estimator.fit(X_label)
    seconds = time.perf_counter() - start
    if hasattr(estimator, "predict"):
        return estimator.predict(X_label), seconds, None
    if hasattr(estimator, "labels_"):
        return estimator.labels_, seconds, None
    raise TypeError("a clustering estimator needs fit_predict() or predict()")


def _score_fold(estimator, spec, X_fit, y_fit, X_eval, y_eval, known, directory):
    task = spec["task"]
    if task == "clustering":
        labels, seconds, made = _cluster_labels(estimator, X_fit, X_eval)
        metrics = score_clustering(labels, X_eval, spec["n_clusters"], spec["seed"], directory, made)
    else:
        seconds = _timed_fit(estimator, X_fit, y_fit)
        if task == "classification":
            metrics = score_classification(estimator, X_eval, y_eval, known)
        else:
            metrics = score_regression(estimator, X_eval, y_eval)
    metrics["fit_seconds"] = seconds
    return metrics


def _average(folds, task):
    out = {}
    for key in METRICS[task]:
        values = [f[key] for f in folds if key in f]
        if key == "is_valid":
            out[key] = float(min(f.get("is_valid", 0.0) for f in folds))
        elif key == "fit_seconds":
            out[key] = float(sum(values))
        elif len(values) == len(folds):
            out[key] = float(np.mean(values))
    return out


def evaluate(model, evaluation="search", directory=None):
    """Clones ``model``, fits and scores it on rows loaded here (never from a context).

    search:  fit on train, score val; with cv_folds >= 2, the mean over K folds of the search rows
             (fit_seconds is then the total over the folds).
    holdout: fit on all search rows, score the holdout rows.
    Clustering: search fits (fit_predict) the train rows and scores their labels; holdout fits the
    search rows and predicts the holdout rows (fit_predict on them if the estimator cannot predict).
    Returns {metric: finite float}; a metric that cannot be computed is left out.
    """
    spec = load_spec(directory)
    task = spec["task"]
    _, y_all = load_rows(directory)
    known = [] if y_all is None else sorted(set(y_all.tolist()))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if evaluation == "holdout":
            if spec["holdout_size"] <= 0:
                raise ValueError("ml_spec.json has holdout_size 0: there is no holdout part to evaluate")
            Xs, ys = load_split("search", directory)
            Xh, yh = load_split("holdout", directory)
            return _score_fold(clone_estimator(model), spec, Xs, ys, Xh, yh, known, directory)
        if evaluation != "search":
            raise ValueError(f"context['evaluation'] must be 'search' or 'holdout', got {evaluation!r}")
        if spec["cv_folds"] >= 2:
            Xs, ys = load_split("search", directory)
            folds = []
            for tr, va in cv_splits(Xs, ys, spec):
                Xtr = Xs.iloc[tr].reset_index(drop=True)
                ytr = None if ys is None else ys.iloc[tr].reset_index(drop=True)
                if task == "clustering":
                    Xev, yev = Xtr, None
                else:
                    Xev = Xs.iloc[va].reset_index(drop=True)
                    yev = ys.iloc[va].reset_index(drop=True)
                folds.append(_score_fold(clone_estimator(model), spec, Xtr, ytr, Xev, yev, known, directory))
            return _average(folds, task)
        Xt, yt = load_split("train", directory)
        if task == "clustering":
            return _score_fold(clone_estimator(model), spec, Xt, None, Xt, None, known, directory)
        Xv, yv = load_split("val", directory)
        return _score_fold(clone_estimator(model), spec, Xt, yt, Xv, yv, known, directory)


# ---------------------------------------------------------------------------
# Contexts (context.py and holdout_context.py are thin wrappers around this)
# ---------------------------------------------------------------------------

def make_context(evaluation="search", directory=None):
    """The dict handed to entrypoint(context): training rows only, never validation/holdout rows.

    search:  X_train/y_train = the train rows (all search rows when cv_folds >= 2);
    holdout: all search rows (validate then scores the holdout rows);
    final:   every usable row (search + holdout), for the exported model.
    """
    spec = load_spec(directory)
    if evaluation == "search":
        X, y = load_split("search" if spec["cv_folds"] >= 2 else "train", directory)
    elif evaluation == "holdout":
        X, y = load_split("search", directory)
    elif evaluation == "final":
        X, y = load_rows(directory)
    else:
        raise ValueError(f"evaluation must be 'search', 'holdout' or 'final', got {evaluation!r}")
    numeric, categorical, text = column_groups(spec)
    return {
        "X_train": X,
        "y_train": y,
        "numeric_columns": numeric,
        "categorical_columns": categorical,
        "text_columns": text,
        "task": spec["task"],
        "target": spec["target"],
        "metric": spec["metric"],
        "n_clusters": spec["n_clusters"],
        "seed": spec["seed"],
        "evaluation": evaluation,
    }
