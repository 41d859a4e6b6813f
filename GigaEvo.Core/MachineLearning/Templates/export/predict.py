"""Predicts with the model saved by train.py.

    python3 predict.py new.csv [--model model.joblib] [--out predictions.csv]

new.csv needs every feature column (others, and the target, are ignored); columns are
typed exactly as in training. Writes a CSV with a "prediction" column (cluster label
for clustering) and, for classifiers with predict_proba, one "proba_<class>" column
per class, in the input's row order.
"""
import argparse
import os
import sys
import warnings

# One BLAS/OpenMP thread unless the caller chose otherwise, as on the platform (set before numpy and
# scikit-learn load): small fits are faster, and fit_seconds compare with the platform's.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", help="rows to predict (CSV with a header row)")
    parser.add_argument("--model", default=os.path.join(HERE, "model.joblib"))
    parser.add_argument("--out", default="predictions.csv")
    args = parser.parse_args(argv)
    import joblib
    import numpy as np
    import pandas as pd
    from helper import MissingColumnsError, read_table, type_features

    if not os.path.exists(args.model):
        print(f"error: {args.model} not found; run train.py first", file=sys.stderr)
        return 2
    program = os.path.join(HERE, "program.py")
    if os.path.exists(program):  # pickles may refer to functions defined in program.py
        from run import load_program
        load_program(program)
    bundle = joblib.load(args.model)
    spec = bundle["spec"]
    try:
        X = type_features(read_table(args.csv, spec), spec)
    except MissingColumnsError as exc:
        print(f"error: {args.csv}: {exc}", file=sys.stderr)
        return 2
    model = bundle["model"]
    out = pd.DataFrame(index=range(len(X)))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if len(X) == 0:
            out["prediction"] = []
        elif bundle["task"] == "clustering" and not hasattr(model, "predict"):
            out["prediction"] = np.asarray(model.fit_predict(X)).reshape(-1)
        else:
            out["prediction"] = np.asarray(model.predict(X)).reshape(-1)
        if bundle["task"] == "classification" and hasattr(model, "predict_proba") and len(X):
            proba = np.asarray(model.predict_proba(X), dtype=float)
            for i, cls in enumerate(bundle.get("classes") or list(model.classes_)):
                out[f"proba_{cls}"] = proba[:, i]
    out.to_csv(args.out, index=False)
    print(f"predicted {len(out)} rows; wrote {os.path.abspath(args.out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
