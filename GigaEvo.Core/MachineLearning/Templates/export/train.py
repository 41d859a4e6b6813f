"""Fits program.py's pipeline on ALL rows (search + holdout) and saves it with joblib.

    python3 train.py [--out model.joblib] [--program program.py]

The saved file is a dict: {"model": fitted estimator, "columns": feature names,
"column_types": {name: type}, "task", "target", "metric", "n_clusters",
"classes" (classification), "spec": ml_spec.json}. predict.py reads it.
"""
import argparse
import os
import sys
import time
import warnings

# One BLAS/OpenMP thread unless the caller chose otherwise, as on the platform (set before numpy and
# scikit-learn load): small fits are faster, and fit_seconds compare with the platform's.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=os.path.join(HERE, "model.joblib"))
    parser.add_argument("--program", default=os.path.join(HERE, "program.py"))
    args = parser.parse_args(argv)
    import joblib
    from helper import make_context
    from helper import clone_estimator, load_spec
    from run import load_program

    spec = load_spec()
    program = load_program(os.path.abspath(args.program))
    context = make_context("final")
    model = clone_estimator(program.entrypoint(context))
    X, y = context["X_train"], context["y_train"]
    started = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if y is None:
            model.fit(X)
        else:
            model.fit(X, y)
    seconds = time.perf_counter() - started
    bundle = {
        "model": model,
        "columns": [c["name"] for c in spec["columns"]],
        "column_types": {c["name"]: c["type"] for c in spec["columns"]},
        "task": spec["task"],
        "target": spec["target"],
        "metric": spec["metric"],
        "n_clusters": spec["n_clusters"],
        "spec": spec,
    }
    if spec["task"] == "classification" and hasattr(model, "classes_"):
        bundle["classes"] = [c.item() if hasattr(c, "item") else c for c in model.classes_]
    out = os.path.abspath(args.out)
    joblib.dump(bundle, out)
    print(f"trained on {len(X)} rows in {seconds:.2f} s; saved {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
