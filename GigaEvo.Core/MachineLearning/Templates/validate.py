"""validate(context, model) -> metrics dict for a GigaEvo ML experiment.

``model`` is what entrypoint(context) returned: an UNFITTED scikit-learn estimator
(pickled in the program's process, unpickled here). It is cloned (fitted state is
discarded), fitted and scored on rows that helper.py loads here; only
context["evaluation"] is read from the context:
  "search"  (default): fit on the train rows, score the validation rows, or the mean
            over cv_folds folds of the search rows when cv_folds >= 2;
  "holdout": fit on all search rows, score the holdout rows.
Returned metrics (finite floats; one that cannot be computed is left out):
  classification: accuracy, f1_macro, roc_auc, log_loss, fit_seconds, is_valid
  regression:     r2, rmse, mae, fit_seconds, is_valid
  clustering:     silhouette, davies_bouldin, calinski_harabasz, fit_seconds, is_valid
"""
from helper import evaluate


def validate(context, model):
    evaluation = "search"
    if isinstance(context, dict) and context.get("evaluation"):
        evaluation = context["evaluation"]
    return evaluate(model, evaluation)
