"""The holdout context under the name the platform's context job calls: build_context().

Point a context job at this file instead of context.py to evaluate a program on the
holdout rows (validate() sees context["evaluation"] == "holdout": it fits on all
search rows and scores the holdout rows). The harness registers the loaded file as
module "context", so this file imports helper, not context.
"""
from helper import make_context


def build_context():
    return make_context("holdout")
