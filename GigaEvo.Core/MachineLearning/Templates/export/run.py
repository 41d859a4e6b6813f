"""Evaluates program.py the way the platform does, and prints the metrics as JSON.

    python3 run.py [--program program.py]

search:  entrypoint(build_context()) -> validate (train/val split, or K-fold CV);
holdout: entrypoint(build_holdout_context()) -> validate (fit on the search rows,
         score the holdout rows, which the search never used).
The returned estimator goes through pickle in between, as it does between the
platform's processes. Files are found next to this script, whatever the cwd.
"""
import argparse
import importlib.util
import json
import os
import pickle
import sys
import time

# One BLAS/OpenMP thread unless the caller chose otherwise, as on the platform (set before numpy and
# scikit-learn load): small fits are faster, and fit_seconds compare with the platform's.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)


def load_program(path):
    spec = importlib.util.spec_from_file_location("program", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["program"] = module  # as on the platform: pickles may refer to program.<name>
    spec.loader.exec_module(module)
    if not hasattr(module, "entrypoint"):
        raise SystemExit(f"{path} does not define entrypoint(context)")
    return module


def evaluate(program, context):
    import validate
    started = time.perf_counter()
    model = pickle.loads(pickle.dumps(program.entrypoint(context), protocol=pickle.HIGHEST_PROTOCOL))
    metrics = validate.validate(context, model)
    metrics = {k: float(v) for k, v in metrics.items()}
    return metrics, time.perf_counter() - started


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--program", default=os.path.join(HERE, "program.py"))
    args = parser.parse_args(argv)
    import context as ctx
    from helper import load_spec
    spec = load_spec()
    program = load_program(os.path.abspath(args.program))
    report = {"program": os.path.basename(args.program), "task": spec["task"], "primary_metric": spec["metric"]}
    report["search"], seconds = evaluate(program, ctx.build_context())
    report["search_seconds"] = round(seconds, 3)
    if spec["holdout_size"] > 0:
        report["holdout"], seconds = evaluate(program, ctx.build_holdout_context())
        report["holdout_seconds"] = round(seconds, 3)
    else:
        report["holdout"] = None
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
