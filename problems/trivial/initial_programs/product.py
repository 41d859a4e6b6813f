"""Trivial: return a product of an int and a float."""

# EVOLVE-BLOCK-START
COUNT = 2
STEP = 0.75


def compute():
    return COUNT * STEP
# EVOLVE-BLOCK-END


def entrypoint():
    return compute()
